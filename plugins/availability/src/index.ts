export { availabilityPlugin as default } from './plugin';
