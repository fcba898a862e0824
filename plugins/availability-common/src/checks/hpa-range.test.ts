import { deployment, hpa, resultOf } from './__fixtures__/objects';

describe('hpa-range', () => {
  it.each([
    [3, 10, 'pass'],
    [3, 3, 'fail'],
    [5, 3, 'fail'],
    [undefined, 2, 'pass'],
    [undefined, 1, 'fail'],
    [2, undefined, 'fail'],
    [2, 'ten', 'fail'],
  ])('min %p max %p gives %s', (min, max, status) => {
    const objects = [
      deployment(),
      hpa({ 'spec.minReplicas': min, 'spec.maxReplicas': max }),
    ];
    expect(resultOf(objects, 'hpa-range').status).toBe(status);
  });

  it('is not applicable without an HPA', () => {
    expect(resultOf([deployment()], 'hpa-range').status).toBe('not-applicable');
  });
});
