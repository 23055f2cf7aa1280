import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/json';

/** Where JSON text stops being JSON: 1-based line and column, the offsets to mark, and why. */
export type JsonSyntaxError = { reason: string; line: number; column: number; from: number; to: number };

export type JsonRead = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * JSON.parse decides whether the text is JSON and says why not. Where: the
 * position it names when it names one (V8: "at position 12", Firefox: "at line
 * 2 column 3"), else the first error the Lezer JSON grammar — the one the
 * editor highlights with — finds (V8 says only "Unexpected token 'o', …" for a
 * bare word; Safari never says where).
 */
export function readJson(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const [from, to] = errorRange(text, message);
    return { ok: false, error: { reason: reasonOf(message), ...lineColumn(text, from), from, to } };
  }
}

function errorRange(text: string, message: string): [number, number] {
  const end = text.length;
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const at = Math.min(Number(position[1]), end);
    return [at, Math.min(at + 1, end)];
  }
  const lineCol = /at line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    const lines = text.split('\n').slice(0, Number(lineCol[1]) - 1);
    const at = Math.min(lines.reduce((n, l) => n + l.length + 1, 0) + Number(lineCol[2]) - 1, end);
    return [at, Math.min(at + 1, end)];
  }
  if (/end of|EOF/i.test(message)) return [end, end];
  let range: [number, number] = [end, end];
  let found = false;
  parser.parse(text).iterate({
    enter: (node) => {
      if (found) return false;
      if (node.type.isError) {
        range = [node.from, node.to];
        found = true;
      }
    },
  });
  return range;
}

/** The browser's reason without its own idea of where ("… in JSON at position 12 (line 2 column 3)"), which the caller says better. */
function reasonOf(message: string): string {
  return (
    message
      .replace(/^(JSON\.parse|JSON Parse error): /, '')
      .replace(/ at position \d+.*$/, '')
      .replace(/ in JSON$/, '')
      .replace(/ at line \d+ column \d+ of the JSON data$/, '')
      .replace(/, ".*" is not valid JSON$/s, '') || 'Not valid JSON'
  );
}

/**
 * The line where a value's path (e.g. ["properties", "name", "type"]) is
 * written, read from the syntax tree: the deepest key or item of the path
 * that exists. Null when the text has no such value (or is not JSON).
 */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number | null {
  let node: SyntaxNode | null = parser.parse(text).topNode.firstChild;
  let found: number | null = null;
  for (const key of path) {
    const next: SyntaxNode | null = node ? childAt(text, node, key) : null;
    if (!next) break;
    found = lineColumn(text, next.from).line;
    node = next.name === 'Property' ? next.lastChild : next;
  }
  return found;
}

/** A property of an object (by name) or an item of an array (by index). */
function childAt(text: string, node: SyntaxNode, key: PropertyKey): SyntaxNode | null {
  if (node.name === 'Object' && typeof key === 'string') {
    for (const property of node.getChildren('Property')) {
      const name = property.getChild('PropertyName');
      if (name && safeJson(text.slice(name.from, name.to)) === key) return property;
    }
  }
  if (node.name === 'Array' && typeof key === 'number') {
    const items = [];
    for (let child = node.firstChild; child; child = child.nextSibling)
      if (!/^[[\],]$/.test(child.name) && !child.type.isError) items.push(child);
    return items[key] ?? null;
  }
  return null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
