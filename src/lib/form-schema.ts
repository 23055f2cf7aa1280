import * as z from 'zod/mini';

/** A rule that spans fields, reported on one of them (`config.port` for a nested one). */
export type FieldIssue = { path: string; message: string };

/**
 * A request schema plus rules that span fields, each reported on the field it
 * names. The schema is used as it is (contract schemas are opaque): the rules
 * are added as one more check, so — like a refinement — they run even while a
 * field is still invalid, and every problem shows at once.
 */
export function withRules<S extends z.core.$ZodType>(schema: S, rules: (value: z.output<S>) => FieldIssue[]): S {
  const check = z.superRefine<z.output<S>>((value, ctx) => {
    for (const issue of rules(value)) ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message, input: value });
  });
  return z.clone(schema, { ...schema._zod.def, checks: [...(schema._zod.def.checks ?? []), check] });
}

/** An input's text for a field that may be null: trimmed, and empty (or only spaces) as null. For `register(name, { setValueAs })`. */
export const nullableText = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** A number input's value for a field that may be null: empty as null. For `register(name, { setValueAs })`. */
export const nullableNumber = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
