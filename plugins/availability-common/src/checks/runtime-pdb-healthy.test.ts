import { deployment, pdb, resultOf } from './__fixtures__/objects';

const live = { cluster: 'prod' };

describe('runtime-pdb-healthy', () => {
  it.each([
    [{ disruptionsAllowed: 1 }, 'pass'],
    [{ disruptionsAllowed: 0 }, 'fail'],
    [{}, 'unknown'],
    [undefined, 'unknown'],
  ])('status %p gives %s', (status, expected) => {
    expect(
      resultOf([deployment(), pdb({ status })], 'runtime-pdb-healthy', live)
        .status,
    ).toBe(expected);
  });

  it('fails when any of several PDBs blocks and names it', () => {
    const objects = [
      deployment(),
      pdb({ status: { disruptionsAllowed: 1 } }),
      pdb({ 'metadata.name': 'strict', status: { disruptionsAllowed: 0 } }),
    ];
    expect(resultOf(objects, 'runtime-pdb-healthy', live).message).toContain(
      '"strict"',
    );
  });

  it('is not applicable without a PDB', () => {
    expect(resultOf([deployment()], 'runtime-pdb-healthy', live).status).toBe(
      'not-applicable',
    );
  });
});
