import {
  availabilityApiRef,
  availabilityPlugin,
  AvailabilityPage,
  EntityAvailabilityCard,
  EntityAvailabilityContent,
  isAvailabilityAvailable,
} from './index';

describe('legacy availability plugin', () => {
  it('is the availability plugin and provides its API', () => {
    expect(availabilityPlugin.getId()).toBe('availability');
    expect(
      [...availabilityPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual([availabilityApiRef.id]);
    expect(Object.keys(availabilityPlugin.routes)).toEqual([
      'root',
      'entityContent',
    ]);
  });

  it('exports its extensions and the entity condition', () => {
    for (const extension of [
      AvailabilityPage,
      EntityAvailabilityContent,
      EntityAvailabilityCard,
    ]) {
      expect(typeof extension).toBe('function');
    }
    expect(typeof isAvailabilityAvailable).toBe('function');
  });
});
