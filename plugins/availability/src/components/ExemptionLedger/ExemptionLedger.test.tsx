import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { availabilityApiRef } from '../../api';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { ExemptionLedger } from './ExemptionLedger';

describe('ExemptionLedger', () => {
  it('lists each waiver with its owner, origin, flag and the score it would cost', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[availabilityApiRef, mockAvailabilityApi()]]}>
        <ExemptionLedger />
      </TestApiProvider>,
    );
    const ledger = await screen.findByTestId('availability-exemption-ledger');
    expect(ledger).toHaveTextContent('reports');
    expect(ledger).toHaveTextContent('data');
    expect(ledger).toHaveTextContent('object annotation');
    expect(ledger).toHaveTextContent('never expires');
    expect(ledger).toHaveTextContent('46 → 45 (−1)');
  });
});
