import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { StaleClusterNote } from './StaleClusterNote';

const hourAgo = new Date(Date.now() - 3_600_000).toISOString();

describe('StaleClusterNote', () => {
  it('says since when a failed cluster shows kept workloads', async () => {
    await renderInTestApp(
      <StaleClusterNote
        cluster={{
          cluster: 'prod-us',
          status: 'error',
          message: '500 Internal Server Error',
          lastSuccessAt: hourAgo,
          stale: true,
        }}
      />,
    );
    expect(screen.getByTestId('stale-cluster-prod-us')).toHaveTextContent(
      'Stale: its workloads are shown as of 1 hour ago, when it last answered.',
    );
  });

  it('says when a failed cluster never answered', async () => {
    await renderInTestApp(
      <StaleClusterNote cluster={{ cluster: 'prod-us', status: 'error' }} />,
    );
    expect(
      screen.getByText('Never answered; its workloads are missing from the report.'),
    ).toBeInTheDocument();
  });

  it('says nothing for a cluster that answered', async () => {
    await renderInTestApp(
      <div data-testid="wrapper">
        <StaleClusterNote
          cluster={{ cluster: 'prod-eu', status: 'ok', lastSuccessAt: hourAgo }}
        />
      </div>,
    );
    expect(screen.getByTestId('wrapper')).toBeEmptyDOMElement();
  });
});
