import { AvailabilityApi } from '../api';
import {
  clusters,
  entityObjects,
  exemptions,
  failureDomains,
} from './failureDomains';
import { checks, entityReport, summary } from './reports';

/**
 * An AvailabilityApi whose every method is a jest mock answering with the
 * fixtures, unless an override gives another implementation.
 */
export function mockAvailabilityApi(
  overrides: Partial<AvailabilityApi> = {},
): jest.Mocked<AvailabilityApi> {
  const impl: AvailabilityApi = {
    getEntityReport: async () => entityReport,
    refreshEntityReport: async () => ({
      ...entityReport,
      stale: false,
      lastError: null,
    }),
    listReports: async () => ({ items: [], totalItems: 0 }),
    getSummary: async () => summary,
    getChecks: async () => checks,
    listClusters: async () => clusters,
    getFailureDomains: async () => failureDomains,
    listExemptions: async () => exemptions,
    getEntityObjects: async () => entityObjects,
    getRefreshStatus: async () => ({ run: null }),
    ...overrides,
  };
  return {
    getEntityReport: jest.fn(impl.getEntityReport),
    refreshEntityReport: jest.fn(impl.refreshEntityReport),
    listReports: jest.fn(impl.listReports),
    getSummary: jest.fn(impl.getSummary),
    getChecks: jest.fn(impl.getChecks),
    listClusters: jest.fn(impl.listClusters),
    getFailureDomains: jest.fn(impl.getFailureDomains),
    listExemptions: jest.fn(impl.listExemptions),
    getEntityObjects: jest.fn(impl.getEntityObjects),
    getRefreshStatus: jest.fn(impl.getRefreshStatus),
  };
}
