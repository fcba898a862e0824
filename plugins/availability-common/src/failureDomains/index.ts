export * from './api';
export * from './types';
export { blastRadius } from './blastRadius';
export { drainReadiness } from './drainReadiness';
export { analyzeFailureDomains } from './analyzeCluster';
export { worstDomains } from './worstDomains';
export { failureDomainNode } from './nodes';
export { workloadDrift } from './drift';
export { exemptionLedger } from './exemptionLedger';
export type {
  ExemptionLedgerEntry,
  ExemptionLedgerOptions,
} from './exemptionLedger';
export { availableFixes, simulateFixes } from './simulator/simulateFixes';
export type {
  AvailableFix,
  SimulatedFix,
  SimulationResult,
  WorkloadPatch,
} from './simulator/simulateFixes';
export type { FixChange } from './simulator/fixes';
