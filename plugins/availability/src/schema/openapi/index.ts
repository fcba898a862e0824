export * from './generated';
export type { TypedResponse } from './runtime';
