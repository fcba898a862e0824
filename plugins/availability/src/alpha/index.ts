export { availabilityPlugin as default } from './plugin';
export { availabilityApi } from './apis';
export {
  entityAvailabilityCard,
  entityAvailabilityContent,
  entityAvailabilityRollupCard,
} from './entityExtensions';
export { availabilityPage } from './pages';
