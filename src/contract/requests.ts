/**
 * **[decision, extension]** Request records (CONTRACT §12): what the gateway
 * answered, one record per call — sync, pinned, async submit, refused ones
 * too. Never a body, a header, a query string or a token: a record says which
 * version answered which path with which status, how fast, and who called
 * (by kind, not by name).
 *
 * `GET …/hosted-services/{id}/requests` (newest first, `before` paging),
 * `…/requests/{request_id}`, and `…/requests/stream` (server-sent events with
 * the same filters; `Last-Event-ID` resumes after that record).
 */
import * as z from 'zod/mini';
import { Id } from './common';
import { lenient, strict, type Mode, type Reading } from './reading';

export const CallerKind = z.enum(['user', 'service_token', 'api_key', 'anonymous']);
export type CallerKind = z.infer<typeof CallerKind>;

/** The gateway's `X-Request-Id`: the mock's are UUIDs, or the caller's own plain id (up to 128 characters); a platform's may be any short token. */
export const RequestId = z.string().check(z.minLength(1), z.maxLength(128));

const requestRecord = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: RequestId,
    time: r.timestamp,
    service_id: Id,
    /** The serving version's number; null when none was chosen (a 404 before routing, a 401). */
    version: z.nullable(z.int().check(z.minimum(1))),
    method: z.string(),
    /** The endpoint's path template when one matched (`/documents/{document_id}`), else the path as called. */
    path: z.string(),
    status: z.int().check(z.minimum(100), z.maximum(599)),
    duration_ms: z.number().check(z.minimum(0)),
    caller: r.openEnum(CallerKind),
    async: z.boolean(),
    job_id: z.nullable(Id),
  });
export const [RequestRecord, readRequestRecord] = [requestRecord(strict), requestRecord(lenient)];
export type RequestRecord = z.infer<typeof RequestRecord>;
export type RequestRecordRead = z.output<typeof readRequestRecord>;

export const MAX_REQUESTS_LIMIT = 200;

/** A status filter: a class (`2xx`, `4xx`, `5xx`) or one code. */
export const StatusFilter = z.union([
  z.enum(['2xx', '3xx', '4xx', '5xx']),
  z.pipe(z.coerce.number(), z.int().check(z.minimum(100), z.maximum(599))),
]);

/** The filters the log and the stream share. */
export const RequestFilters = z.object({
  version: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  status: z.optional(StatusFilter),
  method: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{1,10}$/, { error: 'Method must be a word such as GET' }))),
  /** A path template (exact). */
  path: z.optional(z.string().check(z.maxLength(500))),
  /** Part of a path or a request id. */
  search: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  since: z.optional(z.iso.datetime({ offset: true })),
  until: z.optional(z.iso.datetime({ offset: true })),
});
export type RequestFilters = z.infer<typeof RequestFilters>;

export const RequestListQuery = z.extend(RequestFilters, {
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_REQUESTS_LIMIT)), 50),
  /** The id of the last record of the previous page: the next page is older. */
  before: z.optional(RequestId),
});
export type RequestListQuery = z.input<typeof RequestListQuery>;

const requestPage = <M extends Mode>(r: Reading<M>) =>
  z.object({
    items: z.array(requestRecord(r)),
    /** Null on the last page. */
    next_before: z.nullable(RequestId),
  });
export const [RequestPage, readRequestPage] = [requestPage(strict), requestPage(lenient)];
export type RequestPage = z.infer<typeof RequestPage>;

/** The stream's event name, and how often it sends a comment line to stay open (CONTRACT §12). */
export const REQUEST_EVENT = 'request';
export const STREAM_HEARTBEAT_MS = 15_000;
