import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { availabilityApiRef } from '../../api';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { entity } from '../../__fixtures__/reports';
import { EntityAvailabilityContent } from './EntityAvailabilityContent';

// In its own file: usePermission caches decisions per permission for the
// whole module, so an "allowed" test in the same file would leak into this one.
describe('EntityAvailabilityContent without the refresh permission', () => {
  it('hides the refresh button and asks the permission API about the refresh permission', async () => {
    const permissionApi = mockApis.permission.mock({
      authorize: jest.fn(async () => ({ result: AuthorizeResult.DENY })),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [availabilityApiRef, mockAvailabilityApi()],
          [permissionApiRef, permissionApi],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityAvailabilityContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(await screen.findByTestId('entity-score')).toHaveTextContent('62');
    await waitFor(() =>
      expect(permissionApi.authorize).toHaveBeenCalledWith({
        permission: expect.objectContaining({
          name: 'availability.report.refresh',
        }),
      }),
    );
    expect(
      screen.queryByRole('button', { name: 'Refresh' }),
    ).not.toBeInTheDocument();
  });
});
