/**
 * Lists that grow past a page (CONTRACT §14): the console pages through them
 * and searches them with the platform, the page and the search in the URL.
 */
import { workspaceUrl } from './support/console';
import { expect, openTab, SERVICES_URL, test } from './support/fixtures';
import { ownWorkspace, platformAs, POSTGRES_CONFIG, unique } from './support/platform';
import { paths } from '../src/contract/paths';

/** The rows' version links, top to bottom. */
const versionRows = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: /Versions of this service/ }).getByRole('link', { name: /^Version \d+$/ });

test('the Versions tab pages through the versions and searches them by number and endpoint', async ({ asDeveloper: page, api }) => {
  // Twelve versions, each published in turn (the twelfth a draft); /refunds arrives with version 9.
  const service = await api.createInvocationService(unique('Many Versions'));
  await api.addEndpoint(service.id, { method: 'POST', path: '/invoices', summary: 'Read an invoice' });
  for (let n = 1; n < 12; n++) {
    if (n === 9) await api.addEndpoint(service.id, { method: 'POST', path: '/refunds', summary: 'Refund an invoice' });
    const [draft] = await api.versions(service.id);
    expect((await api.publish(service.id, draft!.id)).status()).toBe(200);
    await api.createVersion(service.id);
  }

  await page.goto(`${SERVICES_URL}/${service.id}`);
  await openTab(page, 'Versions');
  await expect(versionRows(page)).toHaveCount(12);
  const paging = page.getByRole('navigation', { name: 'Versions pages' });
  await expect(paging.getByText('1–12 of 12')).toBeVisible();

  await paging.getByLabel('Rows per page').selectOption('10');
  await expect(versionRows(page)).toHaveCount(10);
  await expect(versionRows(page).first()).toHaveText('Version 12');
  await paging.getByRole('button', { name: 'Next' }).click();
  await expect(versionRows(page)).toHaveText(['Version 2', 'Version 1']);
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page).toHaveURL(/[?&]size=10/);

  // The page is the URL's: a reload (or a link) opens it again.
  await page.reload();
  await expect(versionRows(page)).toHaveText(['Version 2', 'Version 1']);
  await expect(paging.getByText('Page 2 of 2')).toBeVisible();

  // A search starts from the first page: by an endpoint's path, then by number.
  const search = page.getByRole('searchbox', { name: 'Search versions' });
  await search.fill('/refunds');
  await expect(versionRows(page)).toHaveText(['Version 12', 'Version 11', 'Version 10', 'Version 9']);
  await expect(page).toHaveURL(/[?&]q=%2Frefunds/);
  await expect(page).not.toHaveURL(/[?&]page=/);
  await search.fill('v7');
  await expect(versionRows(page)).toHaveText(['Version 7']);
  await search.fill('nothing like it');
  await expect(page.getByRole('heading', { name: 'No versions match “nothing like it”' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(versionRows(page)).toHaveCount(10);
  await expect(search).toHaveValue('');
});

test('the Connectors page pages each type’s instances and searches them', async ({ asDeveloper: page, request }) => {
  // Its own workspace: it counts the instances there.
  const scope = await ownWorkspace(request);
  const admin = await platformAs(request, 'admin', scope);
  for (let i = 1; i <= 12; i++) {
    const name = `${i % 3 === 0 ? 'replica' : 'primary'}-${String(i).padStart(2, '0')}`;
    const res = await admin.send('POST', paths.instances(scope, 'postgresql'), {
      name,
      description: `Database ${i}`,
      config: POSTGRES_CONFIG,
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await page.goto(workspaceUrl('connectors', scope));
  const instances = page.getByRole('list', { name: 'PostgreSQL instances' }).getByRole('heading');
  const paging = page.getByRole('navigation', { name: 'PostgreSQL instances pages' });
  await expect(paging.getByText('1–12 of 12')).toBeVisible();
  await paging.getByLabel('Rows per page').selectOption('10');
  await expect(instances).toHaveCount(10);
  await expect(instances.first()).toHaveText('primary-01');
  await paging.getByRole('button', { name: 'Next' }).click();
  await expect(instances).toHaveText(['replica-09', 'replica-12']);
  await expect(page).toHaveURL(/postgresql/);
  // The other types keep their own first page.
  await expect(page.getByText('No Amazon S3 instances yet.')).toBeVisible();
  await page.reload();
  await expect(instances).toHaveText(['replica-09', 'replica-12']);

  await page.getByRole('searchbox', { name: 'Search instances' }).fill('replica');
  await expect(instances).toHaveText(['replica-03', 'replica-06', 'replica-09', 'replica-12']);
  await expect(paging.getByText('1–4 of 4')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No Amazon S3 instances match “replica”' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=replica/);
});

test('the API keys and the rings page and search too', async ({ asAdmin: page, request }) => {
  await page.goto(workspaceUrl('api-keys'));
  await page.getByRole('searchbox', { name: 'Search API keys' }).fill('viewer');
  await expect(page.getByRole('rowheader', { name: /Demo viewer key/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Demo admin key/ })).toBeHidden();
  await expect(page).toHaveURL(/[?&]q=viewer/);

  // Rings of its own, in a workspace of its own: it reads their places in the promotion path.
  await page.goto(workspaceUrl('rings', await ownWorkspace(request, ['dev', 'staging', 'prod'])));
  await page.getByRole('searchbox', { name: 'Search rings' }).fill('stag');
  const table = page.getByRole('table', { name: 'Rings in promotion order' });
  await expect(table.getByRole('rowheader')).toHaveText(['staging']);
  // Its place in the whole promotion path, not on the page.
  await expect(
    table
      .getByRole('row', { name: /staging/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('2');
  // The path above still shows every ring.
  await expect(page.getByRole('region', { name: 'Promotion path' })).toContainText('prod');
});
