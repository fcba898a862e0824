#!/usr/bin/env node
/*
 * Wires the packed packages into a fresh create-app app by the snippets of
 * their own READMEs, so a README that stops working fails the adopter test:
 *
 * - `yarn --cwd packages/<workspace> add <package>` lines become dependencies
 *   (ours resolve to the tarballs, others to the registry's latest);
 * - ```ts blocks headed `// packages/backend/src/index.ts` are added to the
 *   backend's index.ts; those headed "only if it is not there yet" only when
 *   their import is missing, and so are their `yarn add` lines.
 *
 * Usage: wire.js --repo <repo> --app <app> --tarballs <dir>
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce(
      (pairs, arg, i, all) =>
        i % 2 ? pairs : [...pairs, [arg.replace(/^--/, ''), all[i + 1]]],
      [],
    ),
);
const { repo, app, tarballs } = args;
const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

// Our packages, by name: where their tarball is and which README to follow.
const ours = new Map();
for (const file of fs.readdirSync(tarballs)) {
  const manifest = JSON.parse(
    execFileSync(
      'tar',
      ['-xOzf', path.join(tarballs, file), 'package/package.json'],
      {
        encoding: 'utf8',
      },
    ),
  );
  ours.set(manifest.name, {
    version: manifest.version,
    tarball: path.join(tarballs, file),
    readme: path.join(repo, manifest.repository.directory, 'README.md'),
  });
}

/** The fenced blocks of the README's install section, with the line before each. */
function installBlocks(readme) {
  const text = fs.readFileSync(readme, 'utf8');
  const start = text.search(/^## Install/m);
  if (start < 0) return [];
  const rest = text.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].map(m => ({
    lang: m[1],
    body: m[2],
  }));
}

const backendIndex = path.join(app, 'packages/backend/src/index.ts');
let index = fs.readFileSync(backendIndex, 'utf8');
const additions = { app: new Map(), backend: new Map() };
const snippets = [];

for (const [name, pkg] of ours) {
  if (name.endsWith('-cli')) continue; // installed on its own below, not in the app
  for (const block of installBlocks(pkg.readme)) {
    const conditional = /only if it is not there yet/.test(block.body);
    const imports = [...block.body.matchAll(/import\('([^']+)'\)/g)].map(
      m => m[1],
    );
    // A conditional `yarn add` is decided below, against package.json.
    if (
      conditional &&
      imports.length > 0 &&
      imports.every(i => index.includes(`'${i}'`))
    ) {
      console.log(`${name}: already there, skipped: ${imports.join(', ')}`);
      continue;
    }
    if (
      block.lang === 'ts' &&
      /^\/\/ packages\/backend\/src\/index\.ts/.test(block.body)
    ) {
      snippets.push(block.body.split('\n').slice(1).join('\n').trim());
    }
    if (block.lang === 'sh' || block.lang === 'bash') {
      const commands = block.body.replace(/\\\n/g, ' ');
      for (const m of commands.matchAll(
        /yarn --cwd packages\/(app|backend) add ([^\n]+)/g,
      )) {
        for (const added of m[2].trim().split(/\s+/)) {
          additions[m[1]].set(added, conditional);
        }
      }
    }
  }
}

for (const [workspace, names] of Object.entries(additions)) {
  const file = path.join(app, 'packages', workspace, 'package.json');
  const manifest = readJson(file);
  for (const [name, conditional] of names) {
    if (conditional && manifest.dependencies[name]) {
      console.log(`packages/${workspace}: has ${name} already, skipped`);
      continue;
    }
    const range = ours.has(name)
      ? `^${ours.get(name).version}`
      : `^${execFileSync('npm', ['view', name, 'version'], {
          encoding: 'utf8',
        }).trim()}`;
    manifest.dependencies[name] = range;
    console.log(`packages/${workspace}: ${name}@${range}`);
  }
  manifest.dependencies = Object.fromEntries(
    Object.entries(manifest.dependencies).sort(([a], [b]) =>
      a.localeCompare(b),
    ),
  );
  writeJson(file, manifest);
}

if (snippets.length === 0)
  throw new Error('no backend snippet found in the READMEs');
index = index.replace(
  /^backend\.start\(\);/m,
  `${snippets.join('\n')}\n\nbackend.start();`,
);
fs.writeFileSync(backendIndex, index);
console.log(`packages/backend/src/index.ts: ${snippets.length} snippets added`);

// The frontend plugin is found through app.packages: all (its README's
// "nothing else is needed" case); a template without it needs App.tsx edits.
if (
  !/^\s+packages: all/m.test(
    fs.readFileSync(path.join(app, 'app-config.yaml'), 'utf8'),
  )
) {
  throw new Error(
    'the fresh app has no app.packages: all; the README case differs',
  );
}

// Our packages come from the tarballs, as they would from the registry. Of
// the repository's own resolutions the app takes only the pins around
// packages whose platform builds the registry lacks (the root README's
// toolchain notes): the app needs them for the same reason. Its other
// resolutions serve the demo portal, and an adopter has none of them.
const REGISTRY_GAP_PINS = [
  '@swc/core',
  'rollup',
  'unrs-resolver',
  '@yarnpkg/core',
];
const rootFile = path.join(app, 'package.json');
const root = readJson(rootFile);
const repoResolutions = readJson(path.join(repo, 'package.json')).resolutions;
root.resolutions = { ...root.resolutions };
for (const name of REGISTRY_GAP_PINS) {
  if (!repoResolutions[name])
    throw new Error(`the repository no longer pins ${name}; update wire.js`);
  root.resolutions[name] = repoResolutions[name];
}
for (const [name, pkg] of ours) root.resolutions[name] = `file:${pkg.tarball}`;
writeJson(rootFile, root);
