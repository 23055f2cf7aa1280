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
const nonEmpty = <T extends z.core.$ZodType>(item: T, error?: string) => z.array(item).check(z.minLength(1, error === undefined ? undefined : { error }));

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export const JsonSchema: z.ZodMiniType<JsonSchema, JsonSchema> = z.lazy(() =>
  z
    .looseObject({
      type: z.optional(
        z.union([TypeName, nonEmpty(TypeName)], { error: `type must be one of ${JSON_SCHEMA_TYPES.join(', ')}, or a list of them` }),
      ),
      title: z.optional(z.string()),
      description: z.optional(z.string()),
      properties: z.optional(z.record(z.string(), JsonSchema)),
      required: z.optional(z.array(z.string(), { error: 'required must be a list of property names' })),
      additionalProperties: z.optional(z.union([z.boolean(), JsonSchema])),
      items: z.optional(JsonSchema),
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
      pattern: z.optional(z.string().check(z.refine(isRegExp, { error: 'pattern is not a valid regular expression' }))),
      anyOf: z.optional(nonEmpty(JsonSchema)),
      oneOf: z.optional(nonEmpty(JsonSchema)),
      allOf: z.optional(nonEmpty(JsonSchema)),
    })
    .check(
      z.superRefine((s, ctx) => {
        if (s.required && s.properties) {
          for (const name of s.required) {
            if (!(name in s.properties)) ctx.addIssue({ code: 'custom', path: ['required'], message: `required names "${name}", which is not in properties` });
          }
        }
        if (s.required && new Set(s.required).size !== s.required.length) {
          ctx.addIssue({ code: 'custom', path: ['required'], message: 'required lists a property twice' });
        }
      }),
    ),
);
