/* The backend's OpenAPI spec, the one description of the REST API. */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const specPath = path.resolve(
  __dirname,
  '../../plugins/availability-backend/src/schema/openapi.yaml',
);

function readSpec() {
  return YAML.parse(fs.readFileSync(specPath, 'utf8'));
}

module.exports = { specPath, readSpec };
