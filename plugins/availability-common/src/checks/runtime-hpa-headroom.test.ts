import { deployment, hpa, resultOf } from './__fixtures__/objects';

const live = { cluster: 'prod' };

describe('runtime-hpa-headroom', () => {
  it.each([
    [{ currentReplicas: 4 }, 'pass'],
    [{ currentReplicas: 10 }, 'fail'],
    [{ currentReplicas: 12 }, 'fail'],
    [{}, 'unknown'],
    [undefined, 'unknown'],
  ])('status %p with maxReplicas 10 gives %s', (status, expected) => {
    expect(
      resultOf([deployment(), hpa({ status })], 'runtime-hpa-headroom', live)
        .status,
    ).toBe(expected);
  });

  it('is not applicable without an HPA and unknown on manifests', () => {
    expect(resultOf([deployment()], 'runtime-hpa-headroom', live).status).toBe(
      'not-applicable',
    );
    expect(resultOf([deployment()], 'runtime-hpa-headroom').status).toBe(
      'unknown',
    );
  });
});
