import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import CheckIcon from '@material-ui/icons/Check';

/** @internal */
export interface ClusterFilterProps {
  clusters: string[];
  /** The clusters shown; empty means all. */
  selected: string[];
  onChange: (selected: string[]) => void;
}

/**
 * Chips that narrow the workload sections to some clusters (an environment
 * is usually a cluster or two).
 *
 * @internal
 */
export function ClusterFilter(props: ClusterFilterProps) {
  const { clusters, selected, onChange } = props;
  const toggle = (cluster: string) =>
    onChange(
      selected.includes(cluster)
        ? selected.filter(c => c !== cluster)
        : [...selected, cluster],
    );
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 8 }}
      role="group"
      aria-label="Show clusters"
    >
      <Typography variant="body2" component="span">
        Clusters:
      </Typography>
      <Chip
        label="All"
        clickable
        color={selected.length === 0 ? 'primary' : 'default'}
        icon={selected.length === 0 ? <CheckIcon /> : undefined}
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
      />
      {clusters.map(cluster => {
        const on = selected.includes(cluster);
        return (
          <Chip
            key={cluster}
            label={cluster}
            clickable
            color={on ? 'primary' : 'default'}
            icon={on ? <CheckIcon /> : undefined}
            aria-pressed={on}
            onClick={() => toggle(cluster)}
          />
        );
      })}
    </Box>
  );
}
