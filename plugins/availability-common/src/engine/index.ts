export { evaluate } from './evaluate';
export { scoreChecks, SEVERITY_WEIGHTS, LEVELS, LEVEL_RULES } from './scoring';
export { nextLevel, planLevelUp } from './levelPlan';
export type { LevelUpPlan, LevelUpStep, PlannedCheck } from './levelPlan';
export {
  AVAILABILITY_BACKEND_CONFIG_KEYS,
  DEFAULT_AVAILABILITY_CONFIG,
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
