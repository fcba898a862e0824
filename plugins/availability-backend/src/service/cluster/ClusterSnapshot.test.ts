import type { Entity } from '@backstage/catalog-model';
import type { KubernetesObject } from '../KubernetesObjectsSource';
import { ClusterSnapshot } from './ClusterSnapshot';
import { entityScope } from './entityScope';

const ID = 'backstage.io/kubernetes-id';

function object(
  kind: string,
  name: string,
  namespace: string,
  fields: Record<string, unknown> = {},
  labels: Record<string, string> = {},
): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, namespace, labels },
    ...fields,
  } as KubernetesObject;
}

function deployment(name: string, namespace: string, id: string) {
  return object(
    'Deployment',
    name,
    namespace,
    {
      spec: {
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name, [ID]: id } },
          spec: {
            containers: [{ name }],
            volumes: [
              {
                name: 'data',
                persistentVolumeClaim: { claimName: `${name}-data` },
              },
            ],
          },
        },
      },
    },
    { app: name, [ID]: id },
  );
}

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
  };
}

describe('ClusterSnapshot', () => {
  const snapshot = new ClusterSnapshot();
  snapshot.add(deployment('api', 'shop', 'shop'), 'entity');
  snapshot.add(deployment('api', 'staging-shop', 'shop'), 'entity');
  snapshot.add(deployment('cart', 'cart', 'cart'), 'entity');
  snapshot.add(
    object(
      'Service',
      'api',
      'shop',
      { spec: { selector: { app: 'api' } } },
      { app: 'api', [ID]: 'shop' },
    ),
    'entity',
  );
  const related: Array<[KubernetesObject, boolean]> = [
    [
      object('PodDisruptionBudget', 'api', 'shop', {
        spec: { selector: { matchLabels: { app: 'api' } } },
      }),
      true,
    ],
    [
      object('PodDisruptionBudget', 'other', 'shop', {
        spec: { selector: { matchLabels: { app: 'other' } } },
      }),
      false,
    ],
    // Same selector, another namespace.
    [
      object('PodDisruptionBudget', 'api', 'cart', {
        spec: { selector: { matchLabels: { app: 'api' } } },
      }),
      false,
    ],
    [
      object('NetworkPolicy', 'default-deny', 'shop', {
        spec: { podSelector: {} },
      }),
      true,
    ],
    [
      object('HorizontalPodAutoscaler', 'api', 'shop', {
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'api' } },
      }),
      true,
    ],
    [
      object('HorizontalPodAutoscaler', 'web', 'shop', {
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } },
      }),
      false,
    ],
    // KEDA's target kind defaults to Deployment.
    [
      object('ScaledObject', 'api', 'shop', {
        spec: { scaleTargetRef: { name: 'api' } },
      }),
      true,
    ],
    [object('PersistentVolumeClaim', 'api-data', 'shop'), true],
    [object('PersistentVolumeClaim', 'unused', 'shop'), false],
  ];
  for (const [o] of related) snapshot.add(o, 'related');

  const names = (objects: KubernetesObject[]) =>
    objects
      .map(o => `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`)
      .sort();

  it('gives an id entity its labelled objects and the related objects of their namespaces', () => {
    const found = names(
      snapshot.objectsFor(entityScope(entity({ [ID]: 'shop' }))!),
    );
    const expected = [
      'Deployment/shop/api',
      'Deployment/staging-shop/api',
      'Service/shop/api',
      ...related
        .filter(([, belongs]) => belongs)
        .map(([o]) => `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`),
    ].sort();
    expect(found).toEqual(expected);
  });

  it('narrows to the namespace annotation', () => {
    const found = names(
      snapshot.objectsFor(
        entityScope(
          entity({
            [ID]: 'shop',
            'backstage.io/kubernetes-namespace': 'staging-shop',
          }),
        )!,
      ),
    );
    expect(found).toEqual(['Deployment/staging-shop/api']);
  });

  it('matches a label selector annotation locally', () => {
    const found = names(
      snapshot.objectsFor(
        entityScope(
          entity({ 'backstage.io/kubernetes-label-selector': 'app in (cart)' }),
        )!,
      ),
    );
    expect(found).toEqual(['Deployment/cart/cart']);
  });

  it('gives nothing, not everything, for an unreadable selector or an unknown id', () => {
    expect(
      snapshot.objectsFor(
        entityScope(
          entity({ 'backstage.io/kubernetes-label-selector': 'app in ()' }),
        )!,
      ),
    ).toEqual([]);
    expect(snapshot.objectsFor(entityScope(entity({ [ID]: 'nope' }))!)).toEqual(
      [],
    );
  });

  it("brings a Rollout's workloadRef Deployment and what targets the Rollout", () => {
    const cluster = new ClusterSnapshot();
    cluster.add(
      object(
        'Rollout',
        'web',
        'shop',
        {
          spec: {
            workloadRef: {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: 'web-base',
            },
            selector: { matchLabels: { app: 'web' } },
          },
        },
        { [ID]: 'web' },
      ),
      'entity',
    );
    // The template's Deployment carries no label of the entity's.
    cluster.add(deployment('web-base', 'shop', 'templates'), 'entity');
    cluster.add(deployment('other', 'shop', 'templates'), 'entity');
    cluster.add(
      object('ScaledObject', 'web', 'shop', {
        spec: { scaleTargetRef: { kind: 'Rollout', name: 'web' } },
      }),
      'related',
    );
    expect(
      names(cluster.objectsFor(entityScope(entity({ [ID]: 'web' }))!)),
    ).toEqual([
      'Deployment/shop/web-base',
      'Rollout/shop/web',
      'ScaledObject/shop/web',
    ]);
  });
});
