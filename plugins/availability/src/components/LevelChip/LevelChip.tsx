import { Level } from '@availability-backstage/plugin-availability-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

/** Medal colours; each text colour keeps at least 4.5:1 (WCAG AA) on its background. */
export const levelColors: Record<Level, { background: string; text: string }> =
  {
    gold: { background: '#D4AF37', text: '#000' },
    silver: { background: '#A8A9AD', text: '#000' },
    bronze: { background: '#8B5A2B', text: '#fff' },
    none: { background: '#616161', text: '#fff' },
  };

const levelLabels: Record<Level, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  none: 'No level',
};

const useStyles = makeStyles({
  ...Object.fromEntries(
    Object.entries(levelColors).map(([level, color]) => [
      level,
      { backgroundColor: color.background, color: color.text, fontWeight: 600 },
    ]),
  ),
});

/** @public */
export interface LevelChipProps {
  /** Null where nothing was judged: shown as "No score", never as a level. */
  level: Level | null;
  size?: 'small' | 'medium';
}

/**
 * The availability level as a coloured chip.
 *
 * @public
 */
export function LevelChip(props: LevelChipProps) {
  const classes = useStyles();
  if (props.level === null) {
    return (
      <Chip
        size={props.size ?? 'small'}
        variant="outlined"
        label="No score"
        aria-label="No score: nothing was judged"
      />
    );
  }
  return (
    <Chip
      size={props.size ?? 'small'}
      label={levelLabels[props.level]}
      className={classes[props.level]}
      aria-label={`Level ${levelLabels[props.level]}`}
    />
  );
}

/** The label of a level, for text contexts. */
export function levelLabel(level: Level | null): string {
  return level === null ? 'No score' : levelLabels[level];
}
