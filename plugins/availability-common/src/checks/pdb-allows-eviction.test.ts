import { deployment, hpa, pdb, resultOf } from './__fixtures__/objects';

const budget = (spec: object) =>
  pdb({ spec: { selector: { matchLabels: { app: 'api' } }, ...spec } });

describe('pdb-allows-eviction', () => {
  it.each([
    [{ maxUnavailable: 1 }, 'pass'],
    [{ maxUnavailable: 0 }, 'fail'],
    [{ maxUnavailable: '0' }, 'fail'],
    [{ maxUnavailable: '0%' }, 'fail'],
    [{ maxUnavailable: '10%' }, 'pass'],
    [{ minAvailable: 2 }, 'pass'],
    [{ minAvailable: 3 }, 'fail'],
    [{ minAvailable: 4 }, 'fail'],
    [{ minAvailable: '100%' }, 'fail'],
    [{ minAvailable: '50%' }, 'pass'],
    [{ minAvailable: '67%' }, 'fail'],
    [{}, 'pass'],
    [{ minAvailable: 'most' }, 'fail'],
  ])('%p with 3 replicas gives %s', (spec, status) => {
    expect(
      resultOf([deployment(), budget(spec)], 'pdb-allows-eviction').status,
    ).toBe(status);
  });

  it('fails when any of several PDBs blocks', () => {
    const objects = [
      deployment(),
      budget({ maxUnavailable: 1 }),
      pdb({ 'metadata.name': 'strict', 'spec.maxUnavailable': 0 }),
    ];
    const result = resultOf(objects, 'pdb-allows-eviction');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('"strict"');
    expect(result.remediation).toContain('maxUnavailable: 1');
  });

  it('uses the HPA minimum as the replica count', () => {
    const objects = [
      deployment({ 'spec.replicas': 5 }),
      hpa({ 'spec.minReplicas': 2 }),
      budget({ minAvailable: 2 }),
    ];
    expect(resultOf(objects, 'pdb-allows-eviction').status).toBe('fail');
  });

  it('is not applicable without a PDB', () => {
    expect(resultOf([deployment()], 'pdb-allows-eviction').status).toBe(
      'not-applicable',
    );
  });
});

describe('pdb-allows-eviction on odd values', () => {
  it('reads a null-prototype value as a problem, not a crash', () => {
    const odd = Object.create(null);
    const result = resultOf(
      [
        deployment(),
        pdb({ 'spec.maxUnavailable': undefined, 'spec.minAvailable': odd }),
      ],
      'pdb-allows-eviction',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('cannot be read');
  });
});
