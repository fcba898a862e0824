import { objectsToStore } from './storedObjects';

describe('objectsToStore', () => {
  it('drops Secrets and ConfigMaps and redacts literal env values', () => {
    const stored = objectsToStore([
      { object: { kind: 'Secret', metadata: { name: 's' } }, cluster: 'c' },
      {
        cluster: 'c',
        object: {
          kind: 'Deployment',
          metadata: {
            name: 'api',
            managedFields: [{}],
            annotations: {
              'kubectl.kubernetes.io/last-applied-configuration': '{}',
              keep: 'me',
            },
          },
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: 'api',
                    env: [
                      { name: 'DB_PASSWORD', value: 'hunter2' },
                      { name: 'EMPTY', value: '' },
                      {
                        name: 'REF',
                        valueFrom: { secretKeyRef: { name: 'x' } },
                      },
                    ],
                  },
                ],
              },
            },
          },
        } as any,
      },
    ]);
    expect(stored).toEqual([
      {
        cluster: 'c',
        object: {
          kind: 'Deployment',
          metadata: { name: 'api', annotations: { keep: 'me' } },
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: 'api',
                    env: [
                      { name: 'DB_PASSWORD', value: '(redacted)' },
                      { name: 'EMPTY', value: '' },
                      {
                        name: 'REF',
                        valueFrom: { secretKeyRef: { name: 'x' } },
                      },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    ]);
  });
});
