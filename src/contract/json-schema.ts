import * as z from 'zod/mini';

/**
 * The JSON Schema an endpoint's request or response may use **[decision]**: a
 * subset of draft 2020-12 that the platform can type clients from. Written as
 * a zod schema so that the console (as you type) and the mock (on save)
 * decide "is this a valid JSON Schema?" with the same rules.
 */
export const JSON_SCHEMA_TYPES = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'] as const;
const TypeName = z.enum(JSON_SCHEMA_TYPES, { error: `type must be one of ${JSON_SCHEMA_TYPES.join(', ')}` });

export type JsonSchema = {
  type?: (typeof JSON_SCHEMA_TYPES)[number] | (typeof JSON_SCHEMA_TYPES)[number][];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [keyword: string]: unknown;
};

const nonNegativeInt = z.int().check(z.minimum(0));
const nonEmpty = <T extends z.core.$ZodType>(item: T, error?: string) =>
  z.array(item).check(z.minLength(1, error === undefined ? undefined : { error }));

/** Whether `pattern` is a regular expression in `u` mode, as JSON Schema validators compile them. */
export function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * How complex an endpoint's schema may be **[decision]**, so that checking a
 * request against it stays cheap (the gateway compiles it, issue 11). Saving a
 * schema over a limit is a 422 that names the limit; the editor says the same.
 */
export const SCHEMA_LIMITS = {
  /** How deeply objects and arrays nest in the schema's JSON (the schema itself is level 1). */
  depth: 32,
  /** `anyOf`, `oneOf` and `allOf` branches, counted over the whole schema. */
  branches: 64,
  /** Characters of the schema written as compact JSON. */
  size: 32_768,
  /** Characters of one `pattern` (which must not backtrack catastrophically either: `SafeJsonSchema`, pattern-rules.ts). */
  patternLength: 512,
} as const;

const BRANCH_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf']);

/**
 * Which limit a schema goes over, in words, or null. Walks the JSON without
 * recursion and stops at the depth limit, so it is cheap for any input.
 */
export function schemaLimitProblem(schema: unknown): string | null {
  let branches = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: schema, depth: 1 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > SCHEMA_LIMITS.depth)
      return `The schema nests more than ${SCHEMA_LIMITS.depth} levels deep (limit: depth ${SCHEMA_LIMITS.depth})`;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (BRANCH_KEYWORDS.has(key) && Array.isArray(item)) branches += item.length;
      stack.push({ value: item, depth: depth + 1 });
    }
  }
  if (branches > SCHEMA_LIMITS.branches)
    return `The schema has ${branches} anyOf/oneOf/allOf branches (limit: ${SCHEMA_LIMITS.branches} branches)`;
  const size = JSON.stringify(schema).length;
  if (size > SCHEMA_LIMITS.size) return `The schema is ${size} characters long as JSON (limit: ${SCHEMA_LIMITS.size} characters)`;
  return null;
}

/** A subschema: the recursive shape, without the whole-schema limits. */
export const JsonSchemaNode: z.ZodMiniType<JsonSchema, JsonSchema> = z.lazy(() =>
  z
    .looseObject({
      type: z.optional(
        z.union([TypeName, nonEmpty(TypeName)], { error: `type must be one of ${JSON_SCHEMA_TYPES.join(', ')}, or a list of them` }),
      ),
      title: z.optional(z.string()),
      description: z.optional(z.string()),
      properties: z.optional(z.record(z.string(), JsonSchemaNode)),
      required: z.optional(z.array(z.string(), { error: 'required must be a list of property names' })),
      additionalProperties: z.optional(z.union([z.boolean(), JsonSchemaNode])),
      items: z.optional(JsonSchemaNode),
      enum: z.optional(nonEmpty(z.unknown(), 'enum needs at least one value')),
      const: z.optional(z.unknown()),
      format: z.optional(z.string()),
      default: z.optional(z.unknown()),
      minimum: z.optional(z.number()),
      maximum: z.optional(z.number()),
      minLength: z.optional(nonNegativeInt),
      maxLength: z.optional(nonNegativeInt),
      minItems: z.optional(nonNegativeInt),
      maxItems: z.optional(nonNegativeInt),
      pattern: z.optional(
        z.string().check(
          z.maxLength(SCHEMA_LIMITS.patternLength, { error: `pattern is longer than ${SCHEMA_LIMITS.patternLength} characters` }),
          z.superRefine((p, ctx) => {
            if (!isRegExp(p)) ctx.addIssue({ code: 'custom', message: 'pattern is not a valid regular expression', input: p });
          }),
        ),
      ),
      anyOf: z.optional(nonEmpty(JsonSchemaNode)),
      oneOf: z.optional(nonEmpty(JsonSchemaNode)),
      allOf: z.optional(nonEmpty(JsonSchemaNode)),
    })
    .check(
      z.superRefine((s, ctx) => {
        if (s.required && s.properties) {
          for (const name of s.required) {
            if (!(name in s.properties))
              ctx.addIssue({ code: 'custom', path: ['required'], message: `required names "${name}", which is not in properties` });
          }
        }
        if (s.required && new Set(s.required).size !== s.required.length) {
          ctx.addIssue({ code: 'custom', path: ['required'], message: 'required lists a property twice' });
        }
      }),
    ),
);

/**
 * An endpoint's request or response schema: the subset above, within
 * `SCHEMA_LIMITS` (a schema over one has a single issue at its root naming the limit).
 * Whether its patterns could backtrack catastrophically is `SafeJsonSchema`'s
 * to say (pattern-rules.ts): the endpoint editor and the platform's save apply
 * it, the pages that only read versions do not load it.
 */
export const JsonSchema: z.ZodMiniType<JsonSchema, JsonSchema> = JsonSchemaNode.check(
  z.superRefine((schema, ctx) => {
    const problem = schemaLimitProblem(schema);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: schema });
  }),
);
