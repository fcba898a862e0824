import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { reportsQueryToSearchParams } from '../../api';
import { parseReportsView, ReportsView } from '../../lib/reportsSearchParams';

/**
 * The org page's view (filters and sort), kept in the URL so that a link
 * shares it. `viewKey` changes exactly when the view does.
 */
export function useReportsView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const viewKey = searchParams.toString();
  const view = useMemo(
    () => parseReportsView(new URLSearchParams(viewKey)),
    [viewKey],
  );
  const setView = useCallback(
    (next: ReportsView) =>
      setSearchParams(reportsQueryToSearchParams(next), { replace: true }),
    [setSearchParams],
  );
  return { view, viewKey, setView };
}

/**
 * Keyset paging: the cursors of the pages visited so far under the current
 * view, so that Previous goes back; a new view (or page size) starts again
 * at the first page.
 */
export function useCursorPages(viewKey: string) {
  const [paging, setPaging] = useState<{
    viewKey: string;
    cursors: Array<string | undefined>;
  }>({ viewKey, cursors: [undefined] });
  const [pageSize, setPageSize] = useState(25);
  const cursors = paging.viewKey === viewKey ? paging.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    pageIndex: cursors.length - 1,
    pageSize,
    next: (nextCursor: string) =>
      setPaging({ viewKey, cursors: [...cursors, nextCursor] }),
    previous: () => setPaging({ viewKey, cursors: cursors.slice(0, -1) }),
    setPageSize: (size: number) => {
      setPageSize(size);
      setPaging({ viewKey, cursors: [undefined] });
    },
  };
}
