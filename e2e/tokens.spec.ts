import { serviceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { platformAs, unique } from './support/platform';

/** Where a page could keep a token: none may hold it. */
const NOWHERE = { local: false, session: false, url: false, dom: false, history: false };

test.describe('service tokens', () => {
  test(
    'mints a token shown once, calls the gateway with it, revokes it, and the gateway refuses it',
    { tag: '@phone' },
    async ({ asDeveloper: page, request, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const api = await platformAs(request, 'developer');
      const service = await api.publishedInvocation();
      await page.goto(serviceUrl(service, 'tokens'));

      await page.getByLabel('Claims (JSON object)').fill('{"tenant_id": "t-e2e", "role": "reader"}');
      await page.getByLabel('TTL (minutes)').fill('30');
      await page.getByRole('button', { name: 'Mint token' }).click();

      const dialog = page.getByRole('dialog', { name: 'Token minted' });
      await expect(dialog.getByText('This token will not be shown again.')).toBeVisible();
      const token = await dialog.getByLabel('Service token').inputValue();
      const jti = (await dialog.getByRole('definition').first().textContent())!.trim();
      const expiresAt = (await dialog.getByRole('definition').nth(1).locator('time').getAttribute('datetime'))!;
      expect(token.split('.')).toHaveLength(3);
      await dialog.getByRole('button', { name: 'Copy' }).click();
      await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

      const ok = await api.gateway(service.id, token);
      expect(ok.status(), await ok.text()).toBe(200);
      expect(ok.headers()['x-service-version']).toMatch(/^\d+$/);

      await dialog.getByRole('button', { name: 'I have copied it' }).click();
      await expect(dialog).toBeHidden();
      // Focus is back on Mint token (it stays focusable while it sends), not on the page's heading.
      await expect(page.getByRole('button', { name: 'Mint token' })).toBeFocused();
      // Gone from the page once the dialog is closed.
      expect(await page.content()).not.toContain(token);
      // Listed, and its Revoke is on the screen (a phone's too), not past the list's edge.
      const listed = page.getByRole('region', { name: 'Minted tokens' }).getByRole('row').filter({ hasText: jti });
      const revoke = await listed.getByRole('button', { name: `Revoke token ${jti}` }).boundingBox();
      expect(revoke!.x + revoke!.width).toBeLessThanOrEqual(page.viewportSize()!.width);

      // Seed 004's revoke(jti, expires_at, reason), typed by hand; an expiry before the token's own is kept as given.
      const until = new Date(Date.parse(expiresAt) - 10 * 60_000).toISOString();
      await page.getByLabel('Token ID (jti)').fill(jti);
      await page.getByLabel('Token expiry (expires_at)').fill(until);
      await page.getByLabel('Reason').first().fill('e2e: no longer needed');
      await page.getByRole('button', { name: 'Revoke token', exact: true }).click();
      await page.getByRole('alertdialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();
      const revocations = page.getByRole('region', { name: 'Revocations' });
      const revocation = revocations.getByRole('row').filter({ hasText: jti });
      await expect(revocation).toContainText('e2e: no longer needed');
      expect(await revocation.getByRole('cell').nth(4).locator('time').getAttribute('datetime')).toBe(until);

      const refused = await api.gateway(service.id, token);
      expect(refused.status()).toBe(401);
    },
  );

  test('a minted token exists nowhere after its dialog closes', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Minted Once'));
    await page.goto(serviceUrl(service, 'tokens'));
    await page.getByRole('button', { name: 'Mint token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Token minted' });
    const token = await dialog.getByLabel('Service token').inputValue();
    expect(token.length).toBeGreaterThan(20);
    // Shown once: Escape and a click outside do not close it; only the explicit acknowledgement does.
    await page.keyboard.press('Escape');
    await page.mouse.click(5, 5);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await expect(dialog).toBeHidden();

    const scan = () =>
      page.evaluate(
        (t) => ({
          local: JSON.stringify({ ...localStorage }).includes(t),
          session: JSON.stringify({ ...sessionStorage }).includes(t),
          url: location.href.includes(t),
          dom: document.documentElement.outerHTML.includes(t),
          history: JSON.stringify(history.state ?? null).includes(t),
        }),
        token,
      );
    expect(await scan()).toEqual(NOWHERE);

    // Away and back: nothing restores it (the mutation left the cache with its dialog).
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('link', { name: 'Tokens' }).click();
    await expect(page.getByRole('button', { name: 'Mint token' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await scan()).toEqual(NOWHERE);
  });

  test('bad claims and a TTL out of range are refused with clear errors', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Claims'));
    await page.goto(serviceUrl(service, 'tokens'));
    const claims = page.getByLabel('Claims (JSON object)');
    const ttl = page.getByLabel('TTL (minutes)');

    await claims.fill('["not", "an", "object"]');
    await expect(page.getByText('Claims must be a JSON object')).toBeVisible();
    await claims.fill('{"tenant_id": ');
    await expect(page.getByText(/Claims are not valid JSON/)).toBeVisible();
    await claims.fill('{"tenant_id": "t-1"}');
    await expect(claims).not.toHaveAttribute('aria-invalid', 'true');

    await ttl.fill('0');
    await expect(page.getByText('TTL must be at least 1 minute')).toBeVisible();
    await ttl.fill('10081');
    await expect(page.getByText('TTL must be at most 10080 minutes (7 days)')).toBeVisible();
    await page.getByRole('button', { name: 'Mint token' }).click();
    await expect(page.getByRole('dialog', { name: 'Token minted' })).toHaveCount(0);

    // The platform refuses reserved claims; the message lands on the Claims field.
    await ttl.fill('10');
    await claims.fill('{"sub": "someone-else"}');
    await page.getByRole('button', { name: 'Mint token' }).click();
    await expect(page.getByText('sub is set by the platform')).toBeVisible();
    await expect(claims).toHaveAttribute('aria-invalid', 'true');
  });

  test('revoke all asks for a reason and the service slug, then every earlier token is refused', async ({ asDeveloper: page, request }) => {
    const api = await platformAs(request, 'developer');
    const [ring] = await api.rings();
    const service = await api.createInvocationService(`Tokens ${Date.now().toString(36)}`, ring!.id);
    // A fresh service has no published version; the gateway's answer only matters as "not 401".
    const minted = await api.mint(service.id);
    expect((await api.gateway(service.id, minted.token)).status()).not.toBe(401);

    await page.goto(serviceUrl(service, 'tokens'));
    await page.getByRole('button', { name: 'Revoke all tokens' }).click();
    await expect(page.getByText('Give a reason')).toBeVisible();
    await page.getByRole('region', { name: 'Revoke all tokens' }).getByLabel('Reason').fill('Rotating credentials');
    await page.getByRole('button', { name: 'Revoke all tokens' }).click();

    const confirm = page.getByRole('alertdialog', {
      name: `Revoke every token of ${service.name}?`,
    });
    await expect(confirm.getByRole('button', { name: 'Revoke all tokens' })).toBeDisabled();
    await confirm.getByLabel(`Type ${service.slug} to confirm`).fill(service.slug);
    await confirm.getByRole('button', { name: 'Revoke all tokens' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('region', { name: 'Revocations' }).getByRole('row').filter({ hasText: 'all tokens' })).toContainText(
      'Rotating credentials',
    );
    expect((await api.gateway(service.id, minted.token)).status()).toBe(401);

    // The include-expired toggle is in the URL.
    await page.getByLabel('Include expired').check();
    await expect(page).toHaveURL(/expired=true/);
    await expect(page.getByRole('region', { name: 'Revocations' })).toContainText('including those whose tokens have expired');
  });

  test("lists minted tokens with their status; Revoke asks first and sends the token's expiry, then the gateway refuses it", async ({
    asDeveloper: page,
    api,
  }) => {
    const service = await api.createInvocationService(unique('Listed Tokens'));
    const kept = await api.mint(service.id);
    const leaked = await api.mint(service.id);
    await page.goto(serviceUrl(service, 'tokens'));

    const list = page.getByRole('region', { name: 'Minted tokens' });
    const row = (jti: string) => list.getByRole('row').filter({ hasText: jti });
    await expect(row(kept.jti)).toContainText('active');
    await expect(row(leaked.jti)).toContainText('active');
    // Newest first; the token itself is nowhere on the page.
    await expect(list.getByRole('row').nth(1)).toContainText(leaked.jti);
    expect(await page.content()).not.toContain(leaked.token);

    await row(leaked.jti)
      .getByRole('button', { name: `Revoke token ${leaked.jti}` })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Revoke this token?' });
    await expect(confirm).toContainText(leaked.jti);
    // Cancel changes nothing.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(row(leaked.jti)).toContainText('active');

    await row(leaked.jti)
      .getByRole('button', { name: `Revoke token ${leaked.jti}` })
      .click();
    await confirm.getByLabel('Reason').fill('leaked in a log');
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await expect(row(leaked.jti)).toContainText('revoked');
    await expect(row(leaked.jti).getByRole('button', { name: /Revoke/ })).toHaveCount(0);
    await expect(row(kept.jti)).toContainText('active');

    // The revocation is in force until the token would have expired: a real time, never a dash.
    const revocation = page.getByRole('region', { name: 'Revocations' }).getByRole('row').filter({ hasText: leaked.jti });
    await expect(revocation).toContainText('leaked in a log');
    const until = await revocation.getByRole('cell').nth(4).locator('time').getAttribute('datetime');
    expect(until).toBe(leaked.expires_at);
    expect((await api.gateway(service.id, leaked.token)).status()).toBe(401);
    expect((await api.gateway(service.id, kept.token)).status()).not.toBe(401);
  });

  test("revoking an ID the service never issued is refused with the platform's error, never reported as revoked", async ({
    asDeveloper: page,
    api,
  }) => {
    const service = await api.createInvocationService(unique('Typo Tokens'));
    await page.goto(serviceUrl(service, 'tokens'));
    await page.getByLabel('Token ID (jti)').fill('not-a-jti');
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByRole('alertdialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'No token with ID not-a-jti was issued by this service' })).toBeVisible();
    await expect(page.getByText(/revoked: the gateway/)).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Revocations' })).toContainText('No revocations');
    // What was typed stays, to be corrected.
    await expect(page.getByLabel('Token ID (jti)')).toHaveValue('not-a-jti');
  });

  test('a viewer sees revocations only', async ({ asViewer: page, api }) => {
    const service = await api.createInvocationService(unique('Viewed Tokens'));
    await page.goto(serviceUrl(service, 'tokens'));
    await expect(page.getByRole('note')).toContainText('Your role (viewer) cannot do this.');
    await expect(page.getByRole('region', { name: 'Revocations' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Mint token|Revoke/ })).toHaveCount(0);
  });
});
