import { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { RenderResult } from '@testing-library/react';
import { availabilityApiRef } from '../../../api';
import { mockAvailabilityApi } from '../../../__fixtures__/mockAvailabilityApi';
import { entity } from '../../../__fixtures__/reports';
import { EntityAvailabilityContent } from '../EntityAvailabilityContent';

/**
 * Renders the entity tab of `entity` (the fixture's by default) over the
 * given availability API (a fresh mock by default), with the refresh
 * permission allowed unless `allowRefresh` is false or a `permissionApi` is
 * given.
 */
export async function renderContent(options: {
  api?: ReturnType<typeof mockAvailabilityApi>;
  allowRefresh?: boolean;
  permissionApi?: PermissionApi;
  entity?: Entity;
}): Promise<
  RenderResult & {
    api: ReturnType<typeof mockAvailabilityApi>;
    alertApi: { post: jest.Mock; alert$: jest.Mock };
  }
> {
  const api = options.api ?? mockAvailabilityApi();
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const permissionApi =
    options.permissionApi ??
    mockApis.permission({
      authorize:
        options.allowRefresh === false
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
  // Awaited so that no test leaves React's act() scope open for the next.
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [availabilityApiRef, api],
        [alertApiRef, alertApi],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={options.entity ?? entity}>
        <EntityAvailabilityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { api, alertApi, ...rendered };
}
