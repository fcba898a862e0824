import type { KubernetesObject } from '@kubernetes/client-node';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import type { EvaluationObject, ReportError } from '../types';

/**
 * What {@link parseManifests} found in one file.
 *
 * @public
 */
export interface ParsedManifests {
  /** The Kubernetes objects, `List`s expanded, each with its file and line. */
  objects: EvaluationObject[];
  /** The documents that could not be read, with their line. */
  errors: ReportError[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKubernetesObject(value: unknown): value is KubernetesObject {
  return (
    isRecord(value) &&
    typeof value.apiVersion === 'string' &&
    typeof value.kind === 'string' &&
    isRecord(value.metadata)
  );
}

/** `List`, `DeploymentList`, ...: a kind whose `items` hold objects. */
function isListKind(value: Json): boolean {
  return (
    typeof value.kind === 'string' &&
    value.kind.endsWith('List') &&
    typeof value.apiVersion === 'string' &&
    Array.isArray(value.items)
  );
}

/**
 * A typed list from the API server (`DeploymentList`) leaves out each
 * item's kind and apiVersion; they follow from the list's own.
 */
function completeItem(list: Json, item: unknown): unknown {
  if (!isRecord(item) || list.kind === 'List') {
    return item;
  }
  const kind = (list.kind as string).slice(0, -'List'.length);
  return {
    ...item,
    apiVersion: item.apiVersion ?? list.apiVersion,
    kind: item.kind ?? kind,
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/** The 1-based line of the first non-blank character: where plain JSON starts. */
function lineOfFirstContent(text: string): number {
  const match = /\S/.exec(text);
  if (!match) {
    return 1;
  }
  return text.slice(0, match.index).split('\n').length;
}

interface Collector {
  path: string;
  objects: EvaluationObject[];
}

function collect(
  collector: Collector,
  value: unknown,
  line: number,
  itemLines: (index: number) => number,
) {
  if (!isRecord(value)) {
    return;
  }
  if (isListKind(value)) {
    (value.items as unknown[]).forEach((item, index) =>
      collect(collector, completeItem(value, item), itemLines(index), () =>
        itemLines(index),
      ),
    );
    return;
  }
  if (isKubernetesObject(value)) {
    collector.objects.push({
      object: value,
      source: { path: collector.path, line },
    });
  }
}

/** Lines of a List document's items, from the parsed YAML nodes. */
function listItemLines(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  fallback: number,
): (index: number) => number {
  const items = doc.get('items', true) as
    | { items?: Array<{ range?: [number, number, number] }> }
    | undefined;
  return index => {
    const range = items?.items?.[index]?.range;
    return range ? lineCounter.linePos(range[0]).line : fallback;
  };
}

/**
 * Reads the Kubernetes objects of one manifest file: multi-document YAML or
 * JSON, with `List` kinds expanded. Documents that are not Kubernetes
 * objects (no `apiVersion`, `kind` and `metadata`) are skipped; a broken
 * document is reported in `errors` with its line while the file's other
 * documents are still returned. Pure: the caller reads the file.
 *
 * @param text - the file's content
 * @param path - the file's path, as it should appear in reports
 * @public
 */
export function parseManifests(text: string, path: string): ParsedManifests {
  const collector: Collector = { path, objects: [] };
  const errors: ReportError[] = [];
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
    }) as Document.Parsed[];
  } catch (error) {
    // parseAllDocuments reports problems per document; a throw here is a
    // bug in the input the parser could not even segment.
    return {
      objects: [],
      errors: [{ source: path, line: 1, message: `line 1: ${String(error)}` }],
    };
  }
  if (!Array.isArray(docs)) {
    // An empty stream: nothing to read, nothing wrong.
    return { objects: [], errors: [] };
  }

  for (const doc of docs) {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      // Pretty-printed JSON indented with tabs is valid JSON but not valid
      // YAML: accept it, at the line where it starts.
      const json = docs.length === 1 ? tryJson(text) : undefined;
      if (json !== undefined) {
        collect(collector, json, lineOfFirstContent(text), () =>
          lineOfFirstContent(text),
        );
        continue;
      }
      const error = doc.errors[0];
      const pos = lineCounter.linePos(error.pos[0]);
      errors.push({
        source: path,
        line: pos.line,
        message: `line ${pos.line}, column ${pos.col}: ${firstLine(
          error.message,
        )}`,
      });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // e.g. an alias bomb or an unresolved alias
      errors.push({
        source: path,
        line,
        message: `line ${line}: ${firstLine(
          error instanceof Error ? error.message : String(error),
        )}`,
      });
      continue;
    }
    collect(collector, value, line, listItemLines(doc, lineCounter, line));
  }
  return { objects: collector.objects, errors };
}

function tryJson(text: string): unknown {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
