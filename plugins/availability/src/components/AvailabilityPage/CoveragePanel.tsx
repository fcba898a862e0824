import { CodeSnippet, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { AVAILABILITY_ANNOTATIONS } from '../../conditions';

/** How many catalog components carry an annotation the reports are built from. */
async function countCoverage(
  catalogApi: typeof catalogApiRef.T,
): Promise<{ components: number; tracked: number }> {
  const [all, facets] = await Promise.all([
    catalogApi.queryEntities({ filter: { kind: 'component' }, limit: 1 }),
    catalogApi.getEntityFacets({
      filter: { kind: 'component' },
      facets: AVAILABILITY_ANNOTATIONS.map(a => `metadata.annotations.${a}`),
    }),
  ]);
  const annotated = Object.values(facets.facets)
    .flat()
    .reduce((sum, facet) => sum + facet.count, 0);
  // An entity with both annotations is counted twice by the facets.
  return {
    components: all.totalItems,
    tracked: Math.min(annotated, all.totalItems),
  };
}

/**
 * How much of the catalog the availability view covers: the components
 * without a kubernetes annotation are "not tracked", with the annotation to
 * add.
 *
 * @internal
 */
export function CoveragePanel() {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(
    () => countCoverage(catalogApi),
    [catalogApi],
  );
  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <Typography variant="body2" color="textSecondary">
        The catalog could not be counted: {error?.message}
      </Typography>
    );
  }
  const notTracked = value.components - value.tracked;
  return (
    <Box data-testid="availability-coverage">
      <Typography variant="body1" gutterBottom>
        <strong>{value.tracked}</strong> of {value.components} components are
        tracked; <strong>{notTracked}</strong> not tracked.
      </Typography>
      {notTracked > 0 && (
        <>
          <Typography variant="body2" gutterBottom>
            To track one, add to its catalog-info.yaml:
          </Typography>
          <CodeSnippet
            text={`metadata:\n  annotations:\n    ${AVAILABILITY_ANNOTATIONS[0]}: <name of its workloads>`}
            language="yaml"
          />
        </>
      )}
    </Box>
  );
}
