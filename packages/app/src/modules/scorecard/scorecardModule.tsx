import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** A Scorecard tab on every Component: its Tech Insights check results. */
export const entityScorecardContent = EntityContentBlueprint.make({
  name: 'scorecard',
  params: {
    path: 'scorecard',
    title: 'Scorecard',
    filter: { kind: 'component' },
    loader: () =>
      import('./EntityScorecardContent').then(m => (
        <m.EntityScorecardContent />
      )),
  },
});

export const scorecardModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [entityScorecardContent],
});
