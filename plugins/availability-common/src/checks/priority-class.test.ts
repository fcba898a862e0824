import { daemonSet, deployment, resultOf } from './__fixtures__/objects';

describe('priority-class', () => {
  it.each([
    ['business-critical', 'pass'],
    ['', 'fail'],
    [undefined, 'fail'],
    [7, 'fail'],
  ])('priorityClassName %p gives %s', (value, status) => {
    expect(
      resultOf(
        [deployment({ 'spec.template.spec.priorityClassName': value })],
        'priority-class',
      ).status,
    ).toBe(status);
  });

  it('does not apply to DaemonSets', () => {
    expect(
      resultOf([daemonSet()], 'priority-class', { kind: 'DaemonSet' }).status,
    ).toBe('not-applicable');
  });
});
