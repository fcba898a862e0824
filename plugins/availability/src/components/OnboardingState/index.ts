export { OnboardingState } from './OnboardingState';
