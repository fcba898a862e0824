/**
 * A Tech Insights module of Availability for Backstage: a fact retriever of
 * the availability reports, for scorecards and jsonfc checks.
 *
 * @packageDocumentation
 */

export { techInsightsModuleAvailability as default } from './module';
export {
  createAvailabilityFactRetriever,
  AVAILABILITY_FACT_RETRIEVER_ID,
  type AvailabilityFactRetrieverOptions,
} from './availabilityFactRetriever';
export {
  availabilityFacts,
  availabilityFactsSchema,
  AVAILABILITY_FACTS_VERSION,
} from './availabilityFacts';
