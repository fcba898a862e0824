export { evaluate } from './evaluate';
export {
  meetsLevel,
  scoreChecks,
  SEVERITY_WEIGHTS,
  LEVEL_RULES,
} from './scoring';
export { levelLiftingChecks, nextLevel, planLevelUp } from './levelPlan';
export type { LevelUpPlan, LevelUpStep, PlannedCheck } from './levelPlan';
export type { Score } from './scoring';
export {
  DEFAULT_AVAILABILITY_CONFIG,
  ENGINE_CONFIG_KEYS,
  engineConfigOf,
  resolveConfig,
  validateAvailabilityConfig,
} from './config';
export type { ResolvedAvailabilityConfig } from './config';
export { labelSelectorMatches } from './selectors';
export {
  EXEMPT_ANNOTATION,
  EXEMPT_REASON_ANNOTATION,
  EXEMPT_UNTIL_ANNOTATION,
} from './exemptions';
