import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useMemo, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef, reportsQueryToSearchParams } from '../../api';
import { ClustersCard } from '../ClustersCard';
import { ExemptionLedger } from '../ExemptionLedger';
import { useCheckCatalog } from '../../hooks/useCheckCatalog';
import { ReportsView } from '../../lib/reportsSearchParams';
import { useFocusRingStyles } from '../focusRing';
import { ReportsFilters } from './ReportsFilters';
import { ReportsTable } from './ReportsTable';
import { SummaryPanels } from './SummaryPanels';
import { useReportsExport } from './useReportsExport';
import { useCursorPages, useReportsView } from './useReportsView';

/** The effective sort: worst level, then worst score, first unless the URL says otherwise. */
function withSort(view: ReportsView) {
  return {
    ...view,
    orderBy: view.orderBy ?? ('level' as const),
    order: view.order ?? ('asc' as const),
  };
}

/** The view's filters alone: every panel follows them, whatever the sort. */
function filtersOf(view: ReportsView): ReportsView {
  const { orderBy, order, ...filters } = view;
  return filters;
}

/**
 * The org-wide view without page chrome: rollups, trend, and the filterable,
 * server-paginated list of evaluated entities. Filters live in the URL.
 *
 * @internal
 */
export function AvailabilityOverview() {
  const api = useApi(availabilityApiRef);
  const checkCatalog = useCheckCatalog();
  const checks = useMemo(() => [...checkCatalog.values()], [checkCatalog]);
  const { view, viewKey, setView } = useReportsView();
  const sorted = useMemo(() => withSort(view), [view]);
  const pages = useCursorPages(viewKey);

  const filterKey = reportsQueryToSearchParams(filtersOf(view)).toString();
  const summary = useAsync(
    () => api.getSummary(filtersOf(view)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, filterKey],
  );
  const facets = useAsync(
    () => api.getFacets(filtersOf(view)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, filterKey],
  );
  const tableRef = useRef<HTMLDivElement>(null);
  const [highlightOwner, setHighlightOwner] = useState<string>();
  const focusRing = useFocusRingStyles();
  const showOwner = (owner: string) => {
    setView({ ...view, owner: [owner] });
    setHighlightOwner(owner);
    tableRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const { cursor, pageSize } = pages;
  const page = useAsync(
    () => api.listReports({ ...sorted, limit: pageSize, cursor }),
    [api, sorted, pageSize, cursor],
  );
  const [exportState, doExport] = useReportsExport(sorted);

  return (
    <Grid container spacing={3} className={focusRing.root}>
      <SummaryPanels
        summary={summary}
        checks={checkCatalog}
        onSelectOwner={showOwner}
        onSelectCheck={id => setView({ ...view, failingCheck: [id] })}
      />
      <Grid item xs={12}>
        <InfoCard
          title="Evaluated entities"
          headerProps={{
            action: (
              <Box mt={1} mr={1}>
                <Button
                  variant="outlined"
                  color="primary"
                  startIcon={<GetAppIcon />}
                  disabled={exportState.loading}
                  onClick={doExport}
                >
                  {exportState.loading ? 'Exporting…' : 'Export CSV'}
                </Button>
              </Box>
            ),
          }}
        >
          <ReportsFilters
            view={view}
            facets={facets.value}
            checks={checks}
            onChange={setView}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} ref={tableRef}>
        {page.error ? (
          <ResponseErrorPanel error={page.error} />
        ) : (
          <ReportsTable
            page={page.value}
            loading={page.loading}
            pageIndex={pages.pageIndex}
            pageSize={pageSize}
            checks={checkCatalog}
            sort={{ orderBy: sorted.orderBy, order: sorted.order }}
            onSort={(orderBy, order) => setView({ ...view, orderBy, order })}
            highlightOwner={highlightOwner}
            onNext={() =>
              page.value?.nextCursor && pages.next(page.value.nextCursor)
            }
            onPrevious={pages.previous}
            onPageSizeChange={pages.setPageSize}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <ClustersCard />
      </Grid>
      <Grid item xs={12}>
        <ExemptionLedger />
      </Grid>
    </Grid>
  );
}
