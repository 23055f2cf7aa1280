import * as z from 'zod/mini';
import type { JsonSchema } from '@/contract/json-schema';
import { SafeJsonSchema } from '@/contract/pattern-rules';
import { lineOfPath, readJson } from '@/lib/json-text';

export type SchemaTextRead = { ok: true; schema: JsonSchema } | { ok: false; message: string; line: number | null };

/**
 * An endpoint's request or response schema, typed as JSON: first whether it is
 * JSON at all (line and column from the parser), then whether it is a JSON
 * Schema the platform accepts — the contract's rule, the one it applies on save.
 */
export function readSchemaText(text: string): SchemaTextRead {
  if (text.trim() === '') return { ok: false, message: 'Enter a JSON Schema, e.g. {"type": "object"}', line: 1 };
  const read = readJson(text);
  if (!read.ok) {
    const { line, column, reason } = read.error;
    return { ok: false, message: `Line ${line}, column ${column}: ${reason}`, line };
  }
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
    return { ok: false, message: 'Line 1: a JSON Schema is an object, e.g. {"type": "object"}', line: 1 };
  }
  const parsed = SafeJsonSchema.safeParse(read.value);
  if (parsed.success) return { ok: true, schema: parsed.data };
  const issue = parsed.error.issues[0]!;
  const line = lineOfPath(text, issue.path);
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `${line ? `Line ${line}: ` : ''}${where}${issue.message}`, line };
}

/** The form field: JSON text in, the schema object out. */
export const SchemaText = z.pipe(
  z.string(),
  z.transform((text, ctx) => {
    const read = readSchemaText(text);
    if (read.ok) return read.schema;
    ctx.issues.push({ code: 'custom', message: read.message, input: text });
    return z.NEVER;
  }),
);
