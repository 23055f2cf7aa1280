import { describe, expect, it } from 'vitest';
import type { RequestRecordRead } from '@/contract/requests';
import { readRequestEvents, reconnectDelay } from './stream-requests';

const record = (id: string, status = 200) => ({
  id,
  time: '2025-01-01T12:00:00Z',
  service_id: '0f6f2d6e-0000-4000-8000-000000001005',
  version: 2,
  method: 'POST',
  path: '/analyze',
  status,
  duration_ms: 12.5,
  caller: 'user',
  async: false,
  job_id: null,
});

/** A body that arrives in these pieces, as a network would cut it. */
const bodyOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe('reading the live tail', () => {
  it('hands on each request event’s record, across chunk boundaries, and skips heartbeats and other events', async () => {
    const first = `id: req_1\nevent: request\ndata: ${JSON.stringify(record('req_1'))}\n\n`;
    const second = `id: req_2\nevent: request\ndata: ${JSON.stringify(record('req_2', 503))}\n\n`;
    const records: RequestRecordRead[] = [];
    const last = await readRequestEvents(
      bodyOf(': keep-alive\n\n', first.slice(0, 17), first.slice(17), 'event: hello\ndata: {}\n\n', second.slice(0, 40), second.slice(40)),
      { onRecord: (r) => records.push(r) },
    );
    expect(records.map((r) => [r.id, r.status])).toEqual([
      ['req_1', 200],
      ['req_2', 503],
    ]);
    expect(last).toBe('req_2');
  });

  it('skips a record it cannot read, and still resumes after it', async () => {
    const unreadable: (string | undefined)[] = [];
    const records: string[] = [];
    const last = await readRequestEvents(
      bodyOf(
        `id: req_1\nevent: request\ndata: ${JSON.stringify(record('req_1'))}\n\n`,
        'id: req_2\nevent: request\ndata: {"id": "req_2", "status": "teapot"}\n\n',
        'id: req_3\nevent: request\ndata: not json\n\n',
      ),
      { onRecord: (r) => records.push(r.id), onUnreadable: (id) => unreadable.push(id) },
    );
    expect(records).toEqual(['req_1']);
    expect(unreadable).toEqual(['req_2', 'req_3']);
    expect(last).toBe('req_3');
  });

  it('reads leniently: an unknown caller kind comes through as sent', async () => {
    const records: RequestRecordRead[] = [];
    await readRequestEvents(bodyOf(`id: a\nevent: request\ndata: ${JSON.stringify({ ...record('a'), caller: 'robot' })}\n\n`), {
      onRecord: (r) => records.push(r),
    });
    expect(records[0]?.caller).toBe('robot');
  });

  it('answers the id it resumed from when nothing came, and passes on the platform’s retry', async () => {
    let retry = 0;
    const last = await readRequestEvents(
      bodyOf('retry: 2500\n\n', ': keep-alive\n\n'),
      { onRecord: () => {}, onRetry: (ms) => (retry = ms) },
      {
        lastEventId: 'req_9',
      },
    );
    expect(last).toBe('req_9');
    expect(retry).toBe(2500);
  });

  it('stops reading when asked to', async () => {
    const controller = new AbortController();
    const records: string[] = [];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(`id: a\nevent: request\ndata: ${JSON.stringify(record('a'))}\n\n`));
        // …and the stream stays open.
      },
    });
    const reading = readRequestEvents(
      body,
      {
        onRecord: (r) => {
          records.push(r.id);
          controller.abort();
        },
      },
      { signal: controller.signal },
    );
    await expect(reading).resolves.toBe('a');
    expect(records).toEqual(['a']);
  });
});

describe('reconnecting', () => {
  it('waits 1 s, then twice as long after each failure, at most 30 s; the platform’s retry sets the start', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((a) => reconnectDelay(a))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(reconnectDelay(0, 3000)).toBe(3000);
    expect(reconnectDelay(1, 3000)).toBe(6000);
  });
});
