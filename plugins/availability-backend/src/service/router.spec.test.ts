import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import YAML from 'yaml';
import { spec } from '../schema/openapi';
import type { AvailabilityService } from './AvailabilityService';
import { createRouter } from './router';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `/entities/{kind}` in the spec is `/entities/:kind` in express. */
function toExpressPath(specPath: string): string {
  return specPath.replace(/\{([^}]+)\}/g, ':$1');
}

async function routerRoutes(): Promise<string[]> {
  const router = await createRouter({
    // Routes are only listed here, never called.
    service: {} as AvailabilityService,
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    evaluateMaxBodySize: '1mb',
  });
  return (router.stack as any[])
    .filter(layer => layer.route)
    .flatMap(layer =>
      Object.keys(layer.route.methods).map(
        method => `${method.toUpperCase()} ${layer.route.path}`,
      ),
    )
    .filter(route => route !== 'GET /openapi.json');
}

describe('the OpenAPI spec', () => {
  it('is what the router was generated from (run yarn openapi:generate)', () => {
    const source = YAML.parse(
      fs.readFileSync(
        path.resolve(__dirname, '../schema/openapi.yaml'),
        'utf8',
      ),
    );
    expect(spec).toEqual(source);
  });

  it('describes every route of the router, and the router serves every path it describes', async () => {
    const described = Object.entries(spec.paths).flatMap(([specPath, item]) =>
      Object.keys(item)
        .filter(key => METHODS.includes(key))
        .map(method => `${method.toUpperCase()} ${toExpressPath(specPath)}`),
    );
    expect((await routerRoutes()).sort()).toEqual(described.sort());
  });
});
