import type { Page } from '@playwright/test';
import { paths } from '../src/contract/paths';
import { expectAccessible, FRAME } from './support/axe';
import { advanceClock, PHASE_MS } from './support/clock';
import { workspaceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { platformAs, POSTGRES_CONFIG, SCOPE, unique } from './support/platform';

/** An instance of the story's own (every SQL instance starts with the seed's users and orders), opened from the Connectors page. */
async function openNewDatabase(page: Page, request: Parameters<typeof platformAs>[0], prefix: string) {
  const admin = await platformAs(request, 'admin');
  const instance = await admin.createInstance('postgresql', unique(prefix), POSTGRES_CONFIG);
  await page.goto(workspaceUrl('connectors'));
  await page.getByRole('link', { name: `Operations of ${instance.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: instance.name })).toBeVisible();
  await expect(page).toHaveTitle(`${instance.name} · Connectors · Hosted Services`);
  return instance;
}

const result = (page: Page) => page.getByRole('region', { name: 'Result' });
const rowsFrom = (page: Page, operation: string) => result(page).getByRole('region', { name: `Rows from ${operation}` });

async function runQuery(page: Page, sql: string) {
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('read_query');
  await page.getByRole('textbox', { name: 'SQL query' }).fill(sql);
  await page.getByRole('button', { name: 'Run Read query' }).click();
}

test.describe('connector operations', () => {
  test('runs a query and reads the rows @phone', async ({ asDeveloper: page, request }) => {
    await openNewDatabase(page, request, 'query-db');
    // The form starts with seed 002's own query.
    await expect(page.getByRole('textbox', { name: 'SQL query' })).toHaveText('SELECT * FROM users LIMIT 10');
    // A statement longer than the field wraps: its end is within the card, not past an edge that scrolls sideways.
    const ddl = page.getByRole('region', { name: 'Schema changes (DDL)' });
    const card = (await ddl.boundingBox())!;
    const end = (await ddl.getByRole('textbox', { name: 'DDL' }).getByText('true', { exact: true }).boundingBox())!;
    expect(end.x + end.width).toBeLessThanOrEqual(card.x + card.width);
    await page.getByRole('button', { name: 'Run Read query' }).click();

    const rows = rowsFrom(page, 'Read query');
    await expect(rows.getByRole('cell', { name: 'ada@example.com' })).toBeVisible();
    await expect(rows.getByRole('row')).toHaveCount(6);
    await expect(result(page)).toContainText('5 rows');
    await expect(result(page)).toContainText(/· [\d.]+ ms/);
    await expectAccessible(page, 'a query’s rows', { exclude: FRAME });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expectAccessible(page, 'a query’s rows (dark)', { rules: ['color-contrast'], exclude: FRAME });
  });

  test('a write, then a read sees it; the runs stay for the session', async ({ asDeveloper: page, request }) => {
    await openNewDatabase(page, request, 'write-db');
    await page.getByRole('combobox', { name: 'Operation' }).selectOption('execute_statement');
    await page.getByRole('textbox', { name: 'SQL statement' }).fill("UPDATE users SET name = 'Ada King' WHERE email = 'ada@example.com'");
    await page.getByRole('button', { name: 'Run Execute statement' }).click();
    await expect(result(page)).toContainText('1 row changed');

    await runQuery(page, "SELECT name FROM users WHERE email = 'ada@example.com'");
    await expect(rowsFrom(page, 'Read query').getByRole('cell', { name: 'Ada King' })).toBeVisible();

    // A bad statement is refused on its field, and changes nothing.
    await page.getByRole('combobox', { name: 'Operation' }).selectOption('execute_statement');
    await page.getByRole('textbox', { name: 'SQL statement' }).fill('UPDATE nowhere SET x = 1');
    await page.getByRole('button', { name: 'Run Execute statement' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'no such table: nowhere' })).toBeVisible();

    await page.reload();
    const recent = page.getByRole('region', { name: 'Recent runs in this session' });
    await expect(recent.getByRole('listitem')).toHaveCount(3);
    await expect(recent.getByRole('listitem').first()).toContainText('failed');
    await expect(recent.getByRole('listitem').first()).toContainText('no such table: nowhere');
    await expect(recent.getByRole('listitem').nth(1)).toContainText('1 row');
  });

  test('a large write runs as a job, and a read sees its rows once it has succeeded', async ({ asDeveloper: page, request }) => {
    await openNewDatabase(page, request, 'job-db');
    await page.getByRole('combobox', { name: 'Operation' }).selectOption('insert_rows');
    const rows = Array.from({ length: 150 }, (_, i) => ({ email: `bulk${i}@example.com`, name: `Bulk ${i}`, created_at: '2025-05-01' }));
    await page.getByRole('textbox', { name: 'Rows' }).fill(JSON.stringify(rows));
    await expect(page.getByRole('note').filter({ hasText: 'runs as a job' })).toHaveText('150 rows: more than 100, so it runs as a job.');
    await page.getByRole('button', { name: 'Run Insert rows' }).click();

    await expect(result(page)).toContainText('Queued as job');
    const status = result(page).getByRole('status');
    await expect(status).toContainText('queued');
    // The job waits a quarter of its run in the queue, then runs (clock.ts): the page, polling, follows the platform's clock.
    await advanceClock(request, PHASE_MS / 4);
    await expect(status).toContainText('running');
    await advanceClock(request, PHASE_MS);
    await expect(status).toContainText('succeeded');
    await expect(result(page)).toContainText('Inserted 150 rows into users');

    await runQuery(page, 'SELECT count(*) AS n FROM users');
    await expect(rowsFrom(page, 'Read query').getByRole('cell', { name: '155' })).toBeVisible();
  });

  test('DDL: preview, then confirm with a reason; the history says who ran what and why', async ({ asAdmin: page, request }) => {
    const instance = await openNewDatabase(page, request, 'ddl-db');
    const ddl = page.getByRole('region', { name: 'Schema changes (DDL)' });
    // Seed 002's example is what the field starts with.
    await expect(ddl.getByRole('textbox', { name: 'DDL' })).toHaveText('ALTER TABLE users ADD COLUMN active BOOLEAN DEFAULT true');
    await ddl.getByRole('button', { name: 'Preview' }).click();
    const preview = ddl.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText('Adds column active (BOOLEAN, default true) to users: its 5 rows get the default (true)');
    await expect(preview).toContainText('keeps all data');

    await ddl.getByRole('button', { name: `Run on ${instance.name}…` }).click();
    const dialog = page.getByRole('dialog', { name: `Run DDL on ${instance.name}?` });
    await expect(dialog).toContainText(`This runs against the PostgreSQL instance ${instance.name} now`);
    await expectAccessible(page, 'the Run DDL dialog', { include: '[role="dialog"]' });
    await dialog.getByRole('button', { name: 'Run DDL' }).click();
    await expect(dialog.getByText('Give a reason: the history keeps who ran what and why')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Soft-delete users instead of removing them');
    await dialog.getByRole('button', { name: 'Run DDL' }).click();
    await expect(dialog).toBeHidden();
    // Focus goes to the history, where the run now is, not back to the top of the page.
    await expect(page.getByRole('heading', { name: 'Schema history' })).toBeFocused();
    await expect(preview).toBeHidden();

    // An entry per DDL run (each lists its effects too).
    const entries = page.getByRole('list', { name: 'DDL that ran, newest first' }).getByRole('listitem').filter({ hasText: 'ran it' });
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText('admin@example.com');
    await expect(entries.first()).toContainText('Soft-delete users instead of removing them');
    await expect(entries.first()).toContainText('ALTER TABLE users ADD COLUMN active BOOLEAN DEFAULT true');
    await runQuery(page, 'SELECT active FROM users WHERE id = 1');
    await expect(rowsFrom(page, 'Read query').getByRole('columnheader', { name: /active/ })).toBeVisible();

    // One that destroys data asks once more, by the instance's name.
    await ddl.getByRole('textbox', { name: 'DDL' }).fill('ALTER TABLE users DROP COLUMN active');
    await ddl.getByRole('button', { name: 'Preview' }).click();
    await expect(preview).toContainText('Drops column active from users: its values in 5 rows are lost');
    await ddl.getByRole('button', { name: `Run on ${instance.name}…` }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Soft delete was not needed after all');
    const destroy = dialog.getByRole('button', { name: 'Destroy data and run DDL' });
    await expect(destroy).toBeDisabled();
    await dialog.getByRole('textbox', { name: `Type ${instance.name} to confirm` }).fill(instance.name);
    await destroy.click();
    await expect(dialog).toBeHidden();
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText('destroyed data');
    await expect(entries.first()).toContainText('Soft delete was not needed after all');
  });

  test('a developer previews DDL but cannot confirm it', async ({ asDeveloper: page, request }) => {
    const instance = await openNewDatabase(page, request, 'dev-ddl-db');
    const ddl = page.getByRole('region', { name: 'Schema changes (DDL)' });
    await expect(ddl).toContainText('only admins run it');
    await ddl.getByRole('textbox', { name: 'DDL' }).fill('CREATE TABLE events (id TEXT, payload JSONB)');
    await ddl.getByRole('button', { name: 'Preview' }).click();
    await expect(ddl.getByRole('region', { name: 'Preview' })).toContainText('Creates table events (id TEXT, payload JSONB)');
    await expect(ddl).toContainText('Only admins run DDL: ask one to run what you previewed. Nothing has changed.');
    await expect(ddl.getByRole('button', { name: /Run on/ })).toHaveCount(0);
    await expect(page.getByText('No DDL has run on this instance yet.')).toBeVisible();

    // The platform refuses it too.
    const developer = await platformAs(request, 'developer');
    const refused = await developer.send('POST', paths.instanceDdl(SCOPE, 'postgresql', instance.id), {
      sql: 'CREATE TABLE events (id TEXT)',
      confirm: true,
      reason: 'Trying anyway',
    });
    expect(refused.status()).toBe(403);
  });
});
