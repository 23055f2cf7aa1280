import type { Page } from '@playwright/test';
import { paths } from '../src/contract/paths';
import { workspaceUrl } from './support/console';
import { expect, settled, test } from './support/fixtures';
import { ownWorkspace, platformAs, unique } from './support/platform';

const ringName = (prefix: string) => unique(prefix).toLowerCase();
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
const order = async (page: Page) => page.getByRole('rowheader').allTextContents();

/** A promotion path is a workspace's: each story that changes one has a workspace of its own (ownWorkspace). */
test.describe('rings, the promotion path', () => {
  test('an admin creates a ring, moves it along the path and deletes it', async ({ asAdmin: page, request }) => {
    const scope = await ownWorkspace(request, ['dev', 'staging', 'prod']);
    const name = ringName('canary');
    await page.goto(workspaceUrl('rings', scope));
    await expect(page.getByRole('heading', { level: 1, name: 'Rings' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Promotion path: dev → staging → prod\b/ })).toBeVisible();

    await page.getByRole('button', { name: 'New ring' }).click();
    const dialog = page.getByRole('dialog', { name: 'New ring' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Description').fill('Five percent of prod traffic');
    await dialog.getByRole('button', { name: 'Create ring' }).click();
    await expect(dialog).toBeHidden();

    // Added at the end of the path.
    await expect(row(page, name)).toContainText('Five percent of prod traffic');
    await expect.poll(() => order(page)).toEqual(['dev', 'staging', 'prod', name]);
    await expect(page.getByRole('img', { name: new RegExp(`^Promotion path: dev → staging → prod → ${name}`) })).toBeVisible();

    // Move up once with the keyboard: the focus stays on the ring that moved.
    await page.getByRole('button', { name: `Move ${name} up` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `${name} moved to position` })).toBeAttached();
    await expect.poll(() => order(page)).toEqual(['dev', 'staging', name, 'prod']);
    await expect(page.getByRole('button', { name: `Move ${name} up` })).toBeFocused();
    await expect(page.getByRole('img', { name: new RegExp(`^Promotion path: dev → staging → ${name} → prod`) })).toBeVisible();

    // And back down.
    await page.getByRole('button', { name: `Move ${name} down` }).click();
    await expect.poll(() => order(page)).toEqual(['dev', 'staging', 'prod', name]);

    // Rename it.
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ring ${name}` });
    await edit.getByLabel('Name').fill(`${name}-2`);
    await edit.getByRole('button', { name: 'Save ring' }).click();
    await expect(row(page, `${name}-2`)).toBeVisible();

    await page.getByRole('button', { name: `Delete ${name}-2` }).click();
    const confirm = page.getByRole('alertdialog', {
      name: `Delete ring ${name}-2?`,
    });
    await confirm.getByRole('button', { name: 'Delete ring' }).click();
    await expect(confirm).toBeHidden();
    await expect(row(page, `${name}-2`)).toHaveCount(0);
  });

  test('a ring in use cannot be deleted, and the console says which services use it', async ({ asAdmin: page, request }) => {
    const scope = await ownWorkspace(request);
    const api = await platformAs(request, 'admin', scope);
    const ring = await api.createRing(ringName('busy'));
    const first = await api.createInvocationService(unique('Ring User'), ring.id);

    await page.goto(workspaceUrl('rings', scope));
    // Said before trying: the ring's services are listed and Delete is disabled.
    await expect(row(page, ring.name)).toContainText(first.name);
    await expect(page.getByRole('button', { name: `Delete ${ring.name}` })).toBeDisabled();

    // A ring that looked free when the page loaded: the platform's 409 names the service.
    const free = await api.createRing(ringName('free'));
    await page.reload();
    // The promotion path is drawn (smaller than its placeholder) before the click: the table moves up when it comes.
    await expect(row(page, free.name)).toBeVisible();
    await settled(page);
    await page.getByRole('button', { name: `Delete ${free.name}` }).click();
    const late = await api.createInvocationService(unique('Late User'), free.id);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete ring' }).click();
    await expect(page.getByRole('alertdialog').getByRole('alert')).toContainText(late.slug);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(row(page, free.name)).toContainText(late.name);

    // Each service named is a way to its Settings, where its ring is changed.
    await row(page, free.name).getByRole('link', { name: late.name }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${late.id}/settings$`));
    await expect(page.getByRole('heading', { level: 1, name: late.name })).toBeVisible();
    await expect(page.getByLabel('Ring')).toHaveValue(free.id);
  });

  test('a duplicate ring name is refused on the Name field', async ({ asAdmin: page, request }) => {
    const scope = await ownWorkspace(request);
    const taken = await (await platformAs(request, 'admin', scope)).createRing(ringName('taken'));
    await page.goto(workspaceUrl('rings', scope));
    await page.getByRole('button', { name: 'New ring' }).click();
    const dialog = page.getByRole('dialog', { name: 'New ring' });
    await dialog.getByLabel('Name').fill('Bad Name');
    await dialog.getByLabel('Description').click();
    await expect(dialog.getByText('Use lowercase letters, digits and hyphens, starting with a letter')).toBeVisible();
    await dialog.getByLabel('Name').fill(taken.name);
    await dialog.getByRole('button', { name: 'Create ring' }).click();
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText(new RegExp(`${taken.name}.*(exists|taken)|already`))).toBeVisible();
  });

  test('a developer sees the rings read-only, and the platform refuses their writes', async ({ asDeveloper: page, request }) => {
    const scope = await ownWorkspace(request, ['dev']);
    await page.goto(workspaceUrl('rings', scope));
    await expect(page.getByRole('rowheader', { name: 'dev', exact: true })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Your role (developer) cannot do this. Ask an admin.');
    await expect(page.getByRole('button', { name: 'New ring' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Move|Edit|Delete) / })).toHaveCount(0);

    const dev = await platformAs(request, 'developer', scope);
    const refused = await dev.send('POST', paths.rings(scope), { name: ringName('nope') });
    expect(refused.status()).toBe(403);
  });
});
