import {
  AvailabilitySummary,
  ReportsQuery,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { availabilityApiRef, reportsQueryToSearchParams } from '../../api';
import { ClustersCard } from '../ClustersCard';
import { ExemptionLedger } from '../ExemptionLedger';
import { useCheckCatalog } from '../../hooks/useCheckCatalog';
import { reportsToCsv } from '../../lib/csv';
import { fetchAllReports } from '../../lib/fetchAllReports';
import { parseReportsView, ReportsView } from '../../lib/reportsSearchParams';
import { useFocusRingStyles } from '../focusRing';
import { LevelChip } from '../LevelChip';
import { CoveragePanel } from './CoveragePanel';
import { LevelTrendChart } from './LevelTrendChart';
import { OwnerRollup } from './OwnerRollup';
import { ReportsFilters } from './ReportsFilters';
import { ReportsTable } from './ReportsTable';
import { TopFailingChecks } from './TopFailingChecks';

function download(filename: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

/** Entities without a score, counted apart from the averages and levels. */
function UnscoredCount(props: { unscored: AvailabilitySummary['unscored'] }) {
  const { noWorkloads, notJudged } = props.unscored;
  if (noWorkloads + notJudged === 0) {
    return null;
  }
  const parts = [
    noWorkloads ? `${noWorkloads} with no workloads found` : '',
    notJudged ? `${notJudged} with nothing judged` : '',
  ].filter(Boolean);
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="availability-unscored"
    >
      Not scored: {parts.join(', ')}
    </Typography>
  );
}

function SummaryNumbers(props: { summary: AvailabilitySummary }) {
  const { summary } = props;
  return (
    <Box>
      <Box display="flex" alignItems="baseline" mb={2}>
        <Typography variant="h3" component="span">
          {Math.round(summary.averageScore)}
        </Typography>
        <Box ml={1}>
          <Typography variant="body2" color="textSecondary">
            average score over{' '}
            <span data-testid="availability-overall-total">
              {summary.totalEntities}
            </span>{' '}
            {summary.totalEntities === 1 ? 'entity' : 'entities'}
          </Typography>
        </Box>
      </Box>
      {LEVELS.map(level => (
        <Box key={level} display="flex" alignItems="center" mb={1}>
          <Box width={90}>
            <LevelChip level={level} />
          </Box>
          <Typography variant="body2">{summary.byLevel[level] ?? 0}</Typography>
        </Box>
      ))}
      <UnscoredCount unscored={summary.unscored} />
    </Box>
  );
}

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
  const alertApi = useApi(alertApiRef);
  const checkCatalog = useCheckCatalog();
  const checks = useMemo(() => [...checkCatalog.values()], [checkCatalog]);
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

  // The cursors of the pages visited so far under the current view; a new
  // view starts again at the first page.
  const [paging, setPaging] = useState<{
    viewKey: string;
    cursors: Array<string | undefined>;
  }>({ viewKey, cursors: [undefined] });
  const [pageSize, setPageSize] = useState(25);
  const cursors = paging.viewKey === viewKey ? paging.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];

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
  const page = useAsync(() => {
    const query: ReportsQuery = { ...withSort(view), limit: pageSize, cursor };
    return api.listReports(query);
  }, [api, view, pageSize, cursor]);

  const [exportState, doExport] = useAsyncFn(async () => {
    try {
      const items = await fetchAllReports(api, withSort(view));
      download(
        `availability-${new Date().toISOString().slice(0, 10)}.csv`,
        reportsToCsv(items),
      );
    } catch (error) {
      alertApi.post({
        message: `Export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, view]);

  return (
    <Grid container spacing={3} className={focusRing.root}>
      {summary.loading && (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      )}
      {summary.error && (
        <Grid item xs={12}>
          <ResponseErrorPanel error={summary.error} />
        </Grid>
      )}
      {summary.value && (
        <>
          <Grid item xs={12} md={4}>
            <InfoCard title="Overall">
              <SummaryNumbers summary={summary.value} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={8}>
            <InfoCard title="Levels over time">
              <LevelTrendChart trend={summary.value.trend} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={7}>
            <InfoCard
              title="Teams, worst first"
              subheader="Ranked by the share of their services below silver; click a team to see its entities"
            >
              <OwnerRollup
                byOwner={summary.value.byOwner}
                onSelectOwner={showOwner}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={5}>
            <InfoCard
              title="Top failing checks"
              subheader="Ranked by severity weight × entities failing"
            >
              <TopFailingChecks
                byCheck={summary.value.byCheck}
                totalEntities={summary.value.totalEntities}
                checks={checkCatalog}
                onSelectCheck={id => setView({ ...view, failingCheck: [id] })}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Coverage">
              <CoveragePanel />
            </InfoCard>
          </Grid>
        </>
      )}
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
            pageIndex={cursors.length - 1}
            pageSize={pageSize}
            checks={checkCatalog}
            sort={{
              orderBy: withSort(view).orderBy,
              order: withSort(view).order,
            }}
            onSort={(orderBy, order) => setView({ ...view, orderBy, order })}
            highlightOwner={highlightOwner}
            onNext={() =>
              page.value?.nextCursor &&
              setPaging({
                viewKey,
                cursors: [...cursors, page.value.nextCursor],
              })
            }
            onPrevious={() =>
              setPaging({ viewKey, cursors: cursors.slice(0, -1) })
            }
            onPageSizeChange={size => {
              setPageSize(size);
              setPaging({ viewKey, cursors: [undefined] });
            }}
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
