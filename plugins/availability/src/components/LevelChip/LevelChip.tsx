import { Level } from '@availability-backstage/plugin-availability-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

/** Medal colours, readable with white or black text as noted. */
export const levelColors: Record<Level, { background: string; text: string }> =
  {
    gold: { background: '#D4AF37', text: '#000' },
    silver: { background: '#A8A9AD', text: '#000' },
    bronze: { background: '#B87333', text: '#fff' },
    none: { background: '#757575', text: '#fff' },
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
export function levelLabel(level: Level): string {
  return levelLabels[level];
}
