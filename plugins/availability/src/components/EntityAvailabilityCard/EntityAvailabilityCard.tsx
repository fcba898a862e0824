import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../../api';
import {
  AVAILABILITY_ANNOTATIONS,
  isAvailabilityAvailable,
} from '../../conditions';
import { useCheckCatalog } from '../../hooks/useCheckCatalog';
import { useEntityRefParts } from '../../hooks/useEntityRefParts';
import { summarizeFailingChecks } from '../../lib/checkOrdering';
import { ScoreSummary } from '../EntityAvailabilityContent/ScoreSummary';

/** @public */
export interface EntityAvailabilityCardProps {
  /** The path of the availability tab below the entity page; default `availability`. */
  contentPath?: string;
}

function CardBody() {
  const api = useApi(availabilityApiRef);
  const entityRef = useEntityRefParts();
  const catalog = useCheckCatalog();
  const { value, loading, error } = useAsync(
    () => api.getEntityReport(entityRef),
    [api, entityRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value?.report) {
    return (
      <Typography variant="body2" color="textSecondary">
        No availability report yet.
      </Typography>
    );
  }
  const top = summarizeFailingChecks(value.report.workloads).slice(0, 3);
  return (
    <>
      <ScoreSummary report={value.report} size="small" />
      {top.length > 0 ? (
        <List dense aria-label="Top failing checks">
          {top.map(check => (
            <ListItem key={check.id} disableGutters>
              <ListItemText
                primary={catalog.get(check.id)?.title ?? check.id}
                secondary={`${check.severity} · ${check.workloads} ${
                  check.workloads === 1 ? 'workload' : 'workloads'
                } · ${check.message}`}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2">Every counted check passes.</Typography>
      )}
    </>
  );
}

/**
 * An overview card: score, level and the three most important failing
 * checks, linking to the availability tab.
 *
 * @public
 */
export function EntityAvailabilityCard(props: EntityAvailabilityCardProps) {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const contentPath = (props.contentPath ?? 'availability').replace(/^\//, '');

  if (!isAvailabilityAvailable(entity)) {
    return (
      <InfoCard title="Availability">
        <MissingAnnotationEmptyState
          annotation={[...AVAILABILITY_ANNOTATIONS]}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="Availability"
      deepLink={{
        title: 'View availability details',
        link: `${entityRoute(entityRouteParams(entity))}/${contentPath}`,
      }}
    >
      <CardBody />
    </InfoCard>
  );
}
