/*
 * Internals that code elsewhere in this repository drives directly: the
 * private benchmarks (`bench/`) seed the plugin's own database through its
 * store and trigger its scheduled refresh. This file is not a package entry point (the
 * package exports only `src/index.ts`), so it is never built into `dist` or
 * published, and nothing here is part of the plugin's API.
 */
export { DatabaseAvailabilityStore } from './database/DatabaseAvailabilityStore';
export { REFRESH_TASK_ID } from './service/refreshTask';
