import { EntityReportResponse } from '@availability-backstage/plugin-availability-common';

function clock(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

/**
 * What a stale report must say wherever its data shows: when it was read and
 * what failed since ("as of 21:32; last refresh failed on 3 clusters"), or
 * undefined when the report is current.
 */
export function describeStaleness(
  response: Pick<
    EntityReportResponse,
    'stale' | 'refreshedAt' | 'clusters' | 'lastError'
  >,
): string | undefined {
  if (!response.stale) {
    return undefined;
  }
  const failed = response.clusters.filter(c => c.status === 'error').length;
  const asOf = response.refreshedAt
    ? `as of ${clock(response.refreshedAt)}`
    : 'never refreshed';
  const what =
    failed > 0
      ? `last refresh failed on ${failed} ${
          failed === 1 ? 'cluster' : 'clusters'
        }`
      : 'last refresh failed';
  return `${asOf}; ${what}`;
}
