import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName, everyContainer } from '../engine/containers';
import { fail, pass } from '../engine/outcomes';
import { asString, isRecord } from '../engine/read';

const CREDENTIAL_WORDS = [
  'PASSWORD',
  'PASSWD',
  'SECRET',
  'TOKEN',
  'BEARER',
  'API_KEY',
  'APIKEY',
  'ACCESS_KEY',
  'PRIVATE_KEY',
  'CREDENTIAL',
];

/** Suffixes that say where a secret lives rather than what it is. */
const LOCATION_SUFFIXES = ['_FILE', '_PATH', '_DIR', '_NAME', '_REF', '_URL'];

const URL_WITH_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i;
const PRIVATE_KEY_BLOCK = /BEGIN [A-Z0-9 ]*PRIVATE KEY/;

/** Why a literal env value looks like a secret, or undefined. */
function secretReason(name: string, value: string): string | undefined {
  const upper = name.toUpperCase();
  if (
    CREDENTIAL_WORDS.some(word => upper.includes(word)) &&
    !LOCATION_SUFFIXES.some(suffix => upper.endsWith(suffix))
  ) {
    return 'its name says it is a credential';
  }
  if (URL_WITH_CREDENTIALS.test(value)) {
    return 'it is a URL with a password in it';
  }
  if (PRIVATE_KEY_BLOCK.test(value)) {
    return 'it holds a private key';
  }
  return undefined;
}

const PASSED = pass('No env variable carries a literal secret.');

/** @internal */
export const secretsByReference: WorkloadCheck = {
  id: 'secrets-by-reference',
  title: 'Secrets by reference',
  description:
    "Credentials written as literal env values end up in Git, in the manifest history and in anyone's kubectl output. Read them from a Secret instead.",
  severity: 'high',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    // Messages name variables, never their values.
    let findings: string[] | undefined;
    everyContainer(workload).forEach((container, i) => {
      const env = container.env;
      if (!Array.isArray(env)) {
        return;
      }
      for (const entry of env) {
        const value = isRecord(entry) ? asString(entry.value) : undefined;
        if (!value) {
          continue;
        }
        const name = asString(entry.name) ?? '';
        const reason = secretReason(name, value);
        if (reason) {
          (findings ??= []).push(
            `${name || '(unnamed)'} in "${containerName(
              container,
              i,
            )}" (${reason})`,
          );
        }
      }
    });
    if (!findings) {
      return PASSED;
    }
    return fail(
      `Literal secret values in env: ${findings.join(
        '; ',
      )}. Remove them from the manifest and rotate them, since they have been exposed.`,
      'Store the value in a Secret and reference it:\n\n```yaml\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: my-app-secrets\n        key: db-password\n```',
    );
  },
};
