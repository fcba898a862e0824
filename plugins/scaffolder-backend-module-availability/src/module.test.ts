import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleAvailability } from './module';

describe('scaffolderModuleAvailability', () => {
  it('registers availability:validate with the scaffolder', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...added: TemplateAction<any, any, any>[]) =>
              actions.push(...added),
          },
        ],
      ],
      features: [
        scaffolderModuleAvailability,
        mockServices.rootConfig.factory({
          // The backend plugin's keys share the block and must not stop the scaffolder.
          data: {
            availability: {
              thresholds: { minReplicas: 3 },
              schedule: {
                frequency: { minutes: 30 },
                timeout: { minutes: 10 },
              },
              refresh: { concurrency: 4 },
            },
          },
        }),
      ],
    });
    expect(actions.map(a => a.id)).toEqual(['availability:validate']);
    expect(actions[0].examples?.length).toBeGreaterThan(0);
    expect(actions[0].schema?.input).toBeDefined();
  });

  it('refuses to start with a malformed availability config', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [scaffolderActionsExtensionPoint, { addActions: () => {} }],
        ],
        features: [
          scaffolderModuleAvailability,
          mockServices.rootConfig.factory({
            data: { availability: { thresholds: { minReplicas: 'many' } } },
          }),
        ],
      }),
    ).rejects.toThrow(/availability\.thresholds\.minReplicas/);
  });
});
