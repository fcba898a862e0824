/*
 * The schemas of the spec that describe a type the common package already
 * declares. Such a schema names that type with `x-common-type`, and the
 * generated client uses the common type itself instead of writing a second
 * copy of it; `disagreements` compiles the type the schema describes beside
 * the common one and lists every schema for which they are not the same type,
 * so that the spec and the common package cannot drift apart.
 */
const path = require('node:path');
const ts = require('typescript');
const { toType } = require('./typescript');

const COMMON_PACKAGE = '@availability-backstage/plugin-availability-common';

/** The component schemas with `x-common-type`: `{ name, common }` each. */
function commonSchemas(spec) {
  return Object.entries(spec.components.schemas ?? {})
    .filter(([, schema]) => schema['x-common-type'])
    .map(([name, schema]) => ({ name, common: schema['x-common-type'] }));
}

/**
 * A module that declares every component schema as a type (those with a
 * common type as that type) and, for each of the latter, asks the compiler
 * whether the schema's own type is the same type as the common one.
 */
function agreementModule(spec) {
  const schemas = Object.entries(spec.components.schemas ?? {});
  const lines = [
    `import type * as Common from '${COMMON_PACKAGE}';`,
    'type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    ...schemas.map(([name, schema]) =>
      schema['x-common-type']
        ? `type ${name} = Common.${schema['x-common-type']};`
        : `type ${name} = ${toType(schema)};`,
    ),
  ];
  let text = `${lines.join('\n')}\n`;
  /** Where each schema's checks stand in the text: `{ start, end, name }`. */
  const checks = [];
  for (const { name, common } of commonSchemas(spec)) {
    const described = toType(spec.components.schemas[name]);
    const start = text.length;
    text += `${[
      `declare const described${name}: ${described};`,
      `declare const common${name}: Common.${common};`,
      `export const ${name}IsCommon: Common.${common} = described${name};`,
      `export const common${name}IsDescribed: ${described} = common${name};`,
      `export const ${name}IsSame: Same<${described}, Common.${common}> = true;`,
    ].join('\n')}\n`;
    checks.push({
      start,
      end: text.length,
      name: `${name} (the common package's ${common})`,
    });
  }
  return { text, checks };
}

/**
 * What the compiler says about each schema whose type is not its common
 * type; empty when every one agrees. `fromDir` is where the check's module
 * stands (it must resolve the common package from there).
 */
function disagreements(spec, fromDir) {
  const { text, checks } = agreementModule(spec);
  const file = path.join(fromDir, '__commonTypes__.ts');
  const host = ts.createCompilerHost({});
  const readSource = host.getSourceFile;
  host.getSourceFile = (name, ...rest) =>
    name === file
      ? ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true)
      : readSource(name, ...rest);
  const program = ts.createProgram(
    [file],
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
    },
    host,
  );
  const source = program.getSourceFile(file);
  return [
    ...program.getSyntacticDiagnostics(source),
    ...program.getSemanticDiagnostics(source),
  ].map(diagnostic => {
    const at = diagnostic.start ?? 0;
    const check = checks.find(c => c.start <= at && at < c.end);
    const message = ts.flattenDiagnosticMessageText(
      diagnostic.messageText,
      '\n',
    );
    return `${check?.name ?? 'the common package'}: ${message}`;
  });
}

module.exports = { COMMON_PACKAGE, commonSchemas, disagreements };
