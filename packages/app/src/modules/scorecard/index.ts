export { scorecardModule } from './scorecardModule';
