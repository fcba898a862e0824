export {
  createAvailabilityValidateAction,
  type AvailabilityValidateActionOptions,
  type AvailabilityValidateInput,
  type AvailabilityValidateOutput,
} from './validate';
