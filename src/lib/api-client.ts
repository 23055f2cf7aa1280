import * as z from 'zod/mini';
import { readTokenResponse } from '@/contract/auth-read';
import { paths } from '@/contract/paths';
import { ApiError } from './api-error';
import { dropEarlyResponses, takeEarlyResponse } from './early-responses';
import { apiBaseUrl } from './env';
import { clearSession, getSession, setSession } from './session';
import { learnServerTime } from './server-clock';

type Query = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** Sent on creates; reuse the same key when retrying the same submission. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Auth routes must not trigger the refresh-and-retry dance. */
  anonymous?: boolean;
  /** Defaults to JSON; `requestText` asks for anything. */
  accept?: string;
  /** Another base than the platform's API (`agentApiBaseUrl`, seed 003's `/v1`); the same session and errors. */
  base?: string;
  /** Other request headers (a stream's `Last-Event-ID`); never a credential: the session's is added here. */
  headers?: Record<string, string>;
};

let onUnauthenticated: () => void = () => {};
/** The app decides what "signed out" means (go to sign-in, keeping the place). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function url(path: string, query?: Query, base: string = apiBaseUrl): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    // A list is a repeated parameter (`?service_id=a&service_id=b`).
    if (Array.isArray(v)) for (const item of v as readonly string[]) qs.append(k, item);
    else if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `${base}${path}${s ? `?${s}` : ''}`;
}

/** `accessToken` is the one the caller read just before, so that it knows which token a 401 refused. */
async function send(method: string, path: string, opts: RequestOptions, accessToken: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const target = url(path, opts.query, opts.base);
  // A write may change what was read early: none of it is taken after one.
  if (method !== 'GET') dropEarlyResponses();
  // The same read, with the same session, that the page started before its code arrived (src/app/early-requests.ts).
  if (method === 'GET' && headers.Authorization && opts.body === undefined && opts.accept === undefined && !opts.signal?.aborted) {
    const early = await takeEarlyResponse(target);
    if (early) return early;
  }
  try {
    const res = await fetch(target, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
    learnServerTime(res.headers.get('Date'));
    return res;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw ApiError.network(cause);
  }
}

let refreshing: Promise<boolean> | null = null;

/**
 * Trade the refresh token for a new token set, once at a time across callers: true when it was, false when the
 * platform refused (the caller signs out). A refresh that never got an answer — the network, or the page being
 * left while it was out — throws that network error instead: the session stays, and the request fails as any
 * request the network lost, with a retry.
 */
function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = getSession()?.refreshToken;
    if (!refreshToken) return false;
    const res = await send('POST', paths.refresh(), { body: { refresh_token: refreshToken }, anonymous: true }, null);
    if (!res.ok) return false;
    try {
      setSession(z.parse(readTokenResponse, await res.json()));
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * After a 401 to a request sent with `sentWith`: whether to send it again with
 * the session's token. One refresh serves any number of 401s — a request whose
 * token was already replaced while it was out (a refresh that finished before
 * its 401 came back) just retries with the new one. Refreshing again would
 * spend the rotated refresh token a second time, and a platform that revokes
 * reused refresh tokens would then sign the user out.
 */
export async function renewAfter401(sentWith: string | null): Promise<boolean> {
  const session = getSession();
  if (!session) return false;
  if (session.accessToken !== sentWith) return true;
  return refreshSession();
}

/**
 * Requests the platform refused with a 429 and a Retry-After, by method and
 * URL, and when they may go out again. Until then the same request is not
 * sent: it fails at once with the wait that is left — however it was asked
 * for (a retry, a page mounting again, a loader, a click).
 */
const throttled = new Map<string, { notBefore: number; message: string }>();

function refuseIfThrottled(key: string): void {
  const wait = throttled.get(key);
  if (!wait) return;
  const left = Math.ceil((wait.notBefore - Date.now()) / 1000);
  if (left <= 0) {
    throttled.delete(key);
    return;
  }
  throw new ApiError(429, wait.message, [], left);
}

/** Forget every wait (a test's fresh start). */
export function clearThrottling(): void {
  throttled.clear();
}

/**
 * One request: the bearer token attached, an expired token refreshed once and
 * the request retried, the response parsed with the contract's schema; a
 * request the platform asked to wait for is not sent before its Retry-After.
 */
async function sendAuthorized(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const key = `${method} ${url(path, opts.query)}`;
  refuseIfThrottled(key);
  const token = () => (opts.anonymous ? null : (getSession()?.accessToken ?? null));
  const sentWith = token();
  let res = await send(method, path, opts, sentWith);
  if (res.status === 401 && !opts.anonymous && (await renewAfter401(sentWith))) {
    res = await send(method, path, opts, token());
  }
  if (res.status === 401 && !opts.anonymous) {
    clearSession();
    onUnauthenticated();
  }
  if (!res.ok) {
    const error = await ApiError.fromResponse(res);
    if (error.status === 429 && error.retryNotBefore !== null)
      throttled.set(key, { notBefore: error.retryNotBefore, message: error.message });
    throw error;
  }
  return res;
}

/** How an answer is read: by the contract's schema, or not at all (`NO_ANSWER`). */
type Reader<S extends z.core.$ZodType> = S | typeof NO_ANSWER;
const NO_ANSWER = Symbol('no answer');

async function request<S extends z.core.$ZodType>(
  method: string,
  path: string,
  reader: Reader<S>,
  opts: RequestOptions,
): Promise<z.output<S>> {
  const res = await sendAuthorized(method, path, opts);
  if (reader === NO_ANSWER || res.status === 204) return undefined as z.output<S>;
  const json: unknown = await res.json();
  const parsed = z.safeParse(reader, json);
  if (!parsed.success) {
    // The platform answered something the contract does not describe.
    throw new ApiError(res.status, `Unexpected response from ${method} ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * A GET whose answer is read as it arrives (`text/event-stream`): the response,
 * its body not yet read, with the same bearer, refresh on a 401 and errors as
 * every request. `fetch` rather than `EventSource`, which cannot send the
 * Authorization header (and a token never goes in a URL).
 */
export function requestStream(path: string, opts: RequestOptions = {}): Promise<Response> {
  return sendAuthorized('GET', path, { accept: 'text/event-stream', ...opts });
}

/** A file the platform generates (a client stub, an OpenAPI document): the text as sent, the name it suggests, and the version it names in `X-Service-Version`, if any. */
export type TextFile = { text: string; filename: string | null; contentType: string | null; versionHeader: string | null };

/** A GET whose body is kept as text rather than parsed (same bearer, refresh and errors as `request`). */
export async function requestText(path: string, opts: RequestOptions = {}): Promise<TextFile> {
  const res = await sendAuthorized('GET', path, { accept: '*/*', ...opts });
  return {
    text: await res.text(),
    filename: filenameOf(res.headers.get('Content-Disposition')),
    contentType: res.headers.get('Content-Type'),
    versionHeader: res.headers.get('X-Service-Version'),
  };
}

/** `attachment; filename="client.py"` → `client.py`; only a plain base name is trusted. */
export function filenameOf(disposition: string | null): string | null {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  let name: string | null = null;
  try {
    name = match?.[1] ? decodeURIComponent(match[1]).trim() : null;
  } catch {
    // a malformed escape: use the caller's default name
  }
  // Cross-origin platforms may not expose the header; callers then fall back to a known name.
  return name && /^[\w.-]+$/.test(name) ? name : null;
}

/**
 * A write whose answer the console does not read says so by name:
 * `api.put(path, { body, answer: 'ignored' })` (the data is read again, or
 * there is none); any other names the contract's schema of its answer.
 */
export type IgnoredAnswer = RequestOptions & { answer: 'ignored' };

function write(method: 'POST' | 'PUT') {
  function send<S extends z.core.$ZodType>(path: string, schema: S, opts?: RequestOptions): Promise<z.output<S>>;
  function send(path: string, opts: IgnoredAnswer): Promise<void>;
  function send<S extends z.core.$ZodType>(path: string, schemaOrOpts: S | IgnoredAnswer, opts?: RequestOptions): Promise<unknown> {
    return schemaOrOpts instanceof z.core.$ZodType
      ? request(method, path, schemaOrOpts, opts ?? {})
      : request(method, path, NO_ANSWER, schemaOrOpts);
  }
  return send;
}

export const api = {
  get: <S extends z.core.$ZodType>(path: string, schema: S, opts: RequestOptions = {}) => request('GET', path, schema, opts),
  post: write('POST'),
  put: write('PUT'),
  /** A DELETE answers nothing to read (204). */
  delete: (path: string, opts: RequestOptions = {}): Promise<void> => request('DELETE', path, NO_ANSWER, opts).then(() => undefined),
  text: requestText,
  stream: requestStream,
};
