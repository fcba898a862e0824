/**
 * The availability rules engine, its types and the plugin's permissions,
 * shared by the backend, the frontend, the CLI and the scaffolder action.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './contract';
export * from './engine';
export { checkCatalog, getCheck } from './checks';
export * from './api';
export * from './permissions';
export * from './manifests';
export * from './failureDomains';
export * from './catalogPages';
