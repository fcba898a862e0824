import {
  AvailabilityReport,
  availableFixes,
  SimulatedFix,
  simulateFixes,
} from '@availability-backstage/plugin-availability-common';
import {
  CodeSnippet,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../../api';
import { useEntityRefParts } from '../../hooks/useEntityRefParts';
import { LevelChip } from '../LevelChip';

const keyOf = (fix: SimulatedFix) =>
  `${fix.checkId}/${fix.kind}/${fix.namespace}/${fix.name}`;

function Score(props: {
  score: number | null;
  level: AvailabilityReport['level'] | null;
}) {
  return (
    <Box display="inline-flex" alignItems="center">
      <Typography variant="h5" component="span">
        {props.score ?? '–'}
      </Typography>
      {props.level && (
        <Box ml={1}>
          <LevelChip level={props.level} />
        </Box>
      )}
    </Box>
  );
}

/**
 * The level-up simulator: pick fixes among the failing checks, see the
 * score and level the engine gives the entity's objects with them applied,
 * and copy the merged patch per workload.
 *
 * @internal
 */
export function LevelUpSimulator(props: { report: AvailabilityReport }) {
  const { report } = props;
  const api = useApi(availabilityApiRef);
  const { entity } = useEntity();
  const entityRef = useEntityRefParts();
  const loaded = useAsync(
    () => api.getEntityObjects(entityRef),
    [api, entityRef],
  );
  const fixes = useMemo(() => availableFixes(report), [report]);
  const [chosen, setChosen] = useState<string[]>([]);

  const result = useMemo(() => {
    if (!loaded.value || chosen.length === 0) {
      return undefined;
    }
    return simulateFixes({
      objects: loaded.value.objects,
      fixes: fixes.filter(fix => chosen.includes(keyOf(fix))),
      evaluateOptions: {
        config: loaded.value.config,
        entityAnnotations: entity.metadata.annotations ?? {},
      },
      observed: report,
    });
  }, [loaded.value, chosen, fixes, entity, report]);

  if (fixes.length === 0) {
    return null;
  }
  const toggle = (key: string) =>
    setChosen(current =>
      current.includes(key)
        ? current.filter(k => k !== key)
        : [...current, key],
    );

  return (
    <InfoCard
      title="Level-up simulator"
      subheader="Pick fixes to see what the entity would score before changing anything"
    >
      <Box data-testid="availability-simulator">
        {loaded.loading && <Progress />}
        {loaded.error && <ResponseErrorPanel error={loaded.error} />}
        {loaded.value && (
          <>
            <Box display="flex" flexWrap="wrap">
              {fixes.map(fix => (
                <Box key={keyOf(fix)} width={{ xs: '100%', md: '50%' }}>
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={chosen.includes(keyOf(fix))}
                        onChange={() => toggle(keyOf(fix))}
                        name={keyOf(fix)}
                      />
                    }
                    label={`${fix.title}: ${fix.kind} ${fix.name} (${fix.checkId}, ${fix.severity})`}
                  />
                </Box>
              ))}
            </Box>
            <Box display="flex" alignItems="center" mt={2} mb={2}>
              <Typography variant="body1">Now</Typography>
              <Box ml={1} mr={2}>
                <Score score={report.score} level={report.level} />
              </Box>
              <Typography variant="body1">with the chosen fixes</Typography>
              <Box ml={1} data-testid="availability-simulator-after">
                <Score
                  score={result?.after.score ?? report.score}
                  level={result?.after.level ?? report.level}
                />
              </Box>
            </Box>
            {result?.skipped.map(skip => (
              <Typography
                variant="body2"
                color="textSecondary"
                key={keyOf(skip)}
              >
                {skip.checkId} on {skip.name}: {skip.reason}
              </Typography>
            ))}
            {result?.patches.map(patch => (
              <Box
                key={`${patch.kind}/${patch.namespace}/${
                  patch.name
                }/${patch.clusters.join(',')}`}
                mt={2}
              >
                <Typography variant="subtitle2">
                  {patch.kind} {patch.namespace}/{patch.name}
                  {patch.clusters.length
                    ? ` in ${patch.clusters.join(', ')}`
                    : ''}
                  : {patch.checks.join(', ')}
                </Typography>
                {patch.notes.map(note => (
                  <Typography variant="body2" key={note}>
                    {note}
                  </Typography>
                ))}
                <CodeSnippet
                  text={patch.yaml}
                  language="yaml"
                  showCopyCodeButton
                />
              </Box>
            ))}
          </>
        )}
      </Box>
    </InfoCard>
  );
}
