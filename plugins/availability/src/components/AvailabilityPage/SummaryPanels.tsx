import {
  AvailabilitySummary,
  CheckInfo,
} from '@availability-backstage/plugin-availability-common';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import { CoveragePanel } from './CoveragePanel';
import { LevelTrendChart } from './LevelTrendChart';
import { OwnerRollup } from './OwnerRollup';
import { SummaryNumbers } from './SummaryNumbers';
import { TopFailingChecks } from './TopFailingChecks';

/** One card of the summary row, `md` grid columns wide on a wide screen. */
function Panel(props: {
  md: 4 | 5 | 6 | 7 | 8;
  title: string;
  subheader?: string;
  children: ReactNode;
}) {
  return (
    <Grid item xs={12} md={props.md}>
      <InfoCard title={props.title} subheader={props.subheader}>
        {props.children}
      </InfoCard>
    </Grid>
  );
}

/** @internal */
export interface SummaryPanelsProps {
  summary: { loading: boolean; error?: Error; value?: AvailabilitySummary };
  checks: Map<string, CheckInfo>;
  onSelectOwner: (owner: string) => void;
  onSelectCheck: (id: string) => void;
}

/**
 * The org page's rollups over the filtered reports: the overall numbers,
 * levels over time, teams and checks ranked by harm, and coverage.
 *
 * @internal
 */
export function SummaryPanels(props: SummaryPanelsProps) {
  const { summary } = props;
  return (
    <>
      {summary.loading && (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      )}
      {summary.error && (
        <Grid item xs={12}>
          <ResponseErrorPanel error={summary.error} />
        </Grid>
      )}
      {summary.value && (
        <>
          <Panel md={4} title="Overall">
            <SummaryNumbers summary={summary.value} />
          </Panel>
          <Panel md={8} title="Levels over time">
            <LevelTrendChart trend={summary.value.trend} />
          </Panel>
          <Panel
            md={7}
            title="Teams, worst first"
            subheader="Ranked by the share of their services below silver; click a team to see its entities"
          >
            <OwnerRollup
              byOwner={summary.value.byOwner}
              onSelectOwner={props.onSelectOwner}
            />
          </Panel>
          <Panel
            md={5}
            title="Top failing checks"
            subheader="Ranked by severity weight × entities failing"
          >
            <TopFailingChecks
              byCheck={summary.value.byCheck}
              totalEntities={summary.value.totalEntities}
              checks={props.checks}
              onSelectCheck={props.onSelectCheck}
            />
          </Panel>
          <Panel md={6} title="Coverage">
            <CoveragePanel />
          </Panel>
        </>
      )}
    </>
  );
}
