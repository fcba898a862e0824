export {
  createAvailabilityValidateAction,
  type AvailabilityValidateActionOptions,
} from './validate';
