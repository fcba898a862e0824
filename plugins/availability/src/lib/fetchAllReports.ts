import { EntityReportSummary } from '@availability-backstage/plugin-availability-common';
import { AvailabilityApi } from '../api';
import { ReportsView } from './reportsSearchParams';

/** Page size for exports: large pages, few round trips, bounded memory per call. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Pages through `GET /reports` with the given view until the last page, for
 * exports. Stops if the server hands back a cursor it already gave, so a
 * misbehaving backend cannot loop forever.
 */
export async function fetchAllReports(
  api: Pick<AvailabilityApi, 'listReports'>,
  view: ReportsView,
  onProgress?: (loaded: number, total: number) => void,
): Promise<EntityReportSummary[]> {
  const items: EntityReportSummary[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await api.listReports({
      ...view,
      limit: EXPORT_PAGE_SIZE,
      cursor,
    });
    items.push(...page.items);
    onProgress?.(items.length, page.totalItems);
    cursor = page.nextCursor;
    if (cursor !== undefined) {
      if (seen.has(cursor)) {
        break;
      }
      seen.add(cursor);
    }
  } while (cursor !== undefined);
  return items;
}
