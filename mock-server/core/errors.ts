/**
 * FastAPI-shaped errors (CONTRACT §1): `{"detail": "…"}` or, for validation,
 * `{"detail": [{"loc": [...], "msg": "…", "type": "…"}]}`.
 */
import { HTTPException } from 'hono/http-exception';
import type * as z from 'zod/mini';
import type { ValidationIssue } from '../../src/contract/common';
import type { Reply } from './replies';

export type Detail = string | ValidationIssue[];

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: Detail,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : detail.map((d) => d.msg).join('; '));
    this.name = 'HttpError';
  }
}

export const notFound = (thing: string) => new HttpError(404, `${thing} not found`);
export const conflict = (detail: Detail) => new HttpError(409, detail);
export const forbidden = (detail: string) => new HttpError(403, detail);
export const unauthorized = (detail: string) => new HttpError(401, detail, { 'WWW-Authenticate': 'Bearer' });

export function validationError(issues: ValidationIssue[]): HttpError {
  return new HttpError(422, issues);
}

/** One 422 issue. */
export function issue(loc: (string | number)[], msg: string, type = 'value_error'): ValidationIssue {
  return { loc, msg, type };
}

export type Where = 'body' | 'query' | 'path' | 'header';

type AnyIssue = z.core.$ZodIssue & { input?: unknown };

function typeName(expected: string, where: Where): string {
  switch (expected) {
    case 'string':
      return 'string_type';
    case 'number':
      return where === 'body' ? 'float_type' : 'float_parsing';
    case 'int':
      return where === 'body' ? 'int_type' : 'int_parsing';
    case 'boolean':
      return 'bool_type';
    case 'object':
    case 'record':
      return 'dict_type';
    case 'array':
      return 'list_type';
    default:
      return `${expected}_type`;
  }
}

function mapOne(i: AnyIssue, where: Where): ValidationIssue[] {
  const loc: (string | number)[] = [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  switch (i.code) {
    case 'invalid_type': {
      if (!('input' in i) || i.input === undefined) return [{ loc, msg: 'Field required', type: 'missing' }];
      const expected = i.expected === 'number' && where !== 'body' ? 'int' : i.expected;
      return [{ loc, msg: i.message, type: typeName(expected, where) }];
    }
    case 'invalid_value':
      return [{ loc, msg: i.message, type: i.values.length > 1 ? 'enum' : 'literal_error' }];
    case 'unrecognized_keys':
      return i.keys.map((k) => ({ loc: [...loc, k], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' }));
    case 'too_small':
    case 'too_big': {
      const [short, than] = i.code === 'too_small' ? ['short', 'greater_than'] : ['long', 'less_than'];
      const type =
        i.origin === 'string'
          ? `string_too_${short}`
          : i.origin === 'array' || i.origin === 'set'
            ? `too_${short}`
            : i.inclusive
              ? `${than}_equal`
              : than;
      return [{ loc, msg: i.message, type }];
    }
    case 'invalid_format': {
      const type =
        i.format === 'regex'
          ? 'string_pattern_mismatch'
          : i.format === 'uuid'
            ? 'uuid_parsing'
            : i.format === 'datetime'
              ? 'datetime_parsing'
              : 'value_error';
      return [{ loc, msg: i.message, type }];
    }
    case 'invalid_key': {
      const inner = i.issues[0];
      return [{ loc, msg: inner ? inner.message : i.message, type: 'value_error' }];
    }
    case 'not_multiple_of':
      return [{ loc, msg: i.message, type: 'multiple_of' }];
    default:
      return [{ loc, msg: i.message, type: 'value_error' }];
  }
}

/** Map zod issues to FastAPI-style validation issues, located in body/query/path. */
export function zodToIssues(error: { issues: readonly z.core.$ZodIssue[] }, where: Where): ValidationIssue[] {
  return error.issues.flatMap((i) => mapOne(i as AnyIssue, where));
}

/** The reply an error becomes: its status and `{"detail": …}`; anything but an HttpError is a 500 (a bug). */
export function errorReply(err: unknown): Reply {
  if (err instanceof HttpError) return { status: err.status, body: { detail: err.detail }, headers: err.headers };
  if (err instanceof HTTPException) return { status: err.status, body: { detail: err.message || 'Error' } };
  return { status: 500, body: { detail: 'Internal Server Error' } };
}
