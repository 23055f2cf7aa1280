import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageOrArray } from '@/contract/common';
import { paths } from '@/contract/paths';
import { MintResponse, Revocation } from '@/contract/tokens';
import { createService } from '@/testing/arrange';
import { callPlatform, SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { TokensPage } from './tokens-page';

const render = (serviceId: string) =>
  renderFeature(<TokensPage scope={SCOPE} serviceId={serviceId} search={{ expired: false }} onSearchChange={() => {}} />);
const revocationsOf = async (serviceId: string) =>
  (
    await callPlatform(
      'developer',
      'GET',
      `${paths.revocations(SCOPE, serviceId)}?include_expired=true`,
      undefined,
      pageOrArray(Revocation),
    )
  ).items;

describe('the Tokens tab', () => {
  beforeEach(() => signInAs('developer'));

  it('lists minted tokens and revokes one after a confirmation, sending its expiry', async () => {
    const service = await createService('Tokens listed', 'tokens-listed');
    const minted = await callPlatform(
      'developer',
      'POST',
      paths.mintToken(SCOPE, service.id),
      { claims: { tenant_id: 't-1' }, ttl_minutes: 30 },
      MintResponse,
    );
    const { user } = await render(service.id);
    const list = await screen.findByRole('region', { name: 'Minted tokens' });
    const row = await within(list).findByRole('row', { name: new RegExp(minted.jti) });
    expect(within(row).getByText('active')).toBeTruthy();
    expect(within(row).getByText('{"tenant_id":"t-1"}')).toBeTruthy();

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
});
