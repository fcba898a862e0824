export * from './models';
export * from './DefaultApi.client';
