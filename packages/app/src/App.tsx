import { createApp } from '@backstage/frontend-defaults';
import kubernetesPlugin from '@backstage/plugin-kubernetes/alpha';
import availabilityPlugin from '@availability-backstage/plugin-availability/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { catalogWithAvailability } from './modules/catalog';
import { scorecardModule } from './modules/scorecard';

export default createApp({
  features: [
    catalogWithAvailability,
    kubernetesPlugin,
    availabilityPlugin,
    navModule,
    homeModule,
    scorecardModule,
  ],
});
