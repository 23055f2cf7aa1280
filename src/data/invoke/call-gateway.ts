import { useCallback, useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { ErrorBody, type ValidationIssue } from '@/contract/common';
import { GATEWAY_HEADERS } from '@/contract/invoke';
import { ApiError } from '@/lib/api-error';
import { renewAfter401 } from '@/lib/api-client';
import { apiBaseUrl } from '@/lib/env';
import { getSession } from '@/lib/session';

/**
 * Whose token a call carries: the signed-in user's session (the gateway
 * accepts the user's own access token), or a service token pasted for this
 * one call. A pasted token lives only in the form while it is typed and in
 * this call's arguments: it is never put in a query cache, storage or URL.
 */
export type Credential = { kind: 'session' } | { kind: 'token'; token: string };

/** What the gateway answered, as the Test tab shows it. */
export type GatewayAnswer = {
  status: number;
  statusText: string;
  ok: boolean;
  /** From sending to the whole body read, in milliseconds. */
  durationMs: number;
  /** `X-Service-Version`: which version answered (null when the platform does not say). */
  servingVersion: string | null;
  requestId: string | null;
  headers: [string, string][];
  /** The body as sent, and parsed when it is JSON. */
  bodyText: string;
  json: { value: unknown } | null;
  /** A FastAPI-shaped `detail`: its message, and the issues of a 422. */
  detail: string | null;
  issues: ValidationIssue[];
};

export type GatewayRequest = {
  method: string;
  /** Relative to the platform's API base, query string included. */
  url: string;
  /** A JSON value to send, or undefined for none. */
  body: unknown;
  idempotencyKey?: string;
};

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function tokenOf(credential: Credential): string | null {
  return credential.kind === 'token' ? credential.token.trim() : (getSession()?.accessToken ?? null);
}

async function once(req: GatewayRequest, token: string | null, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  if (req.idempotencyKey) headers['Idempotency-Key'] = req.idempotencyKey;
  try {
    return await fetch(`${apiBaseUrl}${req.url}`, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw ApiError.network(cause);
  }
}

/**
 * One call through the gateway, every answer kept (a 4xx is a result here,
 * not a failure). With the session, an expired token is refreshed once and the
 * call repeated, as every console request does; a pasted token is used as is.
 */
export async function callGateway(req: GatewayRequest, credential: Credential, signal?: AbortSignal): Promise<GatewayAnswer> {
  const started = performance.now();
  const sentWith = tokenOf(credential);
  let res = await once(req, sentWith, signal);
  if (res.status === 401 && credential.kind === 'session' && (await renewAfter401(sentWith))) {
    res = await once(req, tokenOf(credential), signal);
  }
  const bodyText = await res.text();
  const durationMs = Math.round(performance.now() - started);
  let json: GatewayAnswer['json'];
  try {
    json = bodyText.trim() === '' ? null : { value: JSON.parse(bodyText) as unknown };
  } catch {
    json = null;
  }
  const error = !res.ok && json ? z.safeParse(ErrorBody, json.value) : null;
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => headers.push([name, value]));
  headers.sort(([a], [b]) => a.localeCompare(b));
  return {
    status: res.status,
    statusText: res.statusText || STATUS_TEXT[res.status] || '',
    ok: res.ok,
    durationMs,
    servingVersion: res.headers.get(GATEWAY_HEADERS.version),
    requestId: res.headers.get(GATEWAY_HEADERS.requestId),
    headers,
    bodyText,
    json,
    detail: error?.success ? (typeof error.data.detail === 'string' ? error.data.detail : null) : null,
    issues: error?.success && Array.isArray(error.data.detail) ? error.data.detail : [],
  };
}

export type GatewayCallState<T> =
  { status: 'idle' } | { status: 'pending'; startedAt: number } | { status: 'done'; result: T } | { status: 'error'; error: Error };

/**
 * Runs gateway calls one at a time and keeps the latest outcome in component
 * state. Deliberately not a TanStack mutation: a mutation keeps its variables
 * (here, possibly a pasted token) in the mutation cache; this keeps nothing but
 * the answer, and aborts a call still running when the page goes away. The
 * task closes over the credential for that one call.
 */
export function useGatewayCall<T>() {
  const [state, setState] = useState<GatewayCallState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (task: (signal: AbortSignal) => Promise<T>): Promise<T | null> => {
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    setState({ status: 'pending', startedAt: Date.now() });
    try {
      const result = await task(ctl.signal);
      if (!ctl.signal.aborted) setState({ status: 'done', result });
      return result;
    } catch (e) {
      if (ctl.signal.aborted) {
        setState({ status: 'idle' });
        return null;
      }
      setState({ status: 'error', error: e instanceof Error ? e : new Error(String(e)) });
      return null;
    }
  }, []);

  const abort = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, abort, reset };
}
