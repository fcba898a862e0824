/*
 * Renders the typed frontend client of the availability backend from its
 * OpenAPI spec: one model per component schema, and a `DefaultApiClient`
 * with one method per operation (named by its operationId), in the layout
 * of the clients that `backstage-repo-tools package schema openapi generate
 * --client-package` writes.
 */
const { toType, refName, docComment } = require('./typescript');
const { COMMON_PACKAGE, commonSchemas } = require('./commonTypes');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** What the generated methods may call from the runtime to build a request. */
const RUNTIME_HELPERS = ['expand', 'toSearch'];

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function resolve(spec, item) {
  if (!item.$ref) return item;
  const [, section, name] = item.$ref.match(/^#\/components\/(\w+)\/(.+)$/);
  return spec.components[section][name];
}

function operationsOf(spec) {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter(method => item[method]).map(method => {
      const operation = item[method];
      const parameters = [
        ...(item.parameters ?? []),
        ...(operation.parameters ?? []),
      ].map(parameter => ({
        ref: parameter.$ref,
        resolved: resolve(spec, parameter),
      }));
      return { path, method, operation, parameters };
    }),
  );
}

/** The schema of the operation's success response (its lowest 2xx). */
function successSchema(spec, operation) {
  const status = Object.keys(operation.responses)
    .filter(code => /^2\d\d$/.test(code))
    .sort()[0];
  const response = resolve(spec, operation.responses[status]);
  return response.content?.['application/json']?.schema;
}

/** The type name of a response: its component, else a model named for the operation. */
function responseType(schema, operationId, inlineModels) {
  if (!schema) return 'void';
  if (schema.$ref) return refName(schema.$ref);
  const name = `${capitalize(operationId)}Response`;
  inlineModels.push({ name, schema });
  return name;
}

function memberOf(parameter) {
  return `${docComment(parameter.description, '  ')}  ${parameter.name}${
    parameter.required ? '' : '?'
  }: ${toType(parameter.schema, '  ')};`;
}

/**
 * The named model of component parameters taken together; a set within one
 * already named is a `Pick` of it.
 */
function sharedModel(entry, place, shared, sharedModels) {
  const refs = shared.map(p => p.ref);
  const key = `${place}:${refs.join(',')}`;
  if (sharedModels.has(key)) return sharedModels.get(key).name;
  const name = `${capitalize(entry.operation.operationId)}${capitalize(
    place,
  )}Parameters`;
  const wider = [...sharedModels.values()].find(
    model => model.place === place && refs.every(r => model.refs.includes(r)),
  );
  const text = wider
    ? `Pick<${wider.name}, ${shared
        .map(p => `'${p.resolved.name}'`)
        .join(' | ')}>`
    : `{\n${shared.map(p => memberOf(p.resolved)).join('\n')}\n}`;
  sharedModels.set(key, { name, place, refs, text });
  return name;
}

/**
 * The type of one place (path, query) of an operation's request. Component
 * parameters that several operations take together (an entity's path, the
 * report filters) become one named model, written once.
 */
function placeType(entry, place, sharedModels) {
  const parameters = entry.parameters.filter(p => p.resolved.in === place);
  if (!parameters.length) return undefined;
  const shared = parameters.filter(p => p.ref);
  const own = parameters.filter(p => !p.ref);
  const parts = [];
  if (shared.length > 1) {
    parts.push(sharedModel(entry, place, shared, sharedModels));
  } else {
    own.unshift(...shared);
  }
  if (own.length) {
    parts.push(`{\n${own.map(p => memberOf(p.resolved)).join('\n')}\n}`);
  }
  return parts.join(' & ');
}

function requestType(entry, sharedModels) {
  const groups = [];
  for (const place of ['path', 'query']) {
    const type = placeType(entry, place, sharedModels);
    if (type) groups.push(`${place}: ${type};`);
  }
  const { requestBody } = entry.operation;
  const body = requestBody?.content?.['application/json']?.schema;
  if (body) {
    groups.push(`body${requestBody.required ? '' : '?'}: ${toType(body)};`);
  }
  return groups.length ? `{\n${groups.join('\n')}\n}` : undefined;
}

