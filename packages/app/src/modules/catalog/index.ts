export { catalogWithAvailability } from './catalogWithAvailability';
