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
  /**
   * A response the handler made itself (a stream of server-sent events, which
   * outlives the handler), sent as is: its status must be documented with a
   * `contentType`, and its body is not checked.
   */
  response?: Response;
  /**
   * The caller asked for this status (the gateway's `X-Mock-Status` test knob):
   * sent as is, though the operation does not document it.
   */
  asked?: true;
}

/** A typed JSON reply: the body must match the schema's output type. */
export function reply<S extends z.core.$ZodType>(status: number, _schema: S, body: z.output<S>, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export const noContent = (): Reply => ({ status: 204 });

/** Statuses whose response has no body (Fetch's null-body statuses). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

export function send(c: Context, r: Reply): Response {
  if (r.response) return r.response;
  for (const [k, v] of Object.entries(r.headers ?? {})) c.header(k, v);
  if (r.text !== undefined) return c.body(r.text, r.status as ContentfulStatusCode);
  if (NO_BODY.has(r.status) || r.body === undefined) return c.body(null, r.status as StatusCode);
  return c.json(r.body as object, r.status as ContentfulStatusCode);
}
