/**
 * The `availability` command line: checks Kubernetes manifests and
 * Dockerfiles against the availability best practices, for CI.
 *
 * @packageDocumentation
 */

import fs from 'node:fs';
import path from 'node:path';
import { main } from './program';

// One level up from both src/ and dist/.
const { version } = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../package.json'), 'utf8'),
) as { version: string };

process.exitCode = main(process.argv, version, {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => fs.readFileSync(0, 'utf8'),
});
