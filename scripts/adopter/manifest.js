#!/usr/bin/env node
/*
 * Writes a Backstage release manifest for `backstage-cli versions:bump`
 * (BACKSTAGE_MANIFEST_FILE) describing the release this repository is on:
 * `releaseVersion` from backstage.json, and for every @backstage package in
 * yarn.lock the highest version resolved there. The fresh app is bumped to
 * the same versions our packages were built and tested against, without the
 * release manifest host (versions.backstage.io). A package of the app that
 * this repository does not use is left at the version create-app wrote
 * (versions:bump ignores names the manifest lacks).
 *
 * Usage: manifest.js <repo> <output file>
 */
const fs = require('node:fs');
const path = require('node:path');
const semver = require('semver');
const { Lockfile } = require('@backstage/cli-node');

async function main() {
  const [repo, output] = process.argv.slice(2);
  const { version: releaseVersion } = JSON.parse(
    fs.readFileSync(path.join(repo, 'backstage.json'), 'utf8'),
  );
  const lockfile = await Lockfile.load(path.join(repo, 'yarn.lock'));
  const packages = [];
  for (const name of lockfile.keys()) {
    if (!name.startsWith('@backstage/')) continue;
    const versions = lockfile
      .get(name)
      .map(entry => entry.version)
      .filter(version => semver.valid(version));
    if (versions.length === 0) continue; // only workspace or patch entries
    packages.push({ name, version: semver.rsort(versions)[0] });
  }
  packages.sort((a, b) => a.name.localeCompare(b.name));
  fs.writeFileSync(
    output,
    `${JSON.stringify({ releaseVersion, packages }, null, 2)}\n`,
  );
  console.log(
    `release ${releaseVersion}: ${packages.length} @backstage packages from yarn.lock`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
