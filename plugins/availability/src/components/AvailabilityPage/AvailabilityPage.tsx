import { Content, Header, Page } from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { ClusterView } from '../ClusterView';
import { AvailabilityOverview } from './AvailabilityOverview';
import { LastRefreshPanel } from './LastRefreshPanel';

/** @public */
export interface AvailabilityPageProps {
  title?: string;
  subtitle?: string;
}

/**
 * The org-wide availability page: how available every evaluated entity is,
 * by team and over time.
 *
 * @public
 */
export function AvailabilityPage(props: AvailabilityPageProps) {
  return (
    <Routes>
      <Route path="/clusters/:cluster" element={<ClusterView />} />
      <Route path="/*" element={<AvailabilityOverviewPage {...props} />} />
    </Routes>
  );
}

function AvailabilityOverviewPage(props: AvailabilityPageProps) {
  return (
    <Page themeId="tool">
      <Header
        title={props.title ?? 'Availability'}
        subtitle={
          props.subtitle ??
          'How highly available our Kubernetes services are, and what to fix first'
        }
      />
      <Content>
        <LastRefreshPanel />
        <AvailabilityOverview />
      </Content>
    </Page>
  );
}
