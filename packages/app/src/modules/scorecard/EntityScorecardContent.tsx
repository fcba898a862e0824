import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { CheckResult } from '@backstage-community/plugin-tech-insights-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';

/** Runs every Tech Insights check on one entity, as the community scorecard does. */
function useCheckResults() {
  const { entity } = useEntity();
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const name = entity.metadata.name;
  return useAsync(async () => {
    const baseUrl = await discoveryApi.getBaseUrl('tech-insights');
    const path = [namespace, kind, name].map(encodeURIComponent).join('/');
    const response = await fetchApi.fetch(`${baseUrl}/checks/run/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // No list of checks: the backend runs all of them that apply.
      body: JSON.stringify({}),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as CheckResult[];
  }, [discoveryApi, fetchApi, namespace, kind, name]);
}

const columns: TableColumn<CheckResult>[] = [
  {
    title: 'Check',
    field: 'check.name',
    render: ({ check }) => (
      <>
        <Typography variant="body2">
          <strong>{check.name}</strong>
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {check.description}
        </Typography>
        {check.links?.map(link => (
          <Link key={link.url} to={link.url}>
            {link.title}
          </Link>
        ))}
      </>
    ),
  },
  {
    title: 'Result',
    field: 'result',
    width: '140px',
    render: ({ result }) =>
      result === true ? (
        <StatusOK>Passed</StatusOK>
      ) : (
        <StatusError>Failed</StatusError>
      ),
  },
];

/**
 * The entity's Tech Insights checks and whether each passes, read from the
 * tech-insights backend (`POST /checks/run/:namespace/:kind/:name`). The demo
 * portal's stand-in for the community scorecard
 * (`@backstage-community/plugin-tech-insights`), which an adopter's app uses.
 */
export function EntityScorecardContent() {
  const { value, loading, error } = useCheckResults();
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value?.length) {
    return (
      <EmptyState
        missing="data"
        title="No Tech Insights results yet"
        description="The checks run on the facts the fact retrievers collect on their cadence; none are stored for this entity yet."
      />
    );
  }
  return (
    <div data-testid="tech-insights-scorecard">
      <Table<CheckResult>
        title="Scorecard"
        subtitle="Tech Insights checks of this entity"
        columns={columns}
        data={value}
        options={{ paging: false, search: false, padding: 'dense' }}
      />
    </div>
  );
}
