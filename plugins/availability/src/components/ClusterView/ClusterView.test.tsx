import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { availabilityApiRef } from '../../api';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { ClusterView } from './ClusterView';

describe('ClusterView', () => {
  it('shows drain readiness on top and what each node and zone takes down', async () => {
    const api = mockAvailabilityApi();
    await renderInTestApp(
      <TestApiProvider apis={[[availabilityApiRef, api]]}>
        <Routes>
          <Route path="/clusters/:cluster" element={<ClusterView />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/clusters/prod-eu'] },
    );

    const drain = await screen.findByTestId('availability-drain-readiness');
    expect(api.getFailureDomains).toHaveBeenCalledWith('prod-eu');
    expect(drain).toHaveTextContent(
      'Draining 3 of 3 nodes of prod-eu would hang or take a service down',
    );
    expect(drain).toHaveTextContent('blocks every drain');
    expect(drain).toHaveTextContent('PDB search (minAvailable "100%")');

    const blast = screen.getByTestId('availability-blast-radius');
    expect(
      within(blast).getByTestId('availability-node-eu-a-1'),
    ).toHaveTextContent('Cart goes dark (Deployment shop/cart)');
    expect(
      within(blast).getByTestId('availability-zone-eu-1a'),
    ).toHaveTextContent('Cart goes dark');
    expect(
      within(blast).getByTestId('availability-node-eu-b-1'),
    ).toHaveTextContent('Every service survives its failure.');
  });
});
