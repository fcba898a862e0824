import { matchesFields, parseFieldSelector } from './fieldSelector';

const pod = {
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { nodeName: 'node-a' },
  status: { phase: 'Running' },
};

describe('parseFieldSelector and matchesFields', () => {
  it.each([
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name!=web-1', false],
    ['metadata.namespace=shop,spec.nodeName=node-a', true],
    ['spec.nodeName=node-b', false],
    ['status.phase!=Pending', true],
    ['status.phase=Running,metadata.name=web-2', false],
  ])('%j on a Pod matches: %s', (selector, expected) => {
    expect(matchesFields(parseFieldSelector(selector, 'Pod'), pod)).toBe(
      expected,
    );
  });

  it('compares an absent field as empty, and unset booleans as false', () => {
    expect(
      matchesFields(parseFieldSelector('spec.nodeName=', 'Pod'), {
        metadata: { name: 'pending' },
      }),
    ).toBe(true);
    expect(
      matchesFields(parseFieldSelector('spec.unschedulable=false', 'Node'), {
        metadata: { name: 'n' },
        spec: {},
      }),
    ).toBe(true);
  });

  it('rejects fields the API server does not index for the kind', () => {
    expect(() => parseFieldSelector('spec.nodeName=a', 'Deployment')).toThrow(
      /not supported/,
    );
    expect(() => parseFieldSelector('nonsense', 'Pod')).toThrow(/invalid/);
  });
});
