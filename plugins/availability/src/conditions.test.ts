import { Entity } from '@backstage/catalog-model';
import { isAvailabilityAvailable } from './conditions';

function entity(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'api', annotations },
    spec: {},
  };
}

describe('isAvailabilityAvailable', () => {
  it.each([
    [{ 'backstage.io/kubernetes-id': 'api' }, true],
    [{ 'backstage.io/kubernetes-label-selector': 'app=api' }, true],
    [{ 'backstage.io/kubernetes-id': '' }, false],
    [{ 'backstage.io/techdocs-ref': 'dir:.' }, false],
    [undefined, false],
  ])('%j -> %s', (annotations, expected) => {
    expect(isAvailabilityAvailable(entity(annotations))).toBe(expected);
  });
});
