import type { Page } from '@playwright/test';
import { serviceUrl, workspaceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { keyFile, platformAs, unique } from './support/platform';

async function fillCredentials(page: Page, c: { provider?: string; project?: string; region?: string; json?: string }) {
  if (c.provider) await page.getByLabel('Cloud provider').selectOption(c.provider);
  if (c.project !== undefined) await page.getByRole('textbox', { name: 'Project' }).fill(c.project);
  if (c.region !== undefined) await page.getByRole('textbox', { name: 'Region' }).fill(c.region);
  if (c.json !== undefined) await page.getByRole('textbox', { name: 'Credentials JSON' }).fill(c.json);
}

test.describe('cloud credentials, as the platform guide describes', () => {
  test('an admin sets the organization credentials, overrides them on one service and clears the override', async ({
    page,
    request,
    // An organization of its own: its credentials are every service's there.
    ownOrg: org,
  }) => {
    const api = await platformAs(request, org.accounts.admin, org.scope);
    const service = await api.publishedPersistent({ name: unique('Isolated Model') });
    const serviceCredentialsUrl = `${workspaceUrl('services', org.scope)}/${service.id}/credentials`;
    const orgProject = unique('acme-org');
    const serviceProject = unique('acme-isolated');

    // The organization's record, from the admin-only page in the sidebar.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Credentials' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cloud credentials' })).toBeVisible();
    // A new organization has none yet.
    await fillCredentials(page, { provider: 'gcp', project: orgProject, region: 'us-central1', json: keyFile() });
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect(page.getByRole('region', { name: 'Organization credentials' })).toContainText(orgProject);
    await expect(page.getByRole('textbox', { name: 'Credentials JSON' })).toHaveText('');

    // The service falls back to them.
    await page.goto(serviceCredentialsUrl);
    const inForce = page.getByRole('status', { name: 'Credentials in force' });
    await expect(inForce).toContainText('This service uses the organization’s credentials');
    await expect(page.getByRole('region', { name: 'Effective credentials' })).toContainText(orgProject);

    // Its own credentials take precedence.
    await fillCredentials(page, {
      provider: 'aws',
      project: serviceProject,
      region: 'eu-west-1',
      json: '{"access_key_id": "AKIAEXAMPLE", "secret_access_key": "x"}',
    });
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect(inForce).toContainText('This service uses its own credentials');
    await expect(page.getByRole('region', { name: 'This service’s credentials' })).toContainText('in force');
    await expect(page.getByRole('region', { name: 'This service’s credentials' })).toContainText(serviceProject);
    await expect(page.getByRole('region', { name: 'Organization’s credentials' })).toContainText('overridden');
    await expect(page.getByRole('textbox', { name: 'Credentials JSON' })).toHaveText('');

    // The admin page lists the override and links to it.
    await page.goto(workspaceUrl('credentials', org.scope));
    await page.getByRole('region', { name: 'Services that override them' }).getByRole('link', { name: service.name }).click();
    await expect(page).toHaveURL(serviceCredentialsUrl);

    await page.getByRole('button', { name: 'Clear service credentials' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Clear this service’s credentials?' });
    await expect(dialog).toContainText(`gcp / ${orgProject}`);
    await dialog.getByRole('button', { name: 'Clear service credentials' }).click();
    await expect(inForce).toContainText('This service uses the organization’s credentials');
    await expect(page.getByRole('region', { name: 'This service’s credentials' })).toContainText('None set.');
  });

  test('a developer cannot see the organization credentials page, and the server refuses them', async ({ asDeveloper: page, request }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Hosted Services' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Credentials' })).toHaveCount(0);

    await page.goto(workspaceUrl('credentials'));
    await expect(page.getByRole('heading', { name: 'Only admins manage organization credentials' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Credentials JSON' })).toHaveCount(0);

    const api = await platformAs(request);
    expect((await api.getOrgCredentials()).status()).toBe(403);
    expect((await api.putOrgCredentials({ cloud_provider: 'gcp', cloud_project_id: 'x', cloud_credentials_json: '{}' })).status()).toBe(
      403,
    );
  });

  test('the secret is kept nowhere the browser can see after saving', async ({ asDeveloper: page, api }) => {
    const service = await api.publishedPersistent();
    const marker = unique('SECRET-MARKER');
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(m.text()));

    await page.goto(serviceUrl(service, 'credentials'));
    await fillCredentials(page, { provider: 'gcp', project: unique('marker-proj'), json: keyFile(marker) });

    // Every response from here on: none may echo the secret.
    const leaks: string[] = [];
    page.on('response', async (res) => {
      if (!res.url().includes('/api/v1/')) return;
      const body = await res.text().catch(() => '');
      if (body.includes(marker)) leaks.push(`${res.request().method()} ${res.url()}`);
    });

    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect(page.getByRole('status', { name: 'Credentials in force' })).toContainText('This service uses its own credentials');
    await expect(page.getByRole('textbox', { name: 'Credentials JSON' })).toHaveText('');

    // Reload the tab's data and look everywhere the page can.
    await page.reload();
    await expect(page.getByRole('status', { name: 'Credentials in force' })).toContainText('This service uses its own credentials');
    const seen = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      url: location.href,
      history: JSON.stringify(history.state),
      dom: document.documentElement.outerHTML,
    }));
    for (const [where, text] of Object.entries(seen)) expect(text, where).not.toContain(marker);
    expect(consoleLines.filter((l) => l.includes(marker))).toEqual([]);
    expect(leaks).toEqual([]);
  });

  test('invalid JSON, a missing provider and a viewer are refused with clear errors', async ({ asDeveloper: page, api, request }) => {
    const service = await api.publishedPersistent();
    await page.goto(serviceUrl(service, 'credentials'));

    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect(page.getByText('Choose a cloud provider: gcp, aws or azure')).toBeVisible();
    await expect(page.getByText('Project is required')).toBeVisible();
    await expect(page.getByText('Paste the credentials JSON')).toBeVisible();

    await fillCredentials(page, { provider: 'gcp', project: 'acme', json: '{\n  "type": "service_account",\n  oops\n}' });
    await expect(page.getByText(/The credentials are not valid JSON at line 3, column \d+/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Credentials JSON' })).toHaveAttribute('aria-invalid', 'true');

    // A document that is JSON but not a GCP service account key is refused before sending, naming what it lacks.
    await fillCredentials(page, { json: '{"foo": 1}' });
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect(
      page.getByText(
        'A GCP service account key needs type, project_id, private_key, client_email; missing: type, project_id, private_key, client_email',
      ),
    ).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Credentials JSON' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('status', { name: 'Credentials in force' })).toContainText(
      'This service uses the organization’s credentials',
    );

    // The server says the same for what gets past a browser.
    expect(
      (
        await api.putServiceCredentials(service.id, { cloud_provider: 'gcp', cloud_project_id: 'acme', cloud_credentials_json: '{oops' })
      ).status(),
    ).toBe(422);
    expect((await api.putServiceCredentials(service.id, { cloud_project_id: 'acme', cloud_credentials_json: '{}' })).status()).toBe(422);
    const shape = await api.putServiceCredentials(service.id, {
      cloud_provider: 'gcp',
      cloud_project_id: 'acme',
      cloud_credentials_json: '{"foo": 1}',
    });
    expect(shape.status()).toBe(422);
    expect((await shape.json()).detail[0].loc).toEqual(['body', 'cloud_credentials_json']);

    // A viewer reads which credentials are in force but may not send any.
    const viewer = await platformAs(request, 'viewer');
    expect(
      (
        await viewer.putServiceCredentials(service.id, {
          cloud_provider: 'gcp',
          cloud_project_id: 'acme',
          cloud_credentials_json: '{"k": 1}',
        })
      ).status(),
    ).toBe(403);
  });

  test('a viewer sees the credentials read-only, with the reason', async ({ asViewer: page, api }) => {
    const service = await api.publishedPersistent();
    await page.goto(serviceUrl(service, 'credentials'));
    await expect(page.getByRole('status', { name: 'Credentials in force' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Your role (viewer) cannot do this.');
    await expect(page.getByRole('textbox', { name: 'Credentials JSON' })).toHaveCount(0);
  });
});
