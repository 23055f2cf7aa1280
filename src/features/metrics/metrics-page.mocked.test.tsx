import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { canaryService, recordCalls } from '@/testing/arrange';
import { platform, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { MetricsPage } from './metrics-page';
import type { MetricsSearch } from './metrics-search';

// jsdom has no canvas for uPlot: each chart stands in as its label (chartOptions has its own tests).
vi.mock('./metrics-chart', () => ({
  MetricsChart: ({ label }: { label: string }) => <figure aria-label={`${label} chart`} />,
}));

/** v1 published at 100%, then v2 at 50%: both serve. */
const canary = (slug: string) => canaryService(`Metrics ${slug}`, slug, 50);

async function render(serviceId: string, search: MetricsSearch = {}) {
  const onSearchChange = vi.fn();
  const view = await renderFeature(<MetricsPage scope={SCOPE} serviceId={serviceId} search={search} onSearchChange={onSearchChange} />);
  return { onSearchChange, ...view };
}

describe('the Metrics tab', () => {
  beforeEach(() => signInAs('viewer'));

  it('shows each version’s requests and error rate side by side, in words and in a table, with a chart per measure', async () => {
    const service = await canary('metrics-both');
    recordCalls(
      service.id,
      ...Array.from({ length: 9 }, () => ({ version: 1 })),
      { version: 1, status: 503 },
      { version: 2 },
      { version: 2, status: 500 },
      { version: 2, status: 404 },
      { version: 2 },
    );
    await render(service.id);
    // 1 of v1's 10 calls failed (10%), 1 of v2's 4 (25%); a 404 is not a server error.
    expect(await screen.findByText('v2: 25% errors vs v1: 10%')).toBeTruthy();
    const totals = screen.getByRole('table', { name: 'Totals per version over the last hour' });
    const cellsOf = (row: RegExp) =>
      within(within(totals).getByRole('row', { name: row }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cellsOf(/^v2/)).toEqual(['4', '1', '1', '25%', '12 ms', '12 ms', '12 ms']);
    expect(cellsOf(/^v1/)).toEqual(['10', '0', '1', '10%', '12 ms', '12 ms', '12 ms']);
    for (const chart of ['Requests chart', 'Error rate (5xx) chart', 'Latency (p95) chart'])
      expect(await screen.findByRole('figure', { name: chart })).toBeTruthy();
    // Every bucket of the hour, in the folded table.
    const buckets = screen.getByRole('table', { name: /per minute and version, newest first/ });
    expect(within(buckets).getAllByRole('row').length).toBeGreaterThanOrEqual(61);
  });

  it('keeps the window and the percentile in the URL', async () => {
    const service = await canary('metrics-window');
    recordCalls(service.id, { version: 2 });
    const { user, onSearchChange } = await render(service.id, { window: '6h', latency: 'p99' });
    expect(await screen.findByText(/Over the last 6 hours, per 5 minutes/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: '6 h' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    expect(onSearchChange).toHaveBeenCalledWith({ window: '7d' });
    await user.click(await screen.findByRole('radio', { name: 'p50' }));
    expect(onSearchChange).toHaveBeenCalledWith({ latency: 'p50' });
  });

  it('says when there were no requests in the window', async () => {
    const service = await canary('metrics-quiet');
    await render(service.id, { window: '15m' });
    expect(await screen.findByText(/No requests in the last 15 minutes/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says metrics are not available on a platform without them', async () => {
    const service = await canary('metrics-none');
    server.use(http.get(`*/api/v1${paths.metrics(SCOPE, service.id)}`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })));
    await render(service.id);
    expect(await screen.findByRole('heading', { name: 'Metrics are not available on this platform' })).toBeTruthy();
  });

  it('offers Try again when the metrics could not be read', async () => {
    const service = await canary('metrics-fails');
    let fail = true;
    server.use(
      http.get(`*/api/v1${paths.metrics(SCOPE, service.id)}`, () =>
        fail ? HttpResponse.json({ detail: 'Boom' }, { status: 500 }) : undefined,
      ),
    );
    const { user } = await render(service.id);
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toContain('Metrics could not be loaded');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByText(/No requests in the last hour/)).toBeTruthy());
  });
});

describe('the Metrics tab, for one endpoint', () => {
  beforeEach(() => signInAs('viewer'));

  /** v1 and v2 serve GET /health and POST /embed. */
  const twoEndpoints = (slug: string) =>
    canaryService(`Metrics ${slug}`, slug, 50, [
      { method: 'GET', path: '/health', summary: 'Health' },
      { method: 'POST', path: '/embed', summary: 'Embed' },
    ]);

  /** The tab as its route renders it: the search kept as the URL would keep it; the `path` of each metrics call sent. */
  async function renderTab(serviceId: string, initial: MetricsSearch = {}) {
    const sent: (string | null)[] = [];
    const listener = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith(`/hosted-services/${serviceId}/metrics`)) sent.push(url.searchParams.get('path'));
    };
    server.events.on('request:start', listener);
    onTestFinished(() => server.events.removeListener('request:start', listener));
    function Tab() {
      const [search, setSearch] = useState<MetricsSearch>(initial);
      return (
        <MetricsPage scope={SCOPE} serviceId={serviceId} search={search} onSearchChange={(next) => setSearch((s) => ({ ...s, ...next }))} />
      );
    }
    const view = await renderFeature(<Tab />);
    return { ...view, sent };
  }

  const totalsOf = (version: string) =>
    within(screen.getByRole('list', { name: 'Totals per version' }))
      .getAllByRole('listitem')
      .find((item) => item.textContent?.startsWith(` ${version} `) || item.textContent?.startsWith(`${version} `))!;

  it('lists the serving versions’ endpoints; choosing one sends its path and every figure and word is of its calls', async () => {
    const service = await twoEndpoints('metrics-endpoint');
    recordCalls(
      service.id,
      { version: 1, method: 'GET', path: '/health' },
      { version: 1, method: 'POST', path: '/embed' },
      ...Array.from({ length: 5 }, () => ({ version: 2, method: 'GET', path: '/health' })),
      { version: 2, method: 'POST', path: '/embed' },
      { version: 2, method: 'POST', path: '/embed', status: 503 },
    );
    const { user, sent } = await renderTab(service.id);
    expect(await screen.findByText('v2: 14.3% errors vs v1: 0%')).toBeTruthy();
    const filter = screen.getByRole('combobox', { name: 'Endpoint' });
    expect(
      within(filter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All endpoints', 'POST /embed', 'GET /health']);

    await user.selectOptions(filter, 'POST /embed');
    expect(await screen.findByText('v2: 50% errors vs v1: 0%')).toBeTruthy();
    expect(sent).toContain('/embed');
    expect(sent[0]).toBeNull();
    expect(screen.getByText(/^POST \/embed, over the last hour, per minute\./)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Totals per version of POST /embed over the last hour' });
    expect(within(within(table).getByRole('row', { name: /^v2/ })).getAllByRole('cell')[0]!.textContent).toBe('2');

    // Back to every endpoint: the first figures again, from the cache.
    await user.selectOptions(filter, 'All endpoints');
    expect(await screen.findByText('v2: 14.3% errors vs v1: 0%')).toBeTruthy();
  });

  it('says no requests reached an endpoint nobody called, or one no version lists', async () => {
    const service = await twoEndpoints('metrics-endpoint-quiet');
    recordCalls(service.id, { version: 2, method: 'GET', path: '/health' });
    const { user } = await renderTab(service.id, { path: '/embed' });
    expect(await screen.findByText('No requests to POST /embed in the last hour.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(screen.getByRole('radio', { name: '24 h' }));
    expect(await screen.findByText('No requests to POST /embed in the last 24 hours.')).toBeTruthy();
    // A link may name a path the versions do not list: the platform counts none, and the filter shows it chosen.
    await renderTab(service.id, { path: '/nope' });
    expect(await screen.findByText('No requests to /nope in the last hour.')).toBeTruthy();
  });

  it('links each version’s figures, and its 5xx when it had any, to the Logs tab: that version, the endpoint and the window from its start', async () => {
    const service = await twoEndpoints('metrics-endpoint-logs');
    // The platform's clock two hours ahead of the browser's, half a minute into a minute: the window starts on its clock.
    const now = platform.clock.now();
    platform.clock.advance(2 * 3600_000 + ((30_000 - (now % 60_000) + 60_000) % 60_000));
    recordCalls(service.id, { version: 1, method: 'POST', path: '/embed' }, { version: 2, method: 'POST', path: '/embed', status: 500 });
    await renderTab(service.id, { path: '/embed', window: '6h' });
    expect(await screen.findByText('v2: 100% errors vs v1: 0%')).toBeTruthy();
    // The 6-hour window's first 5-minute bucket, as the platform counts it.
    const at = platform.clock.now();
    const since = new Date(Math.floor(at / 300_000) * 300_000 - (6 * 3600 - 300) * 1000).toISOString();
    const logs = `/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services/${service.id}/logs`;
    const searchOf = (link: HTMLElement) => {
      const url = new URL(link.getAttribute('href')!, 'http://console');
      expect(url.pathname).toBe(logs);
      return Object.fromEntries(url.searchParams);
    };
    const v2 = totalsOf('v2');
    expect(searchOf(within(v2).getByRole('link', { name: 'View in Logs for v2' }))).toEqual({
      version: '2',
      path: '/embed',
      since,
    });
    expect(searchOf(within(v2).getByRole('link', { name: 'View 5xx in Logs for v2' }))).toEqual({
      version: '2',
      path: '/embed',
      status: '5xx',
      since,
    });
    const v1 = totalsOf('v1');
    expect(searchOf(within(v1).getByRole('link', { name: 'View in Logs for v1' }))).toMatchObject({ version: '1', path: '/embed' });
    expect(within(v1).queryByRole('link', { name: /5xx/ })).toBeNull();
  });
});
