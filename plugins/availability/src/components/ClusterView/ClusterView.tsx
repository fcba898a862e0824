import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../../api';
import { BlastRadiusGrid } from './BlastRadiusGrid';
import { DrainReadinessPanel } from './DrainReadinessPanel';

/**
 * One cluster's failure domains (`/availability/clusters/:cluster`): drain
 * readiness at the top, then its zones and nodes with what their failure
 * would take down.
 *
 * @internal
 */
export function ClusterView() {
  const api = useApi(availabilityApiRef);
  const { cluster = '' } = useParams();
  const loaded = useAsync(() => api.getFailureDomains(cluster), [api, cluster]);
  return (
    <Page themeId="tool">
      <Header
        title={`Cluster ${cluster}`}
        subtitle="What a node or zone failure takes down, and what blocks a drain"
        type="Availability"
        typeLink=".."
      />
      <Content>
        {loaded.loading && <Progress />}
        {loaded.error && <ResponseErrorPanel error={loaded.error} />}
        {loaded.value && (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <DrainReadinessPanel drain={loaded.value.drainReadiness} />
            </Grid>
            <Grid item xs={12}>
              <BlastRadiusGrid blast={loaded.value.blastRadius} />
            </Grid>
            <Grid item xs={12}>
              <Link to="../..">Back to the availability overview</Link>
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
}
