import {
  BlastRadius,
  DomainRisk,
} from '@availability-backstage/plugin-availability-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';

const useStyles = makeStyles(theme => ({
  zones: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: theme.spacing(2),
  },
  cell: {
    padding: theme.spacing(1.5),
    marginTop: theme.spacing(1),
  },
  dark: { borderLeft: `4px solid ${theme.palette.error.main}` },
  minimum: { borderLeft: `4px solid ${theme.palette.warning.main}` },
  safe: { borderLeft: `4px solid ${theme.palette.success.main}` },
}));

const IMPACT_WORDS = {
  dark: 'goes dark',
  'below-minimum': 'below its PDB minimum',
  unknown: 'may go dark (data missing)',
};

function DomainCell(props: { risk: DomainRisk; testId: string }) {
  const classes = useStyles();
  const { risk } = props;
  let worst = classes.safe;
  if (risk.services.some(s => s.impact === 'dark')) {
    worst = classes.dark;
  } else if (risk.services.length) {
    worst = classes.minimum;
  }
  return (
    <Paper
      variant="outlined"
      className={`${classes.cell} ${worst}`}
      data-testid={props.testId}
    >
      <Typography variant="subtitle2">
        {risk.type === 'zone' ? `Zone ${risk.name}` : risk.name}
      </Typography>
      {risk.services.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Every service survives its failure.
        </Typography>
      ) : (
        risk.services.map(service => (
          <Typography variant="body2" key={service.entityRef}>
            <strong>
              {service.title ?? parseEntityRef(service.entityRef).name}
            </strong>{' '}
            {IMPACT_WORDS[service.impact]} ({service.workloads.join(', ')})
          </Typography>
        ))
      )}
    </Paper>
  );
}

/**
 * Zones as columns and their nodes as cells, each naming the services
 * that would go dark (or fall below their PDB's minimum) if it failed.
 *
 * @internal
 */
export function BlastRadiusGrid(props: { blast: BlastRadius }) {
  const classes = useStyles();
  const { blast } = props;
  const zoneless = blast.nodes.filter(
    node => !blast.zones.some(zone => zone.nodes?.includes(node.name)),
  );
  return (
    <InfoCard title="Blast radius: what a node or zone failure takes down">
      <Box data-testid="availability-blast-radius">
        {blast.missing.map(note => (
          <Box mb={1} key={note}>
            <Alert severity="info">{note}</Alert>
          </Box>
        ))}
        <Box className={classes.zones}>
          {blast.zones.map(zone => (
            <Box key={zone.name}>
              <DomainCell
                risk={zone}
                testId={`availability-zone-${zone.name}`}
              />
              {(zone.nodes ?? []).map(name => {
                const node = blast.nodes.find(n => n.name === name);
                return node ? (
                  <DomainCell
                    key={name}
                    risk={node}
                    testId={`availability-node-${name}`}
                  />
                ) : null;
              })}
            </Box>
          ))}
          {zoneless.length > 0 && (
            <Box>
              <Typography variant="subtitle2">Nodes without a zone</Typography>
              {zoneless.map(node => (
                <DomainCell
                  key={node.name}
                  risk={node}
                  testId={`availability-node-${node.name}`}
                />
              ))}
            </Box>
          )}
        </Box>
      </Box>
    </InfoCard>
  );
}
