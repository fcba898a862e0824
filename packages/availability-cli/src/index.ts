/**
 * The `availability` command line: checks Kubernetes manifests and
 * Dockerfiles against the availability best practices, for CI.
 *
 * @packageDocumentation
 */

import fs from 'node:fs';
import { version } from '../package.json';
import { main } from './program';

process.exitCode = main(process.argv, version, {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => fs.readFileSync(0, 'utf8'),
});
