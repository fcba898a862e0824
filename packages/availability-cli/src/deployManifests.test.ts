import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { AvailabilityReport } from '@availability-backstage/plugin-availability-common';

const BIN = path.resolve(__dirname, '../bin/availability');
const DEPLOY = path.resolve(__dirname, '../../../deploy');

jest.setTimeout(60_000);

// The repository's own production manifests (deploy/) must be what the
// checks recommend: gold overall and for every workload, no failing check.
describe('deploy/ manifests', () => {
  it('score gold with the CLI', () => {
    const result = spawnSync(
      process.execPath,
      [BIN, 'check', '--format', 'json', '--min-level', 'gold', DEPLOY],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report: AvailabilityReport = JSON.parse(result.stdout);
    expect(report.level).toBe('gold');
    expect(report.errors).toEqual([]);
    const kinds = report.workloads.map(w => `${w.kind}/${w.name}`);
    expect(kinds).toContain('Deployment/backstage');
    for (const workload of report.workloads) {
      expect(workload.level).toBe('gold');
      expect(
        workload.checks.filter(c => c.status === 'fail').map(c => c.id),
      ).toEqual([]);
    }
  });
});
