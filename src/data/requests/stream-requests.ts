import { createParser } from 'eventsource-parser';
import * as z from 'zod/mini';
import { paths, type Scope } from '@/contract/paths';
import { readRequestRecord, REQUEST_EVENT, type RequestFilters, type RequestRecordRead } from '@/contract/requests';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { filterQuery } from './get-requests';

export type StreamHandlers = {
  /** The platform accepted the stream. */
  onOpen?: () => void;
  /** One record, in the order the platform sent them (oldest first). */
  onRecord: (record: RequestRecordRead) => void;
  /** A `request` event whose record could not be read: skipped (its id still counts for resuming). */
  onUnreadable?: (id: string | undefined) => void;
  /** The platform's `retry:` field: how long to wait before reconnecting, in ms. */
  onRetry?: (ms: number) => void;
};

/**
 * Read a `text/event-stream` body to its end, or until `signal` aborts: each
 * `request` event's record to `onRecord`; comment lines (the heartbeat) and
 * other events are ignored. Answers the id of the last event read, to resume
 * from with `Last-Event-ID` (the one given, if none came).
 */
export async function readRequestEvents(
  body: ReadableStream<Uint8Array>,
  handlers: StreamHandlers,
  { lastEventId, signal }: { lastEventId?: string; signal?: AbortSignal } = {},
): Promise<string | undefined> {
  let lastId = lastEventId;
  const parser = createParser({
    onEvent: (event) => {
      if (event.id) lastId = event.id;
      if (event.event !== REQUEST_EVENT) return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        handlers.onUnreadable?.(event.id);
        return;
      }
      const record = z.safeParse(readRequestRecord, json);
      if (record.success) handlers.onRecord(record.data);
      else handlers.onUnreadable?.(event.id);
    },
    onRetry: (ms) => handlers.onRetry?.(ms),
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const stop = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    reader.releaseLock();
  }
  return lastId;
}

/**
 * [extension] `GET …/hosted-services/{id}/requests/stream` (CONTRACT §12): the
 * live tail, with the log's filters; `lastEventId` resumes after that record.
 * Read with `fetch` and the session's bearer (refreshed on a 401, as every
 * request), never an `EventSource`, which cannot send it. Resolves when the
 * platform closes the stream, with the id to resume from.
 */
export async function streamRequests(
  scope: Scope,
  serviceId: string,
  filters: RequestFilters,
  { lastEventId, signal, ...handlers }: StreamHandlers & { lastEventId?: string; signal?: AbortSignal },
): Promise<string | undefined> {
  const res = await callExtension('requestLog', () =>
    api.stream(paths.requestStream(scope, serviceId), {
      query: filterQuery(filters),
      headers: lastEventId ? { 'Last-Event-ID': lastEventId } : undefined,
      signal,
    }),
  );
  if (!res.body) throw new Error('The platform answered the live tail without a stream');
  handlers.onOpen?.();
  return readRequestEvents(res.body, handlers, { lastEventId, signal });
}

/** How long to wait before reconnection `attempt` (0, 1, …): the platform's `retry:` or 1 s, doubled each time, at most 30 s. */
export function reconnectDelay(attempt: number, retryMs?: number): number {
  const base = retryMs !== undefined && retryMs > 0 ? retryMs : 1000;
  return Math.min(base * 2 ** Math.min(attempt, 10), 30_000);
}
