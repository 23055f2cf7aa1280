import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { canaryService, recordCalls } from '@/testing/arrange';
import { platform, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { requestRecord } from '@/testing/request-records';
import { LogsPage } from './logs-page';
import type { LogsSearch } from './logs-search';

const canary = (slug: string) =>
  canaryService(`Logs ${slug}`, slug, 50, [
    { method: 'GET', path: '/health', summary: 'Health' },
    { method: 'POST', path: '/analyze', summary: 'Analyze' },
  ]);

/** The tab as its route renders it: the search kept as the URL would keep it. */
async function render(serviceId: string, initial: LogsSearch = {}) {
  const seen: LogsSearch[] = [];
  function Tab() {
    const [search, setSearch] = useState<LogsSearch>(initial);
    seen.push(search);
    return (
      <LogsPage scope={SCOPE} serviceId={serviceId} search={search} onSearchChange={(next) => setSearch((s) => ({ ...s, ...next }))} />
    );
  }
  const view = await renderFeature(<Tab />);
  return { ...view, search: () => seen[seen.length - 1]! };
}

const rowsOf = () =>
  within(screen.getByRole('table', { name: 'Requests, newest first' }))
    .getAllByRole('row')
    .slice(1);
const idsShown = () => rowsOf().map((r) => within(r).getByRole('button').textContent);

/** The platform's clock moves on a little between records, as calls come one after another. */
const later = () => platform.clock.advance(1000);

afterEach(() => vi.unstubAllGlobals());

describe('the Logs tab', () => {
  beforeEach(() => signInAs('viewer'));

  it('lists what the gateway answered, newest first, and narrows it to server errors', async () => {
    const service = await canary('logs-filter');
    const [ok] = recordCalls(service.id, { version: 1 });
    later();
    const [failed] = recordCalls(service.id, { version: 2, status: 503, method: 'POST', path: '/analyze' });
    later();
    const [refused] = recordCalls(service.id, { version: null, status: 401, caller: 'anonymous' });
    const { user, search } = await render(service.id);
    await waitFor(() => expect(idsShown()).toEqual([refused, failed, ok]));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '5xx');
    expect(search().status).toBe('5xx');
    await waitFor(() => expect(idsShown()).toEqual([failed]));
    const row = rowsOf()[0]!;
    expect(within(row).getByText('503')).toBeTruthy();
    expect(within(row).getByText('POST /analyze')).toBeTruthy();
    expect(within(row).getByText('v2')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(idsShown()).toHaveLength(3));
  });

  it('finds a record by its request id and opens its details', async () => {
    const service = await canary('logs-details');
    const [, wanted] = recordCalls(
      service.id,
      {},
      { version: 2, method: 'POST', path: '/analyze', status: 202, async: true, job_id: crypto.randomUUID() },
      {},
    );
    const { user, search } = await render(service.id, { search: wanted });
    await waitFor(() => expect(idsShown()).toEqual([wanted]));
    await user.click(within(rowsOf()[0]!).getByRole('button', { name: wanted }));
    expect(search().request).toBe(wanted);
    const dialog = await screen.findByRole('dialog', { name: `Request ${wanted}` });
    expect(within(dialog).getByText('POST /analyze')).toBeTruthy();
    expect(within(dialog).getByText('Async job submit')).toBeTruthy();
    expect(within(dialog).getByText('A signed-in user')).toBeTruthy();
    // To the millisecond, as a client's own log has it (the list shows seconds).
    expect(within(dialog).getByText(/\d:\d{2}:\d{2}\.\d{3}/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(search().request).toBeUndefined();
  });

  it('opens a record named in the link even when the list does not hold it', async () => {
    const service = await canary('logs-linked');
    const [wanted] = recordCalls(service.id, { status: 418 });
    await render(service.id, { status: '2xx', request: wanted });
    const dialog = await screen.findByRole('dialog', { name: `Request ${wanted}` });
    expect(await within(dialog).findByText('418')).toBeTruthy();
  });

  it('pages to older requests', async () => {
    const service = await canary('logs-older');
    const ids = recordCalls(service.id, ...Array.from({ length: 60 }, () => ({})));
    const { user } = await render(service.id);
    await waitFor(() => expect(rowsOf()).toHaveLength(50));
    await user.click(screen.getByRole('button', { name: 'Older requests' }));
    await waitFor(() => expect(rowsOf()).toHaveLength(60));
    expect(idsShown()).toEqual([...ids].reverse());
    expect(screen.getByText('No older requests: records are kept for 7 days.')).toBeTruthy();
  });

  it('tails new requests live: they appear at the top without a reload', async () => {
    const service = await canary('logs-live');
    const [first] = recordCalls(service.id, {});
    const { user } = await render(service.id);
    await waitFor(() => expect(idsShown()).toEqual([first]));
    await user.click(screen.getByRole('button', { name: 'Live' }));
    expect(await screen.findByText('New requests appear at the top.')).toBeTruthy();
    let next: string | undefined;
    act(() => {
      later();
      [next] = recordCalls(service.id, { status: 500 });
    });
    await waitFor(() => expect(idsShown()).toEqual([next, first]));
    await user.click(screen.getByRole('button', { name: 'Live' }));
    expect(screen.getByRole('button', { name: 'Live' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('holds new requests while the reader is scrolled away, until they ask to see them', async () => {
    // The list's top is out of view.
    let report: (visible: boolean) => void = () => {};
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
          report = (visible) => callback([{ isIntersecting: visible }]);
        }
        observe() {
          report(false);
        }
        disconnect() {}
      },
    );
    const service = await canary('logs-held');
    const [first] = recordCalls(service.id, {});
    const { user } = await render(service.id, { live: true });
    expect(await screen.findByText('New requests appear at the top.')).toBeTruthy();
    await waitFor(() => expect(idsShown()).toEqual([first]));
    let next: string[] = [];
    act(() => {
      later();
      next = recordCalls(service.id, {}, {});
    });
    const show = await screen.findByRole('button', { name: '2 new requests — show' });
    expect(idsShown()).toEqual([first]);
    await user.click(show);
    expect(idsShown()).toEqual([next[1], next[0], first]);
  });

  it('reconnects when the stream drops, resuming after the last record it received', async () => {
    const service = await canary('logs-resume');
    const [first] = recordCalls(service.id, {});
    const streamPath = `*/api/v1${paths.requestStream(SCOPE, service.id)}`;
    const resumedFrom: (string | null)[] = [];
    let dropped = false;
    server.use(
      http.get(streamPath, ({ request }) => {
        if (dropped) {
          resumedFrom.push(request.headers.get('Last-Event-ID'));
          return undefined; // the real platform's stream from here on
        }
        dropped = true;
        // One record, then the connection ends; `retry: 1` asks to come back at once (no test waits for a clock).
        const record = requestRecord({ id: 'req_before_drop', time: new Date().toISOString(), service_id: service.id, version: 2 });
        return new HttpResponse(`retry: 1\n\nid: req_before_drop\nevent: request\ndata: ${JSON.stringify(record)}\n\n`, {
          headers: { 'Content-Type': 'text/event-stream' },
        });
      }),
    );
    await render(service.id, { live: true });
    await waitFor(() => expect(idsShown()).toEqual(['req_before_drop', first]));
    await waitFor(() => expect(resumedFrom).toEqual(['req_before_drop']));
    expect(await screen.findByText('New requests appear at the top.')).toBeTruthy();
  });

  it('says request logs are not available on a platform without them', async () => {
    const service = await canary('logs-none');
    server.use(http.get(`*/api/v1${paths.requests(SCOPE, service.id)}`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })));
    await render(service.id);
    expect(await screen.findByRole('heading', { name: 'Request logs are not available on this platform' })).toBeTruthy();
  });
});
