/**
 * A connector operation's form, generated from its params' JSON Schema
 * (CONTRACT §14): one field per property — text, a SQL editor for a string
 * whose `contentMediaType` is SQL, a number, a checkbox, a choice for an
 * `enum` — and a JSON editor for what a plain field cannot hold (an array,
 * an object). A schema that is not an object of properties (or none at all)
 * makes the whole params one JSON field. Values are typed as text; `toParams`
 * turns them into the params, which `paramIssues` checks against the schema —
 * the platform's own rule, the platform's 422 staying the judge.
 */
import { SQL_MEDIA_TYPE } from '@/contract/connector-operations';
import { readJson } from '@/lib/json-text';
import { checkAgainstSchema } from '@/lib/schema-check';

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ParamKind = 'text' | 'textarea' | 'sql' | 'integer' | 'number' | 'boolean' | 'enum' | 'json';

export type ParamField = {
  name: string;
  label: string;
  description: string | null;
  required: boolean;
  kind: ParamKind;
  /** An `enum`'s values. */
  options: string[];
  /** What the field starts with: the schema's `default`, else its first `examples` entry. */
  initial: unknown;
};

/** The form's values: text as typed (JSON as text), checkboxes as booleans. */
export type ParamValues = Record<string, string | boolean>;

/** A text field longer than this (or without a limit) is a text area. */
const SHORT_TEXT = 1024;

function typesOf(s: Schema): string[] {
  if (typeof s.type === 'string') return [s.type];
  return Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === 'string') : [];
}

function kindOf(s: Schema): ParamKind {
  const types = typesOf(s).filter((t) => t !== 'null');
  if (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v) => typeof v === 'string')) return 'enum';
  if (types.length !== 1) return 'json';
  switch (types[0]) {
    case 'string':
      if (s.contentMediaType === SQL_MEDIA_TYPE) return 'sql';
      return typeof s.maxLength === 'number' && s.maxLength <= SHORT_TEXT ? 'text' : 'textarea';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

/** `max_rows` → "Max rows", when the schema gives no `title`. */
const labelOf = (name: string) => {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
};

/** The fields of a params schema, in its order; null when the params are edited as one JSON document. */
export function paramFields(schema: Schema | null): ParamField[] | null {
  if (!schema || !isObject(schema.properties) || (schema.type !== undefined && schema.type !== 'object')) return null;
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  return Object.entries(schema.properties).map(([name, raw]) => {
    const s = isObject(raw) ? raw : {};
    const kind = kindOf(s);
    return {
      name,
      label: typeof s.title === 'string' && s.title.trim() ? s.title : labelOf(name),
      description: typeof s.description === 'string' ? s.description : null,
      required: required.includes(name),
      kind,
      options: kind === 'enum' ? (s.enum as string[]) : [],
      initial: s.default !== undefined ? s.default : Array.isArray(s.examples) ? s.examples[0] : undefined,
    };
  });
}

/** What the form starts with: each field's default or example, as text. */
export function initialValues(fields: ParamField[]): ParamValues {
  const values: ParamValues = {};
  for (const f of fields) {
    if (f.kind === 'boolean') values[f.name] = f.initial === true;
    else if (f.kind === 'json') values[f.name] = f.initial === undefined ? '' : JSON.stringify(f.initial, null, 2);
    else values[f.name] = f.initial === undefined || f.initial === null ? '' : String(f.initial);
  }
  return values;
}

/** The values as text again (params kept from an earlier run), for the fields there are. */
export function valuesOf(fields: ParamField[], params: Record<string, unknown>): ParamValues {
  const values = initialValues(fields);
  for (const f of fields) {
    const v = params[f.name];
    if (v === undefined) {
      if (f.kind !== 'boolean') values[f.name] = '';
      continue;
    }
    values[f.name] =
      f.kind === 'boolean' ? v === true : f.kind === 'json' || typeof v === 'object' ? JSON.stringify(v, null, 2) : String(v);
  }
  return values;
}

export type ParamProblem = { field: string | null; message: string };

/**
 * The params the values make: numbers as numbers (or left as text, so the
 * schema says what is wrong), JSON parsed, an empty optional field left out.
 * A field whose JSON does not parse is a problem of its own.
 */
export function toParams(fields: ParamField[], values: ParamValues): { params: Record<string, unknown>; problems: ParamProblem[] } {
  const params: Record<string, unknown> = {};
  const problems: ParamProblem[] = [];
  for (const f of fields) {
    const raw = values[f.name];
    if (f.kind === 'boolean') {
      params[f.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw : '';
    // Free text is sent as typed (SQL, an object's body); a short field is trimmed.
    const value = f.kind === 'textarea' || f.kind === 'sql' ? text : text.trim();
    if (value.trim() === '') {
      if (f.required) problems.push({ field: f.name, message: `${f.label} is required` });
      continue;
    }
    if (f.kind === 'integer' || f.kind === 'number') {
      const n = Number(value);
      params[f.name] = Number.isFinite(n) ? n : value;
    } else if (f.kind === 'json') {
      const read = readJson(value);
      if (read.ok) params[f.name] = read.value;
      else
        problems.push({ field: f.name, message: `Not JSON: ${read.error.reason} (line ${read.error.line}, column ${read.error.column})` });
    } else {
      params[f.name] = value;
    }
  }
  return { params, problems };
}

/** Every issue of the params against the schema, on the field it concerns (null: the params as a whole). */
export function paramIssues(schema: Schema | null, params: unknown): ParamProblem[] {
  if (!schema) return [];
  return checkAgainstSchema(schema, params).map((i) => ({
    field: typeof i.loc[0] === 'string' ? i.loc[0] : null,
    message: i.loc.length > 1 ? `${i.loc.slice(1).map(String).join('.')}: ${i.message}` : i.message,
  }));
}

/** How many rows a write would send, where the params say (`rows`), for the "runs as a job" hint. */
export function rowsIn(params: Record<string, unknown>): number | null {
  return Array.isArray(params.rows) ? params.rows.length : null;
}
