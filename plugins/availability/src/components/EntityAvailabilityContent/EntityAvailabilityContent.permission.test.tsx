import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { renderContent } from './__testUtils__/renderContent';

// In its own file: usePermission caches decisions per permission for the
// whole module, so an "allowed" test in the same file would leak into this one.
describe('EntityAvailabilityContent without the refresh permission', () => {
  it('hides the refresh button and asks the permission API about the refresh permission', async () => {
    const permissionApi = mockApis.permission.mock({
      authorize: jest.fn(async () => ({ result: AuthorizeResult.DENY })),
    });
    await renderContent({ permissionApi });

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
