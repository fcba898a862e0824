import { ReportsQuery } from '@availability-backstage/plugin-availability-common';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { availabilityApiRef } from '../../api';
import { reportsToCsv } from '../../lib/csv';
import { downloadFile } from '../../lib/download';
import { fetchAllReports } from '../../lib/fetchAllReports';

/**
 * Exports every report of a query (all pages) as a dated CSV download; a
 * failure is posted as an alert.
 */
export function useReportsExport(query: ReportsQuery) {
  const api = useApi(availabilityApiRef);
  const alertApi = useApi(alertApiRef);
  return useAsyncFn(async () => {
    try {
      const items = await fetchAllReports(api, query);
      downloadFile(
        `availability-${new Date().toISOString().slice(0, 10)}.csv`,
        reportsToCsv(items),
        'text/csv',
      );
    } catch (error) {
      alertApi.post({
        message: `Export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, query]);
}
