import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { paths } from '@/contract/paths';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LIST_SEARCH_DEFAULTS, type ListSearch } from '@/lib/list-search';
import { addEndpoint, createService, newDraft, publish, versionsOf } from '@/testing/arrange';
import { platform, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { WithSearch } from '@/testing/search-state';
import { VersionsPage } from './versions-page';

/** A service with `count` versions: each published in turn (the last a draft), version 7 the first with `/refunds`. */
async function serviceWithVersions(slug: string, count: number) {
  const service = await createService(`Service ${slug}`, slug);
  await addEndpoint(service.id, { method: 'POST', path: '/invoices', summary: 'Read an invoice' });
  for (let n = 1; n < count; n++) {
    const [draft] = await versionsOf(service.id);
    if (n === 7) await addEndpoint(service.id, { method: 'POST', path: '/refunds', summary: 'Refund an invoice' });
    await publish(service.id, draft!.id, 100);
    await newDraft(service.id);
  }
  return service.id;
}

const versionLinks = () =>
  within(screen.getByRole('table', { name: /Versions of this service/ }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('the Versions tab', () => {
  beforeEach(() => signInAs('developer'));

  it('pages through the versions the platform pages, and searches them by number and endpoint, the search in the URL', async () => {
    const serviceId = await serviceWithVersions('many-versions', 12);
    const urls = vi.fn<(s: ListSearch) => void>();
    const { user } = await renderFeature(
      <WithSearch<ListSearch> initial={{ ...LIST_SEARCH_DEFAULTS, size: 10 }} onChange={urls}>
        {(props) => <VersionsPage scope={SCOPE} serviceId={serviceId} {...props} />}
      </WithSearch>,
    );
    await waitFor(() => expect(versionLinks()).toHaveLength(10));
    expect(versionLinks()[0]).toBe('Version 12');
    const paging = screen.getByRole('navigation', { name: 'Versions pages' });
    expect(within(paging).getByText('1–10 of 12')).toBeTruthy();

    await user.click(within(paging).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(versionLinks()).toEqual(['Version 2', 'Version 1']));
    expect(urls).toHaveBeenLastCalledWith({ q: '', page: 2, size: 10 });
    expect(within(paging).getByText('Page 2 of 2')).toBeTruthy();

    // A search starts again from the first page; it covers an endpoint's path as well as the number.
    await user.type(screen.getByRole('searchbox', { name: 'Search versions' }), '/refunds');
    await waitFor(() => expect(versionLinks()).toEqual(['Version 12', 'Version 11', 'Version 10', 'Version 9', 'Version 8', 'Version 7']));
    expect(urls).toHaveBeenLastCalledWith({ q: '/refunds', page: 1, size: 10 });
    expect(within(screen.getByRole('navigation', { name: 'Versions pages' })).getByText('1–6 of 6')).toBeTruthy();

    await user.clear(screen.getByRole('searchbox', { name: 'Search versions' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search versions' }), 'no such version{Enter}');
    expect(await screen.findByRole('heading', { name: 'No versions match “no such version”' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    await waitFor(() => expect(versionLinks()).toHaveLength(10));
    expect((screen.getByRole('searchbox', { name: 'Search versions' }) as HTMLInputElement).value).toBe('');
    // The lifecycle above the table still counts every version, not the page.
    // One draft at a time (version 12): the way is to it, not to a second one.
    expect(screen.getByRole('link', { name: 'Open draft v12' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New version' })).toBeNull();
  });

  it('offers the first page when the URL names a page past the end', async () => {
    const serviceId = await serviceWithVersions('short-versions', 2);
    const { user } = await renderFeature(
      <WithSearch<ListSearch> initial={{ ...LIST_SEARCH_DEFAULTS, page: 5 }}>
        {(props) => <VersionsPage scope={SCOPE} serviceId={serviceId} {...props} />}
      </WithSearch>,
    );
    await user.click(await screen.findByRole('button', { name: 'Go to the first page' }));
    await waitFor(() => expect(versionLinks()).toEqual(['Version 2', 'Version 1']));
  });

  it('shows every version, without paging, from a platform that answers with a bare array', async () => {
    const serviceId = await serviceWithVersions('bare-versions', 3);
    server.use(
      http.get(`*/api/v1${paths.versions(SCOPE, serviceId)}`, async ({ request }) => {
        const page = (await (await platform.app.fetch(request)).json()) as { items: unknown[] };
        return HttpResponse.json(page.items);
      }),
    );
    await renderFeature(
      <WithSearch<ListSearch> initial={{ ...LIST_SEARCH_DEFAULTS, size: 10 }}>
        {(props) => <VersionsPage scope={SCOPE} serviceId={serviceId} {...props} />}
      </WithSearch>,
    );
    await waitFor(() => expect(versionLinks()).toEqual(['Version 3', 'Version 2', 'Version 1']));
    expect(screen.queryByRole('navigation', { name: 'Versions pages' })).toBeNull();
  });
});
