export { ExemptionLedger } from './ExemptionLedger';
