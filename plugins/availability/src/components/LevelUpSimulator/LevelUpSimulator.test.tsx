import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { availabilityApiRef } from '../../api';
import { objectsReport } from '../../__fixtures__/failureDomains';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { entity } from '../../__fixtures__/reports';
import { LevelUpSimulator } from './LevelUpSimulator';

describe('LevelUpSimulator', () => {
  it('re-scores the entity with the chosen fixes and shows the merged patch', async () => {
    const api = mockAvailabilityApi();
    await renderInTestApp(
      <TestApiProvider apis={[[availabilityApiRef, api]]}>
        <EntityProvider entity={entity}>
          <LevelUpSimulator report={objectsReport} />
        </EntityProvider>
      </TestApiProvider>,
    );
    const simulator = await screen.findByTestId('availability-simulator');
    const after = within(simulator).getByTestId('availability-simulator-after');
    expect(after).toHaveTextContent(String(objectsReport.score));

    await userEvent.click(
      await within(simulator).findByLabelText(
        /^Run at least the minimum replicas/,
      ),
    );
    await userEvent.click(
      within(simulator).getByLabelText(/^Add readiness probes/),
    );

    const score = Number(after.textContent?.match(/\d+/)?.[0]);
    expect(objectsReport.score).not.toBeNull();
    expect(score).toBeGreaterThan(objectsReport.score!);
    expect(simulator).toHaveTextContent(
      'Deployment shop/checkout in prod-eu: replicas-min, probe-readiness',
    );
    expect(simulator).toHaveTextContent('replicas: 2');
  });
});
