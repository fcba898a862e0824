export { ClusterView } from './ClusterView';
