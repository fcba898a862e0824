import { objectsToStore } from './storedObjects';

/** A Deployment with the given metadata whose container has a password. */
function deployment(metadata: Record<string, any>, password: string) {
  return {
    kind: 'Deployment',
    metadata,
    spec: {
      template: {
        spec: {
          containers: [
            {
              name: 'api',
              env: [
                { name: 'DB_PASSWORD', value: password },
                { name: 'EMPTY', value: '' },
                { name: 'REF', valueFrom: { secretKeyRef: { name: 'x' } } },
              ],
            },
          ],
        },
      },
    },
  };
}

describe('objectsToStore', () => {
  it('drops Secrets and ConfigMaps and redacts literal env values', () => {
    const stored = objectsToStore([
      { object: { kind: 'Secret', metadata: { name: 's' } }, cluster: 'c' },
      {
        cluster: 'c',
        object: deployment(
          {
            name: 'api',
            managedFields: [{}],
            annotations: {
              'kubectl.kubernetes.io/last-applied-configuration': '{}',
              keep: 'me',
            },
          },
          'hunter2',
        ),
      },
    ]);
    expect(stored).toEqual([
      {
        cluster: 'c',
        object: deployment(
          { name: 'api', annotations: { keep: 'me' } },
          '(redacted)',
        ),
      },
    ]);
  });
});
