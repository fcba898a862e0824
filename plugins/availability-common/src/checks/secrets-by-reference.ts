import type { V1Container } from '@kubernetes/client-node';
import type { Workload, WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName, everyContainer } from '../engine/containers';
import { containerPatch, yamlBlock } from '../engine/snippets';
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

// The user may be empty: `redis://:pass@host`.
const URL_WITH_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:[^\s/@]+@/i;
/** `Password=`, `pwd=`, `passwd=` at the start or after `;`, `&`, `?` or a space. */
const CONNECTION_STRING_PASSWORD =
  /(?:^|[;&?\s])(?:password|pwd|passwd)=([^;&\s]*)/gi;
/** A value that Kubernetes expands from another env entry: `$(DB_PASSWORD)`. */
const VARIABLE_REFERENCE = /^\$\([A-Za-z_][A-Za-z0-9_.-]*\)$/;
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
  for (const match of value.matchAll(CONNECTION_STRING_PASSWORD)) {
    if (match[1] !== '' && !VARIABLE_REFERENCE.test(match[1])) {
      return 'it is a connection string with a password in it';
    }
  }
  return undefined;
}

const PASSED = pass('No env variable carries a literal secret.');

/** The env entry that replaces a literal, at its container's full path. */
function secretRefSnippet(
  workload: Workload,
  container: V1Container,
  name: string,
): string {
  const key =
    name
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'value';
  return containerPatch(workload, container, {
    env: [
      {
        name: name || 'NAME',
        // Removes the literal: value and valueFrom cannot stand together.
        value: null,
        valueFrom: { secretKeyRef: { name: workload.name, key } },
      },
    ],
  });
}

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
    const snippets: string[] = [];
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
          snippets.push(secretRefSnippet(workload, container, name));
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
      `Store each value in a Secret (here "${
        workload.name
      }") and reference it in place of the literal (\`value: null\` removes the literal):\n\n${yamlBlock(
        snippets,
      )}`,
    );
  },
};
