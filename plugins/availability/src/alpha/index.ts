export { availabilityPlugin as default } from './plugin';
export { availabilityApi } from './apis';
export {
  entityAvailabilityCard,
  entityAvailabilityContent,
} from './entityExtensions';
export { availabilityPage } from './pages';
