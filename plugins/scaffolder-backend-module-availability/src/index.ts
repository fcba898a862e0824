/**
 * The scaffolder module of Availability for Backstage: the
 * `availability:validate` action that gates templates on the availability
 * level of the manifests they produce, and the two bundled templates that
 * use it, registered in the catalog from the installed package.
 *
 * @packageDocumentation
 */

export { availabilityScaffolderFeatures as default } from './features';
export { scaffolderModuleAvailability } from './module';
export { catalogModuleAvailabilityTemplates } from './catalog/module';
export {
  createAvailabilityValidateAction,
  type AvailabilityValidateActionOptions,
  type AvailabilityValidateInput,
  type AvailabilityValidateOutput,
} from './actions';