function renderMethod(entry, models) {
  const { path, method, operation, parameters } = entry;
  const id = operation.operationId;
  const result = responseType(
    successSchema(entry.spec, operation),
    id,
    models.inline,
  );
  const request = requestType(entry, models.shared);
  const hasPath = parameters.some(p => p.resolved.in === 'path');
  const hasQuery = parameters.some(p => p.resolved.in === 'query');
  const search = '${toSearch(request.query, queryParameters)}';
  let uri = `'${path}'`;
  if (hasPath) {
    uri = hasQuery
      ? `\`\${expand('${path}', request.path)}${search}\``
      : `expand('${path}', request.path)`;
  } else if (hasQuery) {
    uri = `\`${path}${search}\``;
  }
  const init = [`method: '${method.toUpperCase()}'`];
  if (operation.requestBody?.content?.['application/json']) {
    init.push(
      `headers: { 'Content-Type': 'application/json' }`,
      'body: JSON.stringify(request.body)',
    );
  }
  return `
${docComment(operation.description, '  ')}  public async ${id}(${
    request ? `request: ${request}` : ''
  }): Promise<TypedResponse<${result}>> {
    return this.fetch(${uri}, { ${init.join(', ')} });
  }
`;
}

/**
 * The models: a schema with `x-common-type` is that type of the common
 * package under the schema's name; every other one is written out.
 */
function renderModels(spec, models) {
  const common = commonSchemas(spec).map(
    ({ name, common: type }) => `export type ${name} = Common.${type};\n`,
  );
  const reexport = common.length
    ? [
        `import type * as Common from '${COMMON_PACKAGE}';\n\n${common.join(
          '',
        )}`,
      ]
    : [];
  const components = Object.entries(spec.components.schemas ?? {})
    .filter(([, schema]) => !schema['x-common-type'])
    .map(([name, schema]) => ({ name, schema }));
  const schemas = [...components, ...models.inline].map(
    ({ name, schema }) =>
      `${docComment(schema.description, '')}export type ${name} = ${toType(
        schema,
      )};\n`,
  );
  const parameters = [...models.shared.values()].map(
    ({ name, text }) => `export type ${name} = ${text};\n`,
  );
  return [...reexport, ...schemas, ...parameters].join('\n');
}

const HEADER = `//

// ******************************************************************
// * THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY. *
// * Edit the backend's src/schema/openapi.yaml, then run            *
// * \`yarn openapi:generate\`.                                        *
// ******************************************************************
`;

/**
 * The generated client's modules (before formatting): `models` with the
 * spec's types, `client` with the class that uses them.
 */
function renderClient(spec) {
  const models = { inline: [], shared: new Map() };
  const methods = operationsOf(spec)
    .map(entry => renderMethod({ ...entry, spec }, models))
    .join('');
  const used = [
    ...models.inline.map(m => m.name),
    ...[...models.shared.values()].map(m => m.name),
    ...Object.keys(spec.components.schemas ?? {}),
  ];
  const imported = used
    .filter(name => new RegExp(`\\b${name}\\b`).test(methods))
    .sort();
  // The runtime's request helpers that some method calls: a spec without
  // path (or query) parameters leaves `expand` (or `toSearch`) out.
  const helpers = RUNTIME_HELPERS.filter(name =>
    new RegExp(`\\b${name}\\(`).test(methods),
  );
  const pluginId = spec.info.title;
  const queryNames = [
    ...new Set(
      operationsOf(spec).flatMap(({ parameters }) =>
        parameters
          .filter(p => p.resolved.in === 'query')
          .map(p => p.resolved.name),
      ),
    ),
  ];
  const modelsText = `${HEADER}
${renderModels(spec, models)}`;
  const clientText = `${HEADER}
import type {
  ${imported.join(',\n  ')},
} from './models';
import {
  ${['OpenApiClient', 'OpenApiClientOptions', 'TypedResponse', ...helpers].join(
    ',\n  ',
  )},
} from '../runtime';

/** Every query parameter of the spec, in the order it lists them. */
export const queryParameters = ${JSON.stringify(queryNames)};

/** The ${pluginId} backend's REST API, one method per operation of its spec. */
export class DefaultApiClient extends OpenApiClient {
  constructor(options: OpenApiClientOptions) {
    super('${pluginId}', options);
  }
${methods}}
`;
  return { models: modelsText, client: clientText };
}

module.exports = { renderClient };
