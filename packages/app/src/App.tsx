import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import kubernetesPlugin from '@backstage/plugin-kubernetes/alpha';
import availabilityPlugin from '@availability-backstage/plugin-availability/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

export default createApp({
  features: [
    catalogPlugin,
    kubernetesPlugin,
    availabilityPlugin,
    navModule,
    homeModule,
  ],
});
