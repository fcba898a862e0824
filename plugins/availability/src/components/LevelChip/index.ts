export { LevelChip, levelColors, levelLabel } from './LevelChip';
export type { LevelChipProps } from './LevelChip';
