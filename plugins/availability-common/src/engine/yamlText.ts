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

/**
 * Short strings as written, by string: snippets repeat keys and most
 * values. Kept between evaluations, so bounded in number and length.
 */
const written = new Map<string, string>();
/** Enough for the keys and common values; a larger variety starts over. */
const WRITTEN_MAX = 4096;
const WRITTEN_LENGTH = 128;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    if (value.length > WRITTEN_LENGTH) {
      return isPlain(value) ? value : JSON.stringify(value);
    }
    let text = written.get(value);
    if (text === undefined) {
      text = isPlain(value) ? value : JSON.stringify(value);
      if (written.size >= WRITTEN_MAX) written.clear();
      written.set(value, text);
    }
    return text;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

const hasOwn = (value: object, key: string) =>
  Object.prototype.hasOwnProperty.call(value, key);

/** Empty as YAML sees it: undefined values are left out. */
function isEmpty(value: object): boolean {
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (hasOwn(record, key) && record[key] !== undefined) return false;
  }
  return true;
}

/** The separators of one depth of nesting, made once. */
interface Depth {
  /** Before a line at this depth. */
  newline: string;
  /** Before a sequence item at this depth. */
  item: string;
  /** After a key whose value opens one depth further in. */
  open: string;
}

const depths: Depth[] = [];

function depthOf(level: number): Depth {
  let depth = depths[level];
  if (depth === undefined) {
    const indent = '  '.repeat(level);
    depth = {
      newline: `\n${indent}`,
      item: `\n${indent}- `,
      open: `:\n${indent}  `,
    };
    depths[level] = depth;
  }
  return depth;
}

/**
 * `start` with the lines of a non-empty collection appended, each line but
 * the first on a new line indented `level` deep; the first follows what
 * `start` ends with (an indent, or the `- ` of the sequence that holds it).
 * Appended piece by piece, with no array of lines per level: the engine
 * writes a snippet for every failing check, and copies each remediation
 * flat once it is complete (runChecks.ts).
 */
function writeLines(value: object, level: number, start: string): string {
  let out = start;
  const { newline, item: nextItem, open } = depthOf(level);
  let first = true;
  if (Array.isArray(value)) {
    for (const item of value) {
      out += first ? '- ' : nextItem;
      first = false;
      out =
        isCollection(item) && !isEmpty(item)
          ? writeLines(item, level + 1, out)
          : out + inline(item);
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!hasOwn(record, key)) continue;
    const v = record[key];
    if (v === undefined) continue;
    if (!first) out += newline;
    first = false;
    out += scalar(key);
    out =
      isCollection(v) && !isEmpty(v)
        ? writeLines(v, level + 1, out + open)
        : `${out}: ${inline(v)}`;
  }
  return out;
}

function inline(value: unknown): string {
  if (isCollection(value)) return Array.isArray(value) ? '[]' : '{}';
  return scalar(value);
}

/**
 * `value` as block YAML, ending in a newline, after `before` (a comment
 * line, say).
 *
 * @internal
 */
export function toYaml(value: unknown, before = ''): string {
  if (!isCollection(value) || isEmpty(value)) {
    return `${before}${inline(value)}\n`;
  }
  return `${writeLines(value, 0, before)}\n`;
}
