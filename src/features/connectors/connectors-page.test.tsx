import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectorInstance } from '@/contract/connectors';
import { paths } from '@/contract/paths';
import { callPlatform, SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { textsIn } from '@/testing/texts';
import { WithSearch } from '@/testing/search-state';
import { ConnectorsPage } from './connectors-page';
import { CONNECTORS_SEARCH_DEFAULTS, type ConnectorsSearch } from './connectors-search';

const config = { host: 'db.example.com', port: 5432, database: 'app', user: 'svc', password: 'pw', ssl: true };

const postgresNames = () => textsIn('list', 'PostgreSQL instances', 'heading');

describe('the Connectors page', () => {
  beforeEach(() => signInAs('developer'));

  it('pages each type’s instances and searches them all, in the URL', async () => {
    // 29 more PostgreSQL instances beside the demo's orders-db: two pages of 25.
    for (let i = 1; i <= 29; i++) {
      const name = `replica-${String(i).padStart(2, '0')}`;
      await callPlatform('developer', 'POST', paths.instances(SCOPE, 'postgresql'), { name, config }, ConnectorInstance);
    }
    const urls = vi.fn<(s: ConnectorsSearch) => void>();
    const { user } = await renderFeature(
      <WithSearch<ConnectorsSearch> initial={CONNECTORS_SEARCH_DEFAULTS} onChange={urls}>
        {(props) => <ConnectorsPage scope={SCOPE} {...props} />}
      </WithSearch>,
    );
    await waitFor(() => expect(postgresNames()).toHaveLength(25));
    expect(postgresNames()[0]).toBe('orders-db');
    const paging = screen.getByRole('navigation', { name: 'PostgreSQL instances pages' });
    expect(within(paging).getByText('1–25 of 30')).toBeTruthy();
    // A type with one instance has one page: nothing to page to.
    expect(
      within(screen.getByRole('navigation', { name: 'Amazon S3 instances pages' })).queryByRole('button', { name: 'Next' }),
    ).toBeNull();

    await user.click(within(paging).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(postgresNames()).toEqual(['replica-25', 'replica-26', 'replica-27', 'replica-28', 'replica-29']));
    expect(urls).toHaveBeenLastCalledWith({ q: '', size: 25, pages: { postgresql: 2 } });

    // One search over every type: it starts every list again.
    await user.type(screen.getByRole('searchbox', { name: 'Search instances' }), 'replica-1');
    await waitFor(() => expect(postgresNames()).toHaveLength(10));
    expect(urls).toHaveBeenLastCalledWith({ q: 'replica-1', size: 25, pages: {} });
    expect(await screen.findByRole('heading', { name: 'No Amazon S3 instances match “replica-1”' })).toBeTruthy();
  });
});
