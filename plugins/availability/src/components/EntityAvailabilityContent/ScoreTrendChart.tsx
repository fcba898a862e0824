import { HistoryPoint } from '@availability-backstage/plugin-availability-common';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTimestamp } from '../../lib/time';

/** @internal */
export interface ScoreTrendChartProps {
  history: HistoryPoint[];
}

/**
 * The entity's score over its stored refreshes.
 *
 * @internal
 */
export function ScoreTrendChart(props: ScoreTrendChartProps) {
  const theme = useTheme();
  if (props.history.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        The trend shows once there are two or more refreshes.
      </Typography>
    );
  }
  const data = [...props.history]
    .sort((a, b) => a.refreshedAt.localeCompare(b.refreshedAt))
    .map(point => ({
      time: new Date(point.refreshedAt).getTime(),
      score: point.score,
      level: point.level,
    }));
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(time: number) => new Date(time).toLocaleDateString()}
        />
        <YAxis domain={[0, 100]} width={32} />
        <Tooltip
          labelFormatter={(time: number) =>
            formatTimestamp(new Date(time).toISOString())
          }
        />
        <Line
          type="monotone"
          dataKey="score"
          name="Score"
          stroke={theme.palette.primary.main}
          dot={data.length < 30}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
