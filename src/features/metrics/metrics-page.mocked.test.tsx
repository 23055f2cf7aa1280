import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { canaryService, recordCalls } from '@/testing/arrange';
import { SCOPE, server, signInAs } from '@/testing/mock-platform';
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
