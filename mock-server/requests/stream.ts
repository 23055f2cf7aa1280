/**
 * The live tail (CONTRACT §12): `…/requests/stream` as server-sent events —
 * `id: <request id>`, `event: request`, `data: <record>` — for each new record
 * of the service that passes the filters, a comment line every 15 s to keep
 * proxies from closing it, and, with `Last-Event-ID`, the records made after
 * that one first (a reconnect loses nothing; at most `BACKLOG_MAX` of them).
 *
 * What a stream holds is released when its client goes (the response is
 * cancelled or the request aborted), when it falls too far behind (a client
 * that does not read), and when the platform closes: its subscription to the
 * log, its heartbeat timer and its queue, so a client that disconnects costs
 * nothing (the tests count the log's streams).
 *
 * The handler answers a Response it made (core/replies.ts `response`), which
 * outlives the request's unit of work; the stream only reads the log.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { REQUEST_EVENT, STREAM_HEARTBEAT_MS } from '../../src/contract/requests';
import type { RequestLog } from './log';
import type { RequestEntry } from './records';
import { matches, type Filters } from './rules';

/** Records sent first on a resume, at most. */
export const BACKLOG_MAX = 1000;
/** A client this many records behind is let go (it can resume with `Last-Event-ID`). */
const QUEUE_MAX = 5000;

export function streamRequests(c: Context, log: RequestLog, serviceId: string, f: Filters, lastEventId: string | undefined): Response {
  return streamSSE(c, async (stream) => {
    const queue: (RequestEntry | 'heartbeat')[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const signal = c.req.raw.signal;
    // Everything the stream holds, let go at once, whichever way it ends (even with a write still waiting on the client).
    const stop = () => {
      if (done) return;
      done = true;
      unsubscribe();
      clearInterval(heartbeat);
      signal.removeEventListener('abort', stop);
      queue.length = 0;
      wake?.();
      if (!stream.closed) stream.abort();
    };
    const push = (item: RequestEntry | 'heartbeat') => {
      queue.push(item);
      if (queue.length > QUEUE_MAX) stop();
      wake?.();
    };
    // Subscribe and read the backlog in one turn of the event loop: nothing is made in between, so nothing is missed or sent twice.
    const unsubscribe = log.subscribe({
      serviceId,
      push: (e) => {
        if (matches(e, f)) push(e);
      },
      end: stop,
    });
    const after = lastEventId === undefined ? undefined : log.seqOf(serviceId, lastEventId);
    if (after !== undefined) queue.push(...log.after(serviceId, f, after, BACKLOG_MAX));
    const heartbeat = setInterval(() => push('heartbeat'), STREAM_HEARTBEAT_MS);
    heartbeat.unref();
    stream.onAbort(stop);
    signal.addEventListener('abort', stop);
    try {
      // Said at once, so the client knows the stream is open before the first record.
      await stream.write(': connected\n\n');
      while (!done) {
        const item = queue.shift();
        if (item === undefined) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        } else if (item === 'heartbeat') await stream.write(': keep-alive\n\n');
        else await stream.writeSSE({ id: item.record.id, event: REQUEST_EVENT, data: JSON.stringify(item.record) });
        if (stream.aborted) stop();
      }
    } finally {
      stop();
    }
  });
}
