import { z } from 'zod';

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

const nonNegativeInt = z.number().int().min(0);

export const JsonSchema: z.ZodType<JsonSchema, JsonSchema> = z.lazy(() =>
  z
    .looseObject({
      type: z.union([TypeName, z.array(TypeName).min(1)], { error: `type must be one of ${JSON_SCHEMA_TYPES.join(', ')}, or a list of them` }).optional(),
      title: z.string().optional(),
      description: z.string().optional(),
      properties: z.record(z.string(), JsonSchema).optional(),
      required: z.array(z.string(), { error: 'required must be a list of property names' }).optional(),
      additionalProperties: z.union([z.boolean(), JsonSchema]).optional(),
      items: JsonSchema.optional(),
      enum: z.array(z.unknown()).min(1, { error: 'enum needs at least one value' }).optional(),
      const: z.unknown().optional(),
      format: z.string().optional(),
      default: z.unknown().optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      minLength: nonNegativeInt.optional(),
      maxLength: nonNegativeInt.optional(),
      minItems: nonNegativeInt.optional(),
      maxItems: nonNegativeInt.optional(),
      pattern: z
        .string()
        .refine(
          (p) => {
            try {
              new RegExp(p, 'u');
              return true;
            } catch {
              return false;
            }
          },
          { error: 'pattern is not a valid regular expression' },
        )
        .optional(),
      anyOf: z.array(JsonSchema).min(1).optional(),
      oneOf: z.array(JsonSchema).min(1).optional(),
      allOf: z.array(JsonSchema).min(1).optional(),
    })
    .superRefine((s, ctx) => {
      if (s.required && s.properties) {
        for (const name of s.required) {
          if (!(name in s.properties)) ctx.addIssue({ code: 'custom', path: ['required'], message: `required names "${name}", which is not in properties` });
        }
      }
      if (s.required && new Set(s.required).size !== s.required.length) {
        ctx.addIssue({ code: 'custom', path: ['required'], message: 'required lists a property twice' });
      }
    }),
);
