import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { recordCalls } from '@/testing/arrange';
import { callPlatform, demoService, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { ServicesPage } from './services-page';
import { SERVICES_SEARCH_DEFAULTS, type ServicesSearch } from './services-search';

const INVOICE = demoService(1001);
const SENTIMENT = demoService(1005);

async function renderList(search: Partial<ServicesSearch> = {}) {
  const onSearchChange = vi.fn();
  await renderFeature(<ServicesPage scope={SCOPE} search={{ ...SERVICES_SEARCH_DEFAULTS, ...search }} onSearchChange={onSearchChange} />);
  return { onSearchChange, table: await screen.findByRole('table', { name: 'Hosted services' }) };
}

const cellsOf = (table: HTMLElement, name: string) => {
  const row = within(table).getByRole('link', { name }).closest('tr')!;
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
  const cells = within(row).getAllByRole('cell');
  return (header: string) => cells[headers.indexOf(header)]!.textContent;
};

describe('the services list’s last-hour figures', () => {
  beforeEach(() => signInAs('viewer'));

  it('shows each service’s requests and error rate from one service-metrics call for the page', async () => {
    recordCalls(INVOICE, {}, {}, {}, { status: 500 });
    const asked: string[][] = [];
    server.use(
      http.get(`*/api/v1${paths.serviceMetrics(SCOPE)}`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.getAll('service_id'));
        return undefined;
      }),
    );
    const { table } = await renderList();
    await waitFor(() => expect(cellsOf(table, 'Invoice Extractor')('Requests (1 h)')).toBe('4'));
    expect(cellsOf(table, 'Invoice Extractor')('Errors (1 h)')).toBe('25%');
    expect(cellsOf(table, 'Sentiment Analyzer')('Requests (1 h)')).toBe('0');
    expect(cellsOf(table, 'Sentiment Analyzer')('Errors (1 h)')).toBe('—');
    // One call, naming the page's services.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(INVOICE);
    expect(asked[0]!.length).toBe(within(table).getAllByRole('row').length - 1);
  });

  it('lists only the services that need attention — a failed deploy first, then server errors in the last hour, most errors first', async () => {
    recordCalls(INVOICE, { status: 500 });
    recordCalls(SENTIMENT, { status: 503 }, { status: 502 }, {});
    recordCalls(demoService(1004), { status: 404 }, {});
    const { table } = await renderList({ attention: true });
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('link')
          .map((l) => l.textContent),
      ).toEqual(['Image Classifier', 'Sentiment Analyzer', 'Invoice Extractor']),
    );
    expect(cellsOf(table, 'Image Classifier')('Why')).toBe('Its last deploy failed');
    expect(cellsOf(table, 'Sentiment Analyzer')('Why')).toBe('2 server errors (5xx) in the last hour');
    expect(screen.getByRole('checkbox', { name: 'Needs attention' })).toHaveProperty('checked', true);
    expect(screen.getByText(/most errors first/)).toBeTruthy();
    // The list's own filters do not apply to this view: they are not offered.
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('says so when nothing needs attention', async () => {
    recordCalls(INVOICE, {});
    // The demo's one failed deploy, gone.
    await callPlatform('admin', 'DELETE', paths.service(SCOPE, demoService(1006)), undefined, { parse: () => null });
    const { onSearchChange } = await renderList({ attention: true });
    expect(await screen.findByRole('heading', { name: 'Nothing needs attention' })).toBeTruthy();
    screen.getByRole('button', { name: 'Show every service' }).click();
    expect(onSearchChange).toHaveBeenCalledWith({ attention: false, page: 1 });
  });

  it('drops the figures and the filter, with a sentence, on a platform without metrics or rollouts; the list still works', async () => {
    server.use(
      http.get(`*/api/v1${paths.serviceMetrics(SCOPE)}`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })),
      http.get(`*/api/v1${paths.serviceRollouts(SCOPE)}`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })),
    );
    const { table } = await renderList();
    expect(await screen.findByText(/Metrics are not available on this platform/)).toBeTruthy();
    expect(within(table).queryByRole('columnheader', { name: 'Requests (1 h)' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Needs attention' })).toBeNull();
    expect(within(table).getByRole('link', { name: 'Invoice Extractor' })).toBeTruthy();
  });
});
