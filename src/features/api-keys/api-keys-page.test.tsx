import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { TokenResponse } from '@/contract/auth';
import { paths } from '@/contract/paths';
import { platform, SCOPE, signInAs } from '@/testing/mock-platform';
import { LIST_SEARCH_DEFAULTS, type ListSearch } from '@/lib/list-search';
import { cachedText, renderFeature } from '@/testing/render';
import { WithSearch } from '@/testing/search-state';
import { ApiKeysPage } from './api-keys-page';

const keysPage = () => (
  <WithSearch<ListSearch> initial={{ ...LIST_SEARCH_DEFAULTS }}>{(props) => <ApiKeysPage scope={SCOPE} {...props} />}</WithSearch>
);

const exchange = async (api_key: string) =>
  platform.app.request(`/api/v1${paths.apiKeyExchange()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key }),
  });

describe('the API keys page', () => {
  beforeEach(() => signInAs('admin'));

  it('creates a key shown once, in a dialog that closes only once the user says it is copied', async () => {
    const { user, queryClient } = await renderFeature(keysPage());
    expect(await screen.findByRole('rowheader', { name: 'Demo admin key' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New API key' }));
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'CI pipeline');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const dialog = await screen.findByRole('dialog', { name: 'API key created' });
    const key = ((await within(dialog).findByRole('textbox', { name: /API key “CI pipeline”/ })) as HTMLInputElement).value;
    expect(key).toMatch(/^fl_/);
    expect(TokenResponse.parse(await (await exchange(key)).json()).access_token).toBeTruthy();
    // Escape and a click outside do nothing; Done waits for the confirmation.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'API key created' })).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(screen.getByRole('dialog', { name: 'API key created' })).toBeTruthy();
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done.hasAttribute('disabled')).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe(key);
    await user.click(within(dialog).getByRole('checkbox', { name: 'I have copied the key and stored it safely' }));
    // Even then, only Done closes it.
    await user.keyboard('{Escape}');
    fireEvent.pointerDown(document.body);
    expect(screen.getByRole('dialog', { name: 'API key created' })).toBeTruthy();
    await user.click(done);

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.innerHTML).not.toContain(key);
    const row = (await screen.findByRole('rowheader', { name: 'CI pipeline' })).closest('tr')!;
    expect(within(row).getByText(`${key.slice(0, 11)}…`)).toBeTruthy();
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toEqual([]));
    expect(cachedText(queryClient)).not.toContain(key);
  });

  it('revokes a key after asking: the exchange refuses it at once', async () => {
    const { user } = await renderFeature(keysPage());
    await user.click(await screen.findByRole('button', { name: 'Revoke Demo viewer key' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke Demo viewer key?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke key' }));
    const row = (await screen.findByRole('rowheader', { name: /Demo viewer key/ })).closest('tr')!;
    await waitFor(() => expect(within(row).getByText('revoked')).toBeTruthy());
    expect(within(row).queryByRole('button', { name: /Revoke/ })).toBeNull();
    expect((await exchange('fl_demo_viewer')).status).toBe(401);
    expect((await exchange('fl_demo_developer')).status).toBe(200);
  });

  it('is for admins only', async () => {
    await signInAs('developer');
    await renderFeature(keysPage());
    expect(await screen.findByText('Only admins manage API keys')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New API key' })).toBeNull();
  });
});
