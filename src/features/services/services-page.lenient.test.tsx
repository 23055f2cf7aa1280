import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { platform, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { ServicesPage } from './services-page';
import { SERVICES_SEARCH_DEFAULTS } from './services-search';

type Json = Record<string, unknown>;

/** Alter what the mock answers, as a real platform's answer may differ. */
function alter(path: string, change: (body: Json) => unknown) {
  server.use(
    http.get(`*/api/v1${path}`, async ({ request }) => {
      const real = await platform.app.fetch(request);
      return HttpResponse.json(change((await real.json()) as Json) as Json);
    }),
  );
}

async function renderList() {
  await renderFeature(<ServicesPage scope={SCOPE} search={{ ...SERVICES_SEARCH_DEFAULTS }} onSearchChange={vi.fn()} />);
  return screen.findByRole('table', {}, { timeout: 5000 });
}

describe('the services list, on a platform whose answers differ a little', () => {
  it('shows a row it cannot read as an error row, with an unknown status, null settings and no paging as they came', async () => {
    await signInAs('developer');
    alter(paths.services(SCOPE), (body) => {
      const [first, second, ...rest] = body.items as Json[];
      const { deployment_state: _state, ...bare } = first!;
      return {
        items: [
          { ...bare, status: 'published', min_replicas: null, connector_bindings: null, updated_at: '2026-01-02T03:04:05' },
          { ...second, name: 42 },
          ...rest,
        ],
        total: body.total,
      };
    });
    const table = await renderList();
    await within(table).findByText(/could not be read/, {}, { timeout: 5000 });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(3);
    expect(within(table).queryAllByText('published')).toHaveLength(1);
    expect(within(table).queryAllByText(/could not be read/)).toHaveLength(1);
    expect(within(table).queryAllByText(/name: expected string/)).toHaveLength(1);
    expect(screen.queryAllByRole('link', { name: /new service/i })).toHaveLength(1);
  });

  it('reads a bare array, and rings without a position', async () => {
    await signInAs('developer');
    alter(paths.services(SCOPE), (body) => body.items);
    alter(paths.rings(SCOPE), (body) => (body.items as Json[]).map(({ position: _p, ...ring }) => ring));
    const table = await renderList();
    expect(await within(table).findAllByRole('link', { name: 'Invoice Extractor' }, { timeout: 5000 })).toHaveLength(1);
  });

  it('treats a role it does not know as a viewer: nothing to create', async () => {
    await signInAs('developer');
    alter(paths.whoami(), (body) => ({ ...body, role: 'superuser', name: null }));
    const table = await renderList();
    await within(table).findAllByRole('link', { name: 'Invoice Extractor' }, { timeout: 5000 });
    expect(screen.queryAllByRole('link', { name: /new service/i })).toHaveLength(0);
  });
});
