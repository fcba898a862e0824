import {
  AvailabilitySummary,
  CheckInfo,
  ClustersResponse,
  EntityObjectsResponse,
  ExemptionsResponse,
  FailureDomainsResponse,
  EntityReportResponse,
  RefreshStatusResponse,
  ReportsPage,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';

/**
 * Reads availability reports from the availability backend.
 *
 * @public
 */
export interface AvailabilityApi {
  /** The stored report of one entity, with its cluster status and history. */
  getEntityReport(entity: CompoundEntityRef): Promise<EntityReportResponse>;
  /** Re-evaluates one entity now and returns the fresh report. */
  refreshEntityReport(entity: CompoundEntityRef): Promise<EntityReportResponse>;
  /** One page of the org-wide report list. */
  listReports(query?: ReportsQuery): Promise<ReportsPage>;
  /** Org-wide rollups: levels, owners, failing checks, trend. */
  getSummary(): Promise<AvailabilitySummary>;
  /** The check catalog as configured on the backend. */
  getChecks(): Promise<CheckInfo[]>;
  /** The clusters with node and zone counts. */
  listClusters(): Promise<ClustersResponse>;
  /** Blast radius and drain readiness of one cluster. */
  getFailureDomains(cluster: string): Promise<FailureDomainsResponse>;
  /** The exemption ledger, filtered like the report list. */
  listExemptions(query?: ReportsQuery): Promise<ExemptionsResponse>;
  /** The objects behind an entity's latest report, for the level-up simulator. */
  getEntityObjects(entity: CompoundEntityRef): Promise<EntityObjectsResponse>;
  /** The running full refresh of every entity, else the last one. */
  getRefreshStatus(): Promise<RefreshStatusResponse>;
}

/**
 * The reference to the {@link AvailabilityApi}.
 *
 * @public
 */
export const availabilityApiRef = createApiRef<AvailabilityApi>({
  id: 'plugin.availability.service',
});
