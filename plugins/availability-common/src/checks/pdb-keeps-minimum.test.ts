import { deployment, pdb, resultOf } from './__fixtures__/objects';

const budget = (spec: object, name = 'api') =>
  pdb({
    'metadata.name': name,
    spec: { selector: { matchLabels: { app: 'api' } }, ...spec },
  });

describe('pdb-keeps-minimum', () => {
  it.each([
    [{ minAvailable: 1 }, 'pass'],
    [{ minAvailable: 0 }, 'fail'],
    [{ minAvailable: '0%' }, 'fail'],
    [{ minAvailable: '1%' }, 'pass'],
    [{ maxUnavailable: 2 }, 'pass'],
    [{ maxUnavailable: 3 }, 'fail'],
    [{ maxUnavailable: '100%' }, 'fail'],
    [{ maxUnavailable: '50%' }, 'pass'],
    [{ maxUnavailable: '67%' }, 'fail'],
    [{}, 'fail'],
  ])('%p with 3 replicas gives %s', (spec, status) => {
    expect(
      resultOf([deployment(), budget(spec)], 'pdb-keeps-minimum').status,
    ).toBe(status);
  });

  it('passes when any of several PDBs keeps a pod', () => {
    const objects = [
      deployment(),
      budget({ minAvailable: 0 }, 'loose'),
      budget({ minAvailable: 1 }, 'kept'),
    ];
    expect(resultOf(objects, 'pdb-keeps-minimum').message).toContain('"kept"');
  });

  it('explains a PDB that protects nothing', () => {
    const result = resultOf([deployment(), budget({})], 'pdb-keeps-minimum');
    expect(result.message).toContain('neither minAvailable nor maxUnavailable');
  });

  it('is not applicable without a PDB', () => {
    expect(resultOf([deployment()], 'pdb-keeps-minimum').status).toBe(
      'not-applicable',
    );
  });
});
