/*
 * JSON Schema (the OpenAPI 3.0 subset our spec uses) to TypeScript types, for
 * the generated frontend client. Unknown shapes fail loudly rather than
 * becoming `any`, so that a new construct in the spec is noticed here.
 */

const REF_PREFIX = '#/components/schemas/';

function refName(ref) {
  if (!ref.startsWith(REF_PREFIX)) {
    throw new Error(`Unsupported $ref ${ref}`);
  }
  return ref.slice(REF_PREFIX.length);
}

function propertyKey(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function docComment(text, indent) {
  if (!text) return '';
  const lines = String(text).trim().split('\n');
  return `${indent}/** ${lines.join(`\n${indent} * `)} */\n`;
}

function objectType(schema, indent) {
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(
    ([name, property]) =>
      `${docComment(property.description, inner)}${inner}${propertyKey(name)}${
        required.has(name) ? '' : '?'
      }: ${toType(property, inner)};`,
  );
  const extra = schema.additionalProperties;
  if (extra !== false && extra !== undefined && extra !== true) {
    members.push(`${inner}[key: string]: ${toType(extra, inner)};`);
  } else if (extra !== false && members.length === 0) {
    // A free-form object (a Kubernetes object, the engine config).
    members.push(`${inner}[key: string]: any;`);
  }
  return `{\n${members.join('\n')}\n${indent}}`;
}

function baseType(schema, indent) {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.allOf) {
    return schema.allOf.map(part => toType(part, indent)).join(' & ');
  }
  if (schema.oneOf) {
    return schema.oneOf.map(part => toType(part, indent)).join(' | ');
  }
  if (schema.enum) {
    return schema.enum.map(value => JSON.stringify(value)).join(' | ');
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `Array<${toType(schema.items, indent)}>`;
    case 'object':
      return objectType(schema, indent);
    default:
      throw new Error(`Unsupported schema ${JSON.stringify(schema)}`);
  }
}

/** The TypeScript type of a schema, `indent` being the current line's. */
function toType(schema, indent = '') {
  const type = baseType(schema, indent);
  return schema.nullable ? `(${type}) | null` : type;
}

module.exports = { toType, refName, docComment };
