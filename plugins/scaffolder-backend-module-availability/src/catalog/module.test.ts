import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ANNOTATION_LOCATION } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import path from 'node:path';
import { catalogModuleAvailabilityTemplates } from './module';

async function providedTemplates(catalog?: object) {
  const providers: EntityProvider[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (...added: EntityProvider[]) =>
            providers.push(...added.flat()),
        },
      ],
    ],
    features: [
      catalogModuleAvailabilityTemplates,
      mockServices.rootConfig.factory({ data: catalog ? { catalog } : {} }),
    ],
  });
  const mutations: EntityProviderMutation[] = [];
  for (const provider of providers) {
    await provider.connect({
      applyMutation: async mutation => {
        mutations.push(mutation);
      },
      refresh: async () => {},
    });
  }
  return { providers, mutations };
}

describe('catalogModuleAvailabilityTemplates', () => {
  it('provides both bundled templates, located in this package', async () => {
    const { providers, mutations } = await providedTemplates();
    expect(providers.map(p => p.getProviderName())).toEqual([
      'availability-templates',
    ]);
    expect(mutations).toHaveLength(1);
    const [mutation] = mutations;
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    const templates = mutation.entities.map(e => e.entity);
    expect(templates.map(t => t.metadata.name).sort()).toEqual([
      'ha-node-service',
      'ha-stateful-service',
    ]);
    const packageDir = path.resolve(__dirname, '../..');
    for (const template of templates) {
      const location = template.metadata.annotations?.[ANNOTATION_LOCATION];
      expect(location).toMatch(/^file:\//);
      const file = location!.slice('file:'.length);
      expect(file.startsWith(path.join(packageDir, 'templates'))).toBe(true);
      // Every relative fetch:template url resolves inside the package.
      const fetched = (template.spec!.steps as any[])
        .filter(step => step.action === 'fetch:template')
        .map(step => path.resolve(path.dirname(file), step.input.url));
      expect(fetched).toHaveLength(2);
      expect(fetched.filter(dir => !fs.statSync(dir).isDirectory())).toEqual(
        [],
      );
    }
  });

  it('sets the owner given in config', async () => {
    const { mutations } = await providedTemplates({
      providers: { availabilityTemplates: { owner: 'group:default/platform' } },
    });
    const [mutation] = mutations;
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    expect(mutation.entities.map(e => e.entity.spec?.owner)).toEqual([
      'group:default/platform',
      'group:default/platform',
    ]);
  });

  it('adds no provider when turned off', async () => {
    const { providers } = await providedTemplates({
      providers: { availabilityTemplates: { enabled: false } },
    });
    expect(providers).toEqual([]);
  });

  it('refuses a non-boolean enabled at startup', async () => {
    await expect(
      providedTemplates({
        providers: { availabilityTemplates: { enabled: 'sometimes' } },
      }),
    ).rejects.toThrow(/catalog\.providers\.availabilityTemplates\.enabled/);
  });
});
