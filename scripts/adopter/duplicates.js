#!/usr/bin/env node
/*
 * Fails when one of our installed packages got its own copy of a Backstage
 * package: a copy nested under node_modules/@availability-backstage/<pkg>
 * means our range did not admit the version the app already has.
 *
 * Usage: duplicates.js <app>
 */
const fs = require('node:fs');
const path = require('node:path');

const scope = path.join(
  process.argv[2],
  'node_modules/@availability-backstage',
);
const nested = [];
for (const pkg of fs.readdirSync(scope)) {
  const dir = path.join(scope, pkg, 'node_modules/@backstage');
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir)) {
    const { version } = require(path.join(dir, name, 'package.json'));
    const hoisted = path.join(
      process.argv[2],
      'node_modules/@backstage',
      name,
      'package.json',
    );
    const app = fs.existsSync(hoisted) ? require(hoisted).version : 'none';
    nested.push(
      `@availability-backstage/${pkg} has @backstage/${name}@${version} (app: ${app})`,
    );
  }
}
console.log(
  `${
    fs.readdirSync(scope).length
  } packages installed under @availability-backstage`,
);
if (nested.length > 0) {
  console.error(nested.join('\n'));
  process.exit(1);
}
console.log('no second copy of any @backstage package under them');
