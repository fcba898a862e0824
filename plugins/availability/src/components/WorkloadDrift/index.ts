export { WorkloadDrift } from './WorkloadDrift';
