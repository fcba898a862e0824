import {
  AvailabilitySummary,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import Typography from '@material-ui/core/Typography';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { levelColors, levelLabel } from '../LevelChip';

// Stacked from the bottom: the worst level first, so progress shows as the
// gold band growing on top.
// Stacked from the bottom: worst first.
const levels = [...LEVELS].reverse();

/** @internal */
export interface LevelTrendChartProps {
  trend: AvailabilitySummary['trend'];
}

/**
 * How many entities sat at each level, day by day.
 *
 * @internal
 */
export function LevelTrendChart(props: LevelTrendChartProps) {
  if (props.trend.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet.
      </Typography>
    );
  }
  const data = props.trend.map(point => ({
    date: point.date,
    averageScore: point.averageScore,
    ...point.byLevel,
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <AreaChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend />
        {levels.map(level => (
          <Area
            key={level}
            type="monotone"
            dataKey={level}
            name={levelLabel(level)}
            stackId="levels"
            stroke={levelColors[level].background}
            fill={levelColors[level].background}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
