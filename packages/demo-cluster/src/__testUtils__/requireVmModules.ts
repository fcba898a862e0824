import vm from 'node:vm';

/**
 * Fails a suite early, and says why, when Jest runs without the VM modules
 * support that loading `@kubernetes/client-node` (ESM only) needs. Without
 * it the kubernetes backend answers every query with a 500.
 */
export function requireVmModules() {
  if (!('SyntheticModule' in vm)) {
    throw new Error(
      'These tests load @kubernetes/client-node, an ES module, which Jest only ' +
        'supports with NODE_OPTIONS=--experimental-vm-modules; run them with ' +
        '`yarn test` in packages/demo-cluster, or set that variable.',
    );
  }
}
