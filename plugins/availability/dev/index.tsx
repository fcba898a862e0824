import { createDevApp } from '@backstage/frontend-dev-utils';

import plugin from '../src/alpha';

// frontend-dev-utils 0.1.6, the newest published, is typed against
// frontend-plugin-api 0.18; at runtime it hands the features to the
// frontend-defaults createApp, which takes 1.x plugins.
type DevFeatures = Parameters<typeof createDevApp>[0]['features'];

createDevApp({ features: [plugin] as unknown as DevFeatures });
