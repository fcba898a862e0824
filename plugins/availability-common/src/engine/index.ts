export { evaluate } from './evaluate';
export { scoreChecks, SEVERITY_WEIGHTS, LEVELS } from './scoring';
export type { Score } from './scoring';
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
