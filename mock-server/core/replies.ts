/** What a handler answers, and how it goes out. */
import type { Context } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import type * as z from 'zod/mini';

/** Checked against the operation's responses (operations.ts), then sent. */
export interface Reply {
  status: number;
  body?: unknown;
  /** A non-JSON body (e.g. a generated client stub), sent as is; set Content-Type in headers. */
  text?: string;
  headers?: Record<string, string>;
}

/** A typed JSON reply: the body must match the schema's output type. */
export function reply<S extends z.core.$ZodType>(status: number, _schema: S, body: z.output<S>, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export const noContent = (): Reply => ({ status: 204 });

export function send(c: Context, r: Reply): Response {
  for (const [k, v] of Object.entries(r.headers ?? {})) c.header(k, v);
  if (r.text !== undefined) return c.body(r.text, r.status as ContentfulStatusCode);
  if (r.status === 204 || r.body === undefined) return c.body(null, r.status as StatusCode);
  return c.json(r.body as object, r.status as ContentfulStatusCode);
}
