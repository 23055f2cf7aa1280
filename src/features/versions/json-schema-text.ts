import { JsonSchema } from '@/contract/json-schema';

export type JsonSchemaTextCheck = { ok: true; schema: JsonSchema } | { ok: false; message: string; line: number | null };

/** Line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The line where a JSON path (e.g. ["properties","name","type"]) is written, best effort. */
export function lineOfPath(text: string, path: PropertyKey[]): number | null {
  let from = 0;
  let found: number | null = null;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const at = text.indexOf(JSON.stringify(key), from);
    if (at < 0) break;
    from = at + 1;
    found = lineColumn(text, at).line;
  }
  return found;
}

/**
 * Parse an endpoint schema typed by the user and check it is a valid JSON
 * Schema with the contract's own rule — the one the platform applies on save.
 */
export function describeJsonSchemaText(text: string): JsonSchemaTextCheck {
  if (text.trim() === '') return { ok: false, message: 'Enter a JSON Schema, e.g. {"type": "object"}', line: 1 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : pos ? lineColumn(text, Number(pos[1])) : null;
    const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    return { ok: false, message: where ? `Line ${where.line}, column ${where.column}: ${reason}` : `Not valid JSON: ${reason}`, line: where?.line ?? null };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Line 1: a JSON Schema is an object, e.g. {"type": "object"}', line: 1 };
  }
  const parsed = JsonSchema.safeParse(value);
  if (parsed.success) return { ok: true, schema: parsed.data };
  const issue = parsed.error.issues[0]!;
  const line = lineOfPath(text, issue.path);
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `${line ? `Line ${line}: ` : ''}${where}${issue.message}`, line };
}
