import { kubernetesConfigFor } from './kubernetesConfig';

const emulator = {
  clusters: [
    { name: 'east', url: 'http://127.0.0.1:7441', token: 'east-token' },
    { name: 'west', url: 'http://127.0.0.1:7442', token: 'west-token' },
  ],
};

describe('kubernetesConfigFor', () => {
  it('lists every emulated cluster with its url and token', () => {
    expect(kubernetesConfigFor(emulator)).toEqual({
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'east',
              url: 'http://127.0.0.1:7441',
              authProvider: 'serviceAccount',
              serviceAccountToken: 'east-token',
              skipTLSVerify: true,
              skipMetricsLookup: true,
            },
            {
              name: 'west',
              url: 'http://127.0.0.1:7442',
              authProvider: 'serviceAccount',
              serviceAccountToken: 'west-token',
              skipTLSVerify: true,
              skipMetricsLookup: true,
            },
          ],
        },
      ],
    });
  });

  it.each([true, false])(
    'sets skipMetricsLookup: %s on every cluster',
    skip => {
      const config = kubernetesConfigFor(emulator, { skipMetricsLookup: skip });
      expect(
        config.clusterLocatorMethods[0].clusters.map(c => c.skipMetricsLookup),
      ).toEqual([skip, skip]);
    },
  );

  it('has no clusters for an emulator that serves none', () => {
    expect(kubernetesConfigFor({ clusters: [] }).clusterLocatorMethods).toEqual(
      [{ type: 'config', clusters: [] }],
    );
  });
});
