import { pathToFileURL } from 'node:url';
import type {
  AvailabilityReport,
  CheckInfo,
  CheckResult,
  Severity,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import { ResultLocator, type LocationSources } from './locateResult';

/** The SARIF 2.1.0 subset the CLI writes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: { startLine: number };
  };
}

interface SarifRun {
  originalUriBaseIds: Record<string, { uri: string }>;
  tool: {
    driver: {
      name: string;
      version: string;
      informationUri: string;
      rules: Array<{
        id: string;
        name: string;
        shortDescription: { text: string };
        fullDescription: { text: string };
        help: { text: string };
        defaultConfiguration: { level: SarifLevel };
        properties: { tags: string[]; severity: Severity };
      }>;
    };
  };
  results: Array<{
    ruleId: string;
    ruleIndex?: number;
    level: SarifLevel;
    message: { text: string };
    locations: SarifLocation[];
    properties: { kind: string; namespace: string; name: string };
  }>;
  invocations: Array<{
    executionSuccessful: boolean;
    toolExecutionNotifications: Array<{
      level: 'error';
      message: { text: string };
      locations?: SarifLocation[];
    }>;
  }>;
}

const INFORMATION_URI =
  'https://github.com/availability-backstage/availability-backstage/tree/main/packages/availability-cli';

/** Critical and high failures block a merge; medium warn; low inform. */
function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') {
    return 'error';
  }
  return severity === 'medium' ? 'warning' : 'note';
}

function toUri(path: string): string {
  // SARIF wants URI references: relative paths with forward slashes,
  // percent-encoded where needed; absolute paths become file URLs.
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

function location(path: string, line?: number): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: path.startsWith('/')
        ? { uri: toUri(path) }
        : { uri: toUri(path), uriBaseId: '%SRCROOT%' },
      ...(line ? { region: { startLine: line } } : {}),
    },
  };
}

function resultLocation(
  workload: WorkloadReport,
  check: CheckResult,
  locator: ResultLocator,
): SarifLocation {
  const found = locator.locate(workload, check);
  if (found) {
    return location(found.path, found.line);
  }
  // Dockerfile entries are named by their path.
  return location(workload.source?.path ?? workload.name, 1);
}

/** `%SRCROOT%` is the working directory, as a directory URL. */
function srcRoot(cwd: string): string {
  const url = pathToFileURL(cwd).href;
  return url.endsWith('/') ? url : `${url}/`;
}

function subject(workload: WorkloadReport): string {
  return workload.kind === 'Dockerfile'
    ? `Dockerfile ${workload.name}`
    : `${workload.kind} ${workload.namespace}/${workload.name}`;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule
 * per check of the catalog, one result per failing check, located on the
 * object to change (the HPA, the PDB, the Service) and on the line of the
 * field where it exists, with paths relative to the working directory
 * (`%SRCROOT%`).
 */
export function formatSarif(options: {
  report: AvailabilityReport;
  catalog: CheckInfo[];
  version: string;
  /** The working directory the report's paths are relative to. */
  cwd: string;
  sources: LocationSources;
}): SarifLog {
  const { report, catalog, version } = options;
  const locator = new ResultLocator(options.sources);
  const ruleIndex = new Map(catalog.map((check, index) => [check.id, index]));
  const results: SarifRun['results'] = [];
  for (const workload of report.workloads) {
    for (const check of workload.checks) {
      if (check.status !== 'fail') {
        continue;
      }
      const index = ruleIndex.get(check.id);
      results.push({
        ruleId: check.id,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: sarifLevel(check.severity),
        message: {
          text: `${subject(workload)}: ${check.message}${
            check.remediation ? `\n\n${check.remediation}` : ''
          }`,
        },
        locations: [resultLocation(workload, check, locator)],
        properties: {
          kind: workload.kind,
          namespace: workload.namespace,
          name: workload.name,
        },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot(options.cwd) } },
        tool: {
          driver: {
            name: 'availability',
            version,
            informationUri: INFORMATION_URI,
            rules: catalog.map(check => ({
              id: check.id,
              name: check.id,
              shortDescription: { text: check.title },
              fullDescription: { text: check.description },
              help: { text: check.description },
              defaultConfiguration: { level: sarifLevel(check.severity) },
              properties: {
                tags: ['availability', check.category],
                severity: check.severity,
              },
            })),
          },
        },
        results,
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map(error => ({
              level: 'error' as const,
              message: { text: `${error.source}: ${error.message}` },
              ...(error.source.startsWith('<')
                ? {}
                : { locations: [location(error.source, error.line)] }),
            })),
          },
        ],
      },
    ],
  };
}
