import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { paths } from '@/contract/paths';
import { MintResponse, Revocation } from '@/contract/tokens';
import { createService, listOf } from '@/testing/arrange';
import { callPlatform, SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { TokensPage } from './tokens-page';

const render = (serviceId: string) =>
  renderFeature(<TokensPage scope={SCOPE} serviceId={serviceId} search={{ expired: false }} onSearchChange={() => {}} />);
const revocationsOf = (serviceId: string) => listOf(`${paths.revocations(SCOPE, serviceId)}?include_expired=true`, Revocation);

describe('the Tokens tab', () => {
  beforeEach(() => signInAs('developer'));

  it('lists minted tokens and revokes one after a confirmation, sending its expiry', async () => {
    const service = await createService('Tokens listed', 'tokens-listed');
    const minted = await callPlatform(
      'developer',
      'POST',
      paths.mintToken(SCOPE, service.id),
      { claims: { tenant_id: 't-1', role: 'reader' }, ttl_minutes: 30 },
      MintResponse,
    );
    const { user } = await render(service.id);
    const list = await screen.findByRole('region', { name: 'Minted tokens' });
    const row = await within(list).findByRole('row', { name: new RegExp(minted.jti) });
    expect(within(row).getByText('active')).toBeTruthy();
    // Spaced, so that a narrow column wraps between claims rather than inside one.
    expect(within(row).getByText('{"tenant_id": "t-1", "role": "reader"}')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: `Revoke token ${minted.jti}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this token?' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'leaked');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));

    await waitFor(async () =>
      expect(await revocationsOf(service.id)).toMatchObject([{ jti: minted.jti, reason: 'leaked', expires_at: minted.expires_at }]),
    );
    expect(await within(list).findByText('revoked')).toBeTruthy();
  });

  it('refuses an ID the service never issued with the platform’s error, and revokes nothing', async () => {
    const service = await createService('Tokens typo', 'tokens-typo');
    const { user } = await render(service.id);
    await user.type(await screen.findByRole('textbox', { name: /Token ID/ }), 'not-a-jti');
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke this token?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke token' }));

    expect(await screen.findByText('No token with ID not-a-jti was issued by this service')).toBeTruthy();
    expect(screen.queryByText(/revoked: the gateway/)).toBeNull();
    expect(await revocationsOf(service.id)).toEqual([]);
  });

  describe('revoking a token typed by hand', () => {
    const mintFor = async (slug: string) => {
      const service = await createService(`Tokens ${slug}`, slug);
      const minted = await callPlatform('developer', 'POST', paths.mintToken(SCOPE, service.id), { ttl_minutes: 120 }, MintResponse);
      return { service, minted };
    };
    const fillAndConfirm = async (user: Awaited<ReturnType<typeof render>>['user'], jti: string, expiresAt: string) => {
      await user.type(await screen.findByRole('textbox', { name: /Token ID/ }), jti);
      const expiry = screen.getByRole('textbox', { name: /Token expiry/ });
      await user.clear(expiry);
      if (expiresAt) await user.type(expiry, expiresAt);
      await user.click(screen.getByRole('button', { name: 'Revoke token' }));
      return expiry;
    };

    it('sends the expiry it is given (seed 004’s expires_at), and the platform keeps the revocation until then', async () => {
      const { service, minted } = await mintFor('by-hand-expiry');
      const soon = new Date(Date.parse(minted.expires_at) - 60 * 60_000).toISOString();
      const { user } = await render(service.id);
      await fillAndConfirm(user, minted.jti, soon);
      const confirm = await screen.findByRole('alertdialog', { name: 'Revoke this token?' });
      await user.click(within(confirm).getByRole('button', { name: 'Revoke token' }));

      await waitFor(async () => expect(await revocationsOf(service.id)).toMatchObject([{ jti: minted.jti, expires_at: soon }]));
    });

    it('checks the expiry with the contract’s schema before sending, and puts the platform’s refusal on the field', async () => {
      const { service, minted } = await mintFor('by-hand-refused');
      const { user } = await render(service.id);
      const expiry = await fillAndConfirm(user, minted.jti, 'tomorrow');
      expect(await screen.findByText(/Invalid ISO datetime/)).toBeTruthy();
      expect(expiry.getAttribute('aria-invalid')).toBe('true');
      expect(screen.queryByRole('alertdialog')).toBeNull();

      // A moment before the token was issued: only the platform knows that.
      await user.clear(expiry);
      await user.type(expiry, '2020-01-01T00:00:00Z');
      await user.click(screen.getByRole('button', { name: 'Revoke token' }));
      await user.click(
        within(await screen.findByRole('alertdialog', { name: 'Revoke this token?' })).getByRole('button', { name: 'Revoke token' }),
      );
      expect(await screen.findByText(/^expires_at is before the token was issued/)).toBeTruthy();
      await waitFor(() => expect(expiry.getAttribute('aria-invalid')).toBe('true'));
      expect(expiry).toHaveProperty('value', '2020-01-01T00:00:00Z');
      expect(await revocationsOf(service.id)).toEqual([]);
    });

    it('with no expiry given, sends the one the list knows', async () => {
      const { service, minted } = await mintFor('by-hand-known');
      const { user } = await render(service.id);
      await within(await screen.findByRole('region', { name: 'Minted tokens' })).findByRole('row', { name: new RegExp(minted.jti) });
      await fillAndConfirm(user, minted.jti, '');
      await user.click(
        within(await screen.findByRole('alertdialog', { name: 'Revoke this token?' })).getByRole('button', { name: 'Revoke token' }),
      );
      await waitFor(async () =>
        expect(await revocationsOf(service.id)).toMatchObject([{ jti: minted.jti, expires_at: minted.expires_at }]),
      );
    });
  });
});
