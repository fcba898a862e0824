/**
 * The scaffolder module of Availability for Backstage: the
 * `availability:validate` action that gates templates on the availability
 * level of the manifests they produce.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAvailability as default } from './module';
export {
  createAvailabilityValidateAction,
  type AvailabilityValidateActionOptions,
  type AvailabilityValidateInput,
  type AvailabilityValidateOutput,
} from './actions';
