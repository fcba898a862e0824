import { availabilityPlugin } from './plugin';

describe('availability', () => {
  it('should export plugin', () => {
    expect(availabilityPlugin).toBeDefined();
  });
});
