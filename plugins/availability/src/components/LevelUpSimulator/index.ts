export { LevelUpSimulator } from './LevelUpSimulator';
