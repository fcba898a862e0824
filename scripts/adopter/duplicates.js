#!/usr/bin/env node
/*
 * Fails when a core Backstage package, one whose instances must be shared
 * (API refs, extension points, service refs, React contexts), is installed
 * in two versions anywhere in the app, or when one of our packages brought a
 * version of any @backstage package that the app did not have anyway: a
 * copy nested under node_modules/@availability-backstage/<pkg> whose version
 * is found nowhere else in the app means our range did not admit what the
 * app installs. Other packages the app itself has in several versions are
 * listed, not failed: that is the app's own resolution, not ours.
 *
 * One exception is known and named below: a community package one of our
 * READMEs tells adopters to add whose newest release still asks for an older
 * core package. Its nested copy is printed, with the reason, not failed.
 *
 * Usage: duplicates.js <app>
 */
const fs = require('node:fs');
const path = require('node:path');

const app = path.resolve(process.argv[2]);
const ours = path.join(app, 'node_modules/@availability-backstage');
const CORE = [
  '@backstage/core-plugin-api',
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog-react',
  '@backstage/backend-plugin-api',
  '@backstage/plugin-catalog-node',
  '@backstage/plugin-scaffolder-node',
  '@backstage/plugin-permission-node',
];
// Holder package -> why its own copy of a core package is expected.
const THIRD_PARTY_COPIES = {
  '@backstage-community/plugin-tech-insights-backend-module-jsonfc':
    'its newest release (0.10.0) asks for @backstage/plugin-catalog-node ^2; ' +
    'the tech-insights module README says so',
};

/** The package whose node_modules holds dir, or undefined when hoisted. */
function holderOf(dir) {
  const parts = path
    .relative(app, dir)
    .split(`${path.sep}node_modules${path.sep}`);
  if (parts.length < 2) return undefined;
  const outer = parts[parts.length - 2].replace(/^node_modules\//, '');
  return outer;
}

/** Every installed @backstage/* package: name to the versions and where. */
function collect(dir, found) {
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules)) return;
  for (const entry of fs.readdirSync(modules)) {
    const names = entry.startsWith('@')
      ? fs.readdirSync(path.join(modules, entry)).map(n => `${entry}/${n}`)
      : [entry];
    for (const name of names) {
      const pkgDir = path.join(modules, name);
      const manifest = path.join(pkgDir, 'package.json');
      if (name.startsWith('@backstage/') && fs.existsSync(manifest)) {
        const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        found.push({ name, version, dir: pkgDir });
      }
      collect(pkgDir, found);
    }
  }
}

const found = [];
collect(app, found);
const elsewhere = new Set(
  found.filter(f => !f.dir.startsWith(ours)).map(f => `${f.name}@${f.version}`),
);
const added = found.filter(
  f => f.dir.startsWith(ours) && !elsewhere.has(`${f.name}@${f.version}`),
);
const byName = new Map();
for (const f of found) {
  byName.set(f.name, new Set([...(byName.get(f.name) ?? []), f.version]));
}
const appOwn = [...byName].filter(([, versions]) => versions.size > 1);
console.log(
  `${found.length} @backstage packages installed; the app itself has several versions of ${appOwn.length}:`,
);
for (const [name, versions] of appOwn)
  console.log(`  ${name}: ${[...versions].join(', ')}`);
let failed = false;
const known = [];
for (const name of CORE) {
  const copies = found.filter(f => f.name === name);
  const versions = new Set(copies.map(f => f.version));
  if (copies.length === 0) {
    console.error(`${name} is not installed at all`);
    failed = true;
  } else if (versions.size > 1) {
    const hoisted = copies.find(f => holderOf(f.dir) === undefined)?.version;
    const others = copies.filter(f => f.version !== hoisted);
    const unexplained = others.filter(
      f => !THIRD_PARTY_COPIES[holderOf(f.dir)],
    );
    for (const f of others.filter(o => !unexplained.includes(o))) {
      known.push(`${name}@${f.version} for ${holderOf(f.dir)}`);
      console.log(
        `${name}: ${f.version} beside the app's ${hoisted}, only for ${holderOf(
          f.dir,
        )}: ${THIRD_PARTY_COPIES[holderOf(f.dir)]}`,
      );
    }
    if (unexplained.length > 0) {
      console.error(`${name} is installed in ${versions.size} versions:`);
      for (const version of versions) {
        const at = copies.filter(f => f.version === version);
        console.error(
          `  ${version}: ${at.length} copies, e.g. ${path.relative(
            app,
            at[0].dir,
          )}`,
        );
      }
      failed = true;
    }
  } else {
    console.log(`${name}: one version, ${[...versions][0]}`);
  }
}
if (added.length > 0) {
  console.error('versions only our packages brought:');
  for (const f of added)
    console.error(`  ${path.relative(app, f.dir)}@${f.version}`);
  failed = true;
}
if (failed) process.exit(1);
console.log(
  'our packages brought no version of a @backstage package the app did not have',
);
// The last line is the adopter test's summary of this check.
console.log(
  `one version of each core Backstage package${
    known.length > 0 ? `, but for the known ${known.join(', ')}` : ''
  }`,
);
