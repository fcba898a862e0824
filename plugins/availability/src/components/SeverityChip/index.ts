export { SeverityChip, severityColor } from './SeverityChip';
export type { SeverityChipProps } from './SeverityChip';
