#!/usr/bin/env node
/*
 * The cheap half of the adopter test, run by `scripts/dev.sh test`: every
 * public package passes `backstage-cli repo fix --publish --check`, packs
 * (`yarn pack --dry-run`), and its tarball holds its LICENSE, README and the
 * non-built entries of `files`; its README's links resolve on the npm page
 * (absolute, since the repository's other files are not in the tarball).
 * Building and installing the tarballs is `yarn test:adopter`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const problems = [];

const fix = spawnSync(
  'yarn',
  ['backstage-cli', 'repo', 'fix', '--publish', '--check'],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
if (fix.status !== 0) {
  problems.push(
    `backstage-cli repo fix --publish --check:\n${fix.stdout}${fix.stderr}`,
  );
}

const workspaces = execFileSync('yarn', ['workspaces', 'list', '--json'], {
  cwd: root,
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .map(line => JSON.parse(line).location)
  .filter(location => location !== '.');

let packed = 0;
for (const location of workspaces) {
  const dir = path.join(root, location);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
  );
  if (manifest.private) continue;
  const name = manifest.name;
  const pack = spawnSync('yarn', ['pack', '--dry-run', '--json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (pack.status !== 0) {
    problems.push(`${name}: yarn pack failed:\n${pack.stdout}${pack.stderr}`);
    continue;
  }
  packed += 1;
  const files = new Set(
    pack.stdout
      .trim()
      .split('\n')
      .map(line => JSON.parse(line))
      .filter(entry => entry.location)
      .map(entry => entry.location),
  );
  const expected = ['package.json', 'README.md', 'LICENSE'];
  // What `files` names besides the build output must be in the tarball.
  for (const entry of manifest.files ?? []) {
    if (entry === 'dist' || !fs.existsSync(path.join(dir, entry))) continue;
    if (fs.statSync(path.join(dir, entry)).isDirectory()) {
      for (const file of fs.readdirSync(path.join(dir, entry), {
        recursive: true,
      })) {
        if (fs.statSync(path.join(dir, entry, file)).isFile()) {
          expected.push(path.posix.join(entry, file.split(path.sep).join('/')));
        }
      }
    } else if (entry === manifest.configSchema && entry.endsWith('.d.ts')) {
      expected.push('config.schema.json'); // prepack compiles the schema
    } else {
      expected.push(entry);
    }
  }
  for (const file of expected) {
    if (!files.has(file))
      problems.push(`${name}: ${file} is not in the tarball`);
  }
  for (const field of [
    'repository',
    'homepage',
    'bugs',
    'license',
    'keywords',
  ]) {
    if (!manifest[field])
      problems.push(`${name}: package.json has no ${field}`);
  }
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
  for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (!/^(https?:|mailto:|#)/.test(target)) {
      problems.push(
        `${name}: README link ${target} does not resolve on the npm page`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} packaging problems`);
  process.exit(1);
}
console.log(
  `${packed} public packages pack with their LICENSE, README and files`,
);
