import { AvailabilityApi } from '../api';
import { checks, entityReport, summary } from './reports';

/** An AvailabilityApi whose every method is a jest mock with fixture data. */
export function mockAvailabilityApi(
  overrides: Partial<jest.Mocked<AvailabilityApi>> = {},
): jest.Mocked<AvailabilityApi> {
  return {
    getEntityReport: jest.fn(async () => entityReport),
    refreshEntityReport: jest.fn(async () => ({
      ...entityReport,
      stale: false,
      lastError: null,
    })),
    listReports: jest.fn(async () => ({ items: [], totalItems: 0 })),
    getSummary: jest.fn(async () => summary),
    getChecks: jest.fn(async () => checks),
    ...overrides,
  };
}
