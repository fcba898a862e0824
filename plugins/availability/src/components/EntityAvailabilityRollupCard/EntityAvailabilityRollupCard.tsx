import {
  Level,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../../api';
import { useFocusRingStyles } from '../focusRing';
import { LevelChip } from '../LevelChip';

// Worst first, as a team reads what to fix.
const levels: Level[] = [...LEVELS].reverse();

/** @public */
export interface EntityAvailabilityRollupCardProps {
  /** How many services to list, worst first; default 5. */
  limit?: number;
}

/**
 * The availability of a Group's or a System's services: how many sit at each
 * level, and the worst of them first, each linking to its entity.
 *
 * @public
 */
export function EntityAvailabilityRollupCard(
  props: EntityAvailabilityRollupCardProps,
) {
  const { entity } = useEntity();
  const api = useApi(availabilityApiRef);
  const focusRing = useFocusRingStyles();
  const ref = stringifyEntityRef(entity);
  const field =
    entity.kind.toLocaleLowerCase('en-US') === 'group' ? 'owner' : 'system';
  const limit = props.limit ?? 5;
  const { value, loading, error } = useAsync(async () => {
    const filter = { [field]: [ref] };
    const [summary, page] = await Promise.all([
      api.getSummary(filter),
      api.listReports({ ...filter, orderBy: 'level', order: 'asc', limit }),
    ]);
    return { summary, page };
  }, [api, ref, field, limit]);

  return (
    <InfoCard
      title="Availability"
      subheader={
        field === 'owner' ? "The team's services" : "The system's services"
      }
      className={focusRing.root}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.summary.totalEntities === 0 && (
        <Typography variant="body2" color="textSecondary">
          No evaluated service{' '}
          {field === 'owner' ? 'is owned by' : 'belongs to'}{' '}
          {entity.metadata.title ?? entity.metadata.name}.
        </Typography>
      )}
      {value && value.summary.totalEntities > 0 && (
        <>
          <Box
            display="flex"
            flexWrap="wrap"
            alignItems="center"
            style={{ gap: 8 }}
            data-testid="availability-rollup-levels"
          >
            {levels.map(level => (
              <Box
                key={level}
                display="flex"
                alignItems="center"
                style={{ gap: 4 }}
              >
                <LevelChip level={level} />
                <Typography variant="body2" component="span">
                  {value.summary.byLevel[level] ?? 0}
                </Typography>
              </Box>
            ))}
          </Box>
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ marginTop: 8 }}
          >
            {value.summary.totalEntities}{' '}
            {value.summary.totalEntities === 1 ? 'service' : 'services'},
            average score {Math.round(value.summary.averageScore)}; worst first:
          </Typography>
          <List dense aria-label="Services, worst first">
            {value.page.items.map(item => (
              <ListItem key={item.entityRef} disableGutters>
                <Box
                  display="flex"
                  alignItems="center"
                  width="100%"
                  style={{ gap: 8 }}
                >
                  <LevelChip level={item.level} />
                  <Typography variant="body2" component="span">
                    {item.score}
                  </Typography>
                  <EntityRefLink
                    entityRef={item.entityRef}
                    title={item.title}
                  />
                  {item.failingChecks.length > 0 && (
                    <Typography variant="caption" color="textSecondary">
                      {item.failingChecks.length} failing
                    </Typography>
                  )}
                </Box>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </InfoCard>
  );
}
