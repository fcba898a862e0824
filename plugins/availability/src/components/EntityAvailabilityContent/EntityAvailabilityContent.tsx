import {
  availabilityRefreshPermission,
  EntityReportResponse,
} from '@availability-backstage/plugin-availability-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useCallback, useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { availabilityApiRef } from '../../api';
import { isAvailabilityAvailable } from '../../conditions';
import { useCheckCatalog } from '../../hooks/useCheckCatalog';
import { useEntityRefParts } from '../../hooks/useEntityRefParts';
import { explainLevel } from '../../lib/levelExplanation';
import { describeStaleness } from '../../lib/staleness';
import { formatRelative } from '../../lib/time';
import {
  describeDelta,
  describeRefresh,
  weekDelta,
} from '../../lib/trendDelta';
import { groupWorkloads } from '../../lib/workloadGroups';
import { useFocusRingStyles } from '../focusRing';
import { levelLabel } from '../LevelChip';
import { OnboardingState } from '../OnboardingState';
import { checkAnchor } from './CheckGroups';
import { ClusterFilter } from './ClusterFilter';
import { ClusterStatusList } from './ClusterStatusList';
import { LevelAdvice } from './LevelAdvice';
import { NoWorkloadsFound } from './NoWorkloadsFound';
import { ScoreSummary } from './ScoreSummary';
import { ScoreTrendChart } from './ScoreTrendChart';
import { WorkloadSection } from './WorkloadSection';
import { LevelUpSimulator } from '../LevelUpSimulator';
import { WorkloadDrift } from '../WorkloadDrift';

function EntityReport() {
  const { entity } = useEntity();
  const api = useApi(availabilityApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRef = useEntityRefParts();
  const entityRoute = useRouteRef(entityRouteRef);
  const catalog = useCheckCatalog();
  const { allowed: canRefresh } = usePermission({
    permission: availabilityRefreshPermission,
  });

  const loaded = useAsync(
    () => api.getEntityReport(entityRef),
    [api, entityRef],
  );
  const [response, setResponse] = useState<EntityReportResponse>();
  useEffect(() => setResponse(loaded.value), [loaded.value]);
  const [clusters, setClusters] = useState<string[]>([]);

  const [refresh, doRefresh] = useAsyncFn(async () => {
    const before = response?.report;
    try {
      const fresh = await api.refreshEntityReport(entityRef);
      setResponse(fresh);
      if (fresh.report) {
        const { message, severity } =
          fresh.report.score === null
            ? {
                message:
                  fresh.report.workloads.length === 0
                    ? 'Refreshed: no workloads found, so there is no score'
                    : 'Refreshed: no check counted, so there is no score',
                severity: 'info' as const,
              }
            : describeRefresh(
                before && before.score !== null
                  ? { score: before.score, level: levelLabel(before.level) }
                  : undefined,
                {
                  score: fresh.report.score,
                  level: levelLabel(fresh.report.level),
                },
              );
        alertApi.post({ message, severity, display: 'transient' });
      }
    } catch (error) {
      alertApi.post({
        message: `Could not refresh ${stringifyEntityRef(entityRef)}: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    }
  }, [api, alertApi, entityRef, response]);

  const report = response?.report ?? undefined;
  const explanation = useMemo(
    () => (report ? explainLevel(report) : undefined),
    [report],
  );
  const groups = useMemo(
    () =>
      groupWorkloads(
        (report?.workloads ?? []).filter(
          w =>
            clusters.length === 0 || !w.cluster || clusters.includes(w.cluster),
        ),
      ),
    [report, clusters],
  );
  const allClusters = useMemo(
    () => [
      ...new Set(
        (report?.workloads ?? []).flatMap(w => (w.cluster ? [w.cluster] : [])),
      ),
    ],
    [report],
  );
  const showCheck = useCallback(
    (workload: string, checkId: string) => {
      setClusters([]);
      // After the filter is cleared the row is rendered; then jump to it.
      setTimeout(() => {
        const row = document.getElementById(checkAnchor(workload, checkId));
        row?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        row?.focus({ preventScroll: true });
      });
    },
    [setClusters],
  );

  if (loaded.loading) {
    return <Progress />;
  }
  if (loaded.error) {
    return <ResponseErrorPanel error={loaded.error} />;
  }
  if (!response) {
    return <Progress />;
  }

  const clusterList = (
    <ClusterStatusList
      response={response}
      canRefresh={canRefresh}
      refreshing={refresh.loading}
      onRefresh={doRefresh}
    />
  );

  if (!report || !explanation) {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="No availability report yet"
            description="The backend has not evaluated this entity successfully yet. It does so on a schedule; you can also refresh it now."
            action={
              canRefresh ? (
                <Button
                  variant="contained"
                  color="primary"
                  disabled={refresh.loading}
                  onClick={doRefresh}
                >
                  Refresh now
                </Button>
              ) : undefined
            }
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title="Clusters">{clusterList}</InfoCard>
        </Grid>
      </Grid>
    );
  }

  const staleness = describeStaleness(response);
  const delta =
    report.score === null
      ? undefined
      : weekDelta(response.history, report.score);
  const podsLink = `${entityRoute(entityRouteParams(entity))}/kubernetes`;

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={4}>
        <InfoCard title="Availability score">
          <ScoreSummary
            report={report}
            staleness={staleness}
            delta={delta && describeDelta(delta, formatRelative)}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Why this level">
          <LevelAdvice
            explanation={explanation}
            level={report.level}
            catalog={catalog}
            onShowCheck={showCheck}
          />
        </InfoCard>
      </Grid>
      {report.errors.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title={`${report.errors.length} input(s) could not be read`}
          >
            {report.errors.map(error => (
              <div key={`${error.source}:${error.message}`}>
                {error.source}
                {error.line ? `:${error.line}` : ''}: {error.message}
              </div>
            ))}
          </WarningPanel>
        </Grid>
      )}
      {allClusters.length > 1 && (
        <Grid item xs={12}>
          <ClusterFilter
            clusters={allClusters}
            selected={clusters}
            onChange={setClusters}
          />
        </Grid>
      )}
      {report.workloads.length === 0 && (
        <Grid item xs={12}>
          <NoWorkloadsFound entity={entity} clusters={response.clusters} />
        </Grid>
      )}
      <Grid item xs={12}>
        <LevelUpSimulator report={report} />
      </Grid>
      <Grid item xs={12}>
        <WorkloadDrift report={report} />
      </Grid>
      {groups.map(group => (
        <Grid item xs={12} key={group.key}>
          <WorkloadSection
            group={group}
            catalog={catalog}
            staleness={staleness}
            podsLink={podsLink}
          />
        </Grid>
      ))}
      <Grid item xs={12} md={6}>
        <InfoCard title="Clusters">{clusterList}</InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Score trend">
          <ScoreTrendChart history={response.history} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The entity tab: why the entity has its level and what to fix first, then
 * every workload once across its clusters, the clusters it was read from,
 * and its trend. An entity without Kubernetes annotations gets the steps to
 * onboard it.
 *
 * @public
 */
export function EntityAvailabilityContent() {
  const { entity } = useEntity();
  const classes = useFocusRingStyles();
  return (
    <Box className={classes.root}>
      {isAvailabilityAvailable(entity) ? <EntityReport /> : <OnboardingState />}
    </Box>
  );
}
