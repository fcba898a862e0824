/***/
/**
 * The availability backend module for the scaffolder plugin.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAvailability as default } from './module';
