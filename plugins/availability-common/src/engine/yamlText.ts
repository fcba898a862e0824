/*
 * Block YAML for remediation snippets: plain objects, arrays and scalars,
 * written the way the `yaml` package writes them (two-space indents,
 * sequences indented under their key, strings plain where YAML reads them
 * back as the same string, else double-quoted). The engine writes a snippet
 * for every failing check, and the general-purpose serializer costs more
 * than evaluating the checks.
 */

const KEYWORDS = /^(?:true|false|null|yes|no|on|off|y|n|~|[-+]?\.inf|\.nan)$/i;
// Numbers, dates and times YAML 1.1 or 1.2 would read as something else.
const NUMBER_LIKE =
  /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|^0[xob]|^\d+:\d|^\d{4}-\d\d-\d\d/i;

function isPlain(text: string): boolean {
  return (
    text.length > 0 &&
    !KEYWORDS.test(text) &&
    !NUMBER_LIKE.test(text) &&
    // No indicator first, no key or comment marker inside, no edge spaces.
    !/^[,[\]{}#&*!|>'"%@`\s]|^[-?:](?:\s|$)/.test(text) &&
    // Only printable ASCII goes unquoted.
    !/: |:$| #|[^\x20-\x7e]|\s$/.test(text)
  );
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return isPlain(value) ? value : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : Object.keys(value).length === 0;
}

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(item => {
      if (isCollection(item) && !isEmpty(item)) {
        const [first, ...rest] = lines(item, `${indent}  `);
        return [`${indent}- ${first.slice(indent.length + 2)}`, ...rest];
      }
      return [`${indent}- ${inline(item)}`];
    });
  }
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .flatMap(([key, v]) => {
      const name = `${indent}${scalar(key)}:`;
      if (isCollection(v) && !isEmpty(v)) {
        // A sequence sits under its key, indented; a map one level in.
        return [name, ...lines(v, `${indent}  `)];
      }
      return [`${name} ${inline(v)}`];
    });
}

function inline(value: unknown): string {
  if (isCollection(value)) return Array.isArray(value) ? '[]' : '{}';
  return scalar(value);
}

/**
 * `value` as block YAML, ending in a newline.
 *
 * @internal
 */
export function toYaml(value: unknown): string {
  if (!isCollection(value) || isEmpty(value)) {
    return `${inline(value)}\n`;
  }
  return `${lines(value, '').join('\n')}\n`;
}
