import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { paths } from '@/contract/paths';
import { canaryService, recordCalls } from '@/testing/arrange';
import { SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { TrafficPage } from './traffic-page';

const canary = (slug: string) => canaryService(`Traffic ${slug}`, slug, 20);

const rowOf = (version: string) => {
  const table = screen.getByRole('table', { name: 'Serving versions' });
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
  const cells = within(within(table).getByRole('rowheader', { name: version }).closest('tr')!).getAllByRole('cell');
  return (header: string) => cells[headers.indexOf(header) - 1]!.textContent;
};

describe('the Traffic tab’s last hour', () => {
  beforeEach(() => signInAs('developer'));

  it('shows beside each serving version its requests, error rate and p95, so promoting is not blind', async () => {
    const service = await canary('traffic-figures');
    recordCalls(
      service.id,
      { version: 2, status: 500, duration_ms: 900 },
      { version: 2, duration_ms: 100 },
      { version: 1, duration_ms: 40 },
    );
    await renderFeature(<TrafficPage scope={SCOPE} serviceId={service.id} />);
    await screen.findByRole('table', { name: 'Serving versions' });
    await waitFor(() => expect(rowOf('v2')('Requests (1 h)')).toBe('2'));
    expect(rowOf('v2')('Errors (5xx)')).toBe('50%');
    expect(rowOf('v1')('Errors (5xx)')).toBe('0%');
    expect(rowOf('v1')('p95')).toBe('40 ms');
  });

  it('says the figures are not available on a platform without metrics, and keeps the split', async () => {
    const service = await canary('traffic-no-figures');
    server.use(http.get(`*/api/v1${paths.metrics(SCOPE, service.id)}`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })));
    await renderFeature(<TrafficPage scope={SCOPE} serviceId={service.id} />);
    expect(await screen.findByText('Request metrics are not available on this platform.')).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Requests (1 h)' })).toBeNull();
    expect(screen.getByRole('button', { name: /Promote v2/ })).toBeTruthy();
  });
});
