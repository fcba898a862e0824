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
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { availabilityApiRef } from '../../api';
import {
  AVAILABILITY_ANNOTATIONS,
  isAvailabilityAvailable,
} from '../../conditions';
import { useCheckCatalog } from '../../hooks/useCheckCatalog';
import { useEntityRefParts } from '../../hooks/useEntityRefParts';
import { ClusterStatusList } from './ClusterStatusList';
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

  const [refresh, doRefresh] = useAsyncFn(async () => {
    try {
      const fresh = await api.refreshEntityReport(entityRef);
      setResponse(fresh);
    } catch (error) {
      alertApi.post({
        message: `Could not refresh ${stringifyEntityRef(entityRef)}: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    }
  }, [api, alertApi, entityRef]);

  if (loaded.loading) {
    return <Progress />;
  }
  if (loaded.error) {
    return <ResponseErrorPanel error={loaded.error} />;
  }
  if (!response) {
    return <Progress />;
  }

  const clusters = (
    <ClusterStatusList
      response={response}
      canRefresh={canRefresh}
      refreshing={refresh.loading}
      onRefresh={doRefresh}
    />
  );

  const { report } = response;
  if (!report) {
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
          <InfoCard title="Clusters">{clusters}</InfoCard>
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={4}>
        <InfoCard title="Availability score">
          <ScoreSummary report={report} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Clusters">{clusters}</InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Score trend">
          <ScoreTrendChart history={response.history} />
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
      {report.workloads.map(workload => (
        <Grid
          item
          xs={12}
          key={`${workload.cluster ?? ''}/${workload.kind}/${
            workload.namespace
          }/${workload.name}`}
        >
          <WorkloadSection workload={workload} catalog={catalog} />
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The entity tab: the entity's availability report with every workload's
 * checks, the clusters it was read from, and its trend.
 *
 * @public
 */
export function EntityAvailabilityContent() {
  const { entity } = useEntity();
  if (!isAvailabilityAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState annotation={[...AVAILABILITY_ANNOTATIONS]} />
    );
  }
  return <EntityReport />;
}
