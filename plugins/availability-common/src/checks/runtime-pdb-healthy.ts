import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, NO_PDB, pass, unknown } from '../engine/outcomes';
import { asInt, asNonEmptyString, asRecord } from '../engine/read';

const PASSED = pass('Every PodDisruptionBudget currently allows a disruption.');

/** @internal */
export const runtimePdbHealthy: WorkloadCheck = {
  id: 'runtime-pdb-healthy',
  title: 'PDB allows a disruption now',
  description:
    'On the cluster, each PodDisruptionBudget of the workload currently allows at least one disruption; at 0 a node drain blocks, usually because pods are unhealthy.',
  severity: 'medium',
  category: 'runtime',
  appliesTo: REPLICATED_KINDS,
  run({ pdbs }) {
    if (pdbs.length === 0) {
      return NO_PDB;
    }
    const blocked: string[] = [];
    for (const pdb of pdbs) {
      const name =
        asNonEmptyString(asRecord(pdb.metadata)?.name) ?? '(unnamed)';
      const allowed = asInt(asRecord(pdb.status)?.disruptionsAllowed);
      if (allowed === undefined) {
        return unknown(
          `PodDisruptionBudget "${name}" reports no status.disruptionsAllowed.`,
        );
      }
      if (allowed < 1) {
        blocked.push(name);
      }
    }
    if (blocked.length === 0) {
      return PASSED;
    }
    return fail(
      `PodDisruptionBudget "${blocked.join(
        '", "',
      )}" allows no disruption right now: node drains and upgrades will wait on these pods.`,
      'Check for unready pods (`kubectl get pods`) and that the budget leaves room: `kubectl get pdb` shows ALLOWED DISRUPTIONS.',
    );
  },
};
