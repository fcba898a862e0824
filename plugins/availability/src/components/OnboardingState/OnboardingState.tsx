import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { AVAILABILITY_ANNOTATIONS } from '../../conditions';

/**
 * What an entity without Kubernetes annotations needs to be evaluated: the
 * annotation to add to its catalog-info.yaml, filled in with its own name.
 *
 * @internal
 */
export function OnboardingState() {
  const { entity } = useEntity();
  const snippet = `metadata:
  annotations:
    ${AVAILABILITY_ANNOTATIONS[0]}: ${entity.metadata.name}
    # or, to match pods by their labels:
    # ${AVAILABILITY_ANNOTATIONS[1]}: app=${entity.metadata.name}`;
  return (
    <EmptyState
      missing="field"
      title="Availability is not tracked for this entity yet"
      description={`No Kubernetes annotation tells which cluster objects belong to ${entity.metadata.name}. Add one to its catalog-info.yaml and label its Deployments, StatefulSets, Services and pods with the same value; the next refresh scores them.`}
      action={
        <Box maxWidth={640}>
          <Typography variant="body2" gutterBottom>
            Add to catalog-info.yaml:
          </Typography>
          <CodeSnippet text={snippet} language="yaml" showCopyCodeButton />
        </Box>
      }
    />
  );
}
