import type { Page } from '@playwright/test';
import { paths } from '../src/contract/paths';
import { workspaceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { platformAs, SCOPE, unique } from './support/platform';

const ringName = (prefix: string) => unique(prefix).toLowerCase();
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
const order = async (page: Page) => page.getByRole('rowheader').allTextContents();

test.describe('rings, the promotion path', () => {
  test('an admin creates a ring, moves it along the path and deletes it', async ({ asAdmin: page }) => {
    const name = ringName('canary');
    await page.goto(workspaceUrl('rings'));
    await expect(page.getByRole('heading', { level: 1, name: 'Rings' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Promotion path: dev → staging → prod/ })).toBeVisible();

    await page.getByRole('button', { name: 'New ring' }).click();
    const dialog = page.getByRole('dialog', { name: 'New ring' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Description').fill('Five percent of prod traffic');
    await dialog.getByRole('button', { name: 'Create ring' }).click();
    await expect(dialog).toBeHidden();

    // Added at the end of the path (other tests may add rings too: compare with its neighbour only).
    await expect(row(page, name)).toContainText('Five percent of prod traffic');
    const before = await order(page);
    const prev = before[before.indexOf(name) - 1]!;
    expect(before.indexOf('prod')).toBeLessThan(before.indexOf(name));
    await expect(page.getByRole('img', { name: new RegExp(`${prev} → ${name}`) })).toBeVisible();

    // Move up once with the keyboard: the focus stays on the ring that moved.
    await page.getByRole('button', { name: `Move ${name} up` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `${name} moved to position` })).toBeAttached();
    await expect
      .poll(async () => {
        const now = await order(page);
        return now.indexOf(name) < now.indexOf(prev);
      })
      .toBe(true);
    await expect(page.getByRole('button', { name: `Move ${name} up` })).toBeFocused();
    await expect(page.getByRole('img', { name: new RegExp(`${name} → ${prev}`) })).toBeVisible();

    // And back down.
    await page.getByRole('button', { name: `Move ${name} down` }).click();
    await expect
      .poll(async () => {
        const now = await order(page);
        return now.indexOf(name) > now.indexOf(prev);
      })
      .toBe(true);

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
    const api = await platformAs(request, 'admin');
    const ring = await api.createRing(ringName('busy'));
    const first = await api.createInvocationService(unique('Ring User'), ring.id);

    await page.goto(workspaceUrl('rings'));
    // Said before trying: the ring's services are listed and Delete is disabled.
    await expect(row(page, ring.name)).toContainText(first.name);
    await expect(page.getByRole('button', { name: `Delete ${ring.name}` })).toBeDisabled();

    // A ring that looked free when the page loaded: the platform's 409 names the service.
    const free = await api.createRing(ringName('free'));
    await page.reload();
    await page.getByRole('button', { name: `Delete ${free.name}` }).click();
    const late = await api.createInvocationService(unique('Late User'), free.id);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete ring' }).click();
    await expect(page.getByRole('alertdialog').getByRole('alert')).toContainText(late.slug);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(row(page, free.name)).toContainText(late.name);
  });

  test('a duplicate ring name is refused on the Name field', async ({ asAdmin: page, request }) => {
    const api = await platformAs(request, 'admin');
    const taken = await api.createRing(ringName('taken'));
    await page.goto(workspaceUrl('rings'));
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
    await page.goto(workspaceUrl('rings'));
    await expect(page.getByRole('rowheader', { name: 'dev', exact: true })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Your role (developer) cannot do this. Ask an admin.');
    await expect(page.getByRole('button', { name: 'New ring' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Move|Edit|Delete) / })).toHaveCount(0);

    const dev = await platformAs(request, 'developer');
    const refused = await dev.send('POST', paths.rings(SCOPE), { name: ringName('nope') });
    expect(refused.status()).toBe(403);
  });
});
