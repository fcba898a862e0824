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
import { explainLevel } from '../../lib/levelExplanation';
import { describeStaleness } from '../../lib/staleness';
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
  const explanation = explainLevel(value.report);
  return (
    <>
      <ScoreSummary
        report={value.report}
        staleness={describeStaleness(value)}
        size="small"
      />
      <Typography
        variant="body2"
        data-testid="availability-level-explanation"
        style={{ marginTop: 8 }}
      >
        {explanation.reason}
        {explanation.next ? ` ${explanation.next}` : ''}
      </Typography>
      {explanation.fixFirst.length > 0 && (
        <List dense aria-label="Fix first" data-testid="availability-fix-first">
          {explanation.fixFirst.slice(0, 3).map(item => (
            <ListItem key={item.fix} disableGutters>
              <ListItemText
                primary={`${
                  catalog.get(item.checkId)?.title ?? item.checkId
                } (+${item.adds})`}
                secondary={`${item.severity} · ${item.workload
                  .split('/')
                  .slice(-1)
                  .join('')}${
                  item.clusters.length ? ` in ${item.clusters.join(', ')}` : ''
                }`}
              />
            </ListItem>
          ))}
        </List>
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
