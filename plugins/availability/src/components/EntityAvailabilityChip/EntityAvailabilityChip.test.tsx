import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { cleanup, screen } from '@testing-library/react';
import { availabilityApiRef } from '../../api';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { reportRow } from '../../__fixtures__/reports';
import { EntityAvailabilityChip } from './EntityAvailabilityChip';

async function renderChips(
  api: ReturnType<typeof mockAvailabilityApi>,
  refs: string[],
) {
  await renderInTestApp(
    <TestApiProvider apis={[[availabilityApiRef, api]]}>
      <ul>
        {refs.map(ref => (
          <li key={ref} data-testid={`row-${ref}`}>
            <EntityAvailabilityChip entityRef={ref} />
          </li>
        ))}
      </ul>
    </TestApiProvider>,
  );
}

describe('EntityAvailabilityChip', () => {
  it('shows level and score of every row with one request', async () => {
    const api = mockAvailabilityApi({
      listReports: async () => ({
        items: [
          reportRow('checkout-api', { score: 97, level: 'gold' }),
          reportRow('cart', { score: 70, level: 'bronze', stale: true }),
        ],
        totalItems: 2,
      }),
    });
    await renderChips(api, [
      'component:default/checkout-api',
      'Cart',
      'component:default/docs',
    ]);

    const chips = await screen.findAllByTestId('entity-availability-chip');
    expect(chips.map(chip => chip.textContent)).toEqual([
      'Gold97',
      'Bronze70 (stale)',
      'Not evaluated',
    ]);
    expect(api.listReports).toHaveBeenCalledTimes(1);
    expect(api.listReports).toHaveBeenCalledWith({
      entityRef: [
        'component:default/checkout-api',
        'component:default/cart',
        'component:default/docs',
      ],
      limit: 3,
    });
  });

  it('reuses the answers when the rows mount again', async () => {
    const api = mockAvailabilityApi({
      listReports: async () => ({
        items: [reportRow('checkout-api', { score: 97, level: 'gold' })],
        totalItems: 1,
      }),
    });
    await renderChips(api, ['component:default/checkout-api']);
    expect(
      await screen.findByTestId('entity-availability-chip'),
    ).toHaveTextContent('Gold97');
    cleanup();
    await renderChips(api, ['component:default/checkout-api']);
    expect(
      await screen.findByTestId('entity-availability-chip'),
    ).toHaveTextContent('Gold97');
    expect(api.listReports).toHaveBeenCalledTimes(1);
  });

  it('shows a report without a score by its level alone', async () => {
    const api = mockAvailabilityApi({
      listReports: async () => ({
        items: [reportRow('idle', { score: null as any, level: 'none' })],
        totalItems: 1,
      }),
    });
    await renderChips(api, ['component:default/idle']);
    expect(
      await screen.findByTestId('entity-availability-chip'),
    ).toHaveTextContent('No levelno score');
  });

  it('tells a failed request apart from a missing report', async () => {
    const api = mockAvailabilityApi({
      listReports: async () => {
        throw new Error('503 Service Unavailable');
      },
    });
    await renderChips(api, ['component:default/checkout-api']);
    expect(
      await screen.findByTestId('entity-availability-chip'),
    ).toHaveTextContent('Availability unavailable');
  });
});
