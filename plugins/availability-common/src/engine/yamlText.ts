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

/** Empty as YAML sees it: undefined values are left out. */
function isEmpty(value: object): boolean {
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] !== undefined) return false;
  }
  return true;
}

/**
 * Appends the lines of a non-empty collection to `out`, each but the first
 * after a newline and `indent`; the first goes after `out` as it is (after
 * an indent, or after the `- ` of the sequence that holds it). Writing into
 * one string, not arrays of lines per level, keeps a snippet to about the
 * allocations of its text: the engine writes one for every failing check.
 */
function writeLines(value: object, indent: string, out: string): string {
  const inner = `${indent}  `;
  let first = true;
  if (Array.isArray(value)) {
    for (const item of value) {
      out = first ? `${out}- ` : `${out}\n${indent}- `;
      first = false;
      out =
        isCollection(item) && !isEmpty(item)
          ? writeLines(item, inner, out)
          : out + inline(item);
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (v === undefined) continue;
    const name = first
      ? `${out}${scalar(key)}:`
      : `${out}\n${indent}${scalar(key)}:`;
    first = false;
    out =
      isCollection(v) && !isEmpty(v)
        ? // A sequence sits under its key, indented; a map one level in.
          writeLines(v, inner, `${name}\n${inner}`)
        : `${name} ${inline(v)}`;
  }
  return out;
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
  return `${writeLines(value, '', '')}\n`;
}
