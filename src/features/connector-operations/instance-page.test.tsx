import { EditorView } from '@codemirror/view';
import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageOrArray } from '@/contract/common';
import { DdlRecord, ExecuteResult } from '@/contract/connector-operations';
import { ConnectorInstance } from '@/contract/connectors';
import { paths } from '@/contract/paths';
import { callPlatform, SCOPE, signInAs, type Role } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { InstancePage } from './instance-page';

/** A PostgreSQL instance of the test's own: it starts with the seed's users and orders. */
const newDatabase = (name: string) =>
  callPlatform(
    'admin',
    'POST',
    paths.instances(SCOPE, 'postgresql'),
    { name, config: { host: 'db.example.com', database: name, user: 'app', password: 'p' } },
    ConnectorInstance,
  );

const render = (instanceId: string, operationId?: string) =>
  renderFeature(
    <InstancePage scope={SCOPE} connectorId="postgresql" instanceId={instanceId} operationId={operationId} onOperationChange={() => {}} />,
  );

/** jsdom has no layout for CodeMirror to read typing from the DOM: replace the text as the editor would. */
async function typeCode(name: string | RegExp, text: string) {
  const box = await screen.findByRole('textbox', { name });
  const view = EditorView.findFromDOM(box)!;
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.type' }));
  return box;
}

const query = (role: Role, instanceId: string, sql: string) =>
  callPlatform(
    role,
    'POST',
    paths.executeOperation(SCOPE, 'postgresql', instanceId, 'read_query'),
    { params: { query: sql } },
    ExecuteResult,
  );

describe('a connector instance’s page', () => {
  beforeEach(() => {
    sessionStorage.removeItem('hs.capabilities');
    return signInAs('developer');
  });

  it('runs a query from the form its params’ schema makes, and shows the rows with their count and time', async () => {
    const db = await newDatabase('query-db');
    const { user } = await render(db.id);
    // The form starts from the schema's example: seed 002's own query.
    const sql = await screen.findByRole('textbox', { name: /SQL query/ });
    await waitFor(() => expect(sql.textContent).toBe('SELECT * FROM users LIMIT 10'));
    await user.click(screen.getByRole('button', { name: 'Run Read query' }));

    const table = await screen.findByRole('table', { name: /Read query: 5 rows/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['idINTEGER', 'emailTEXT', 'nameTEXT', 'created_atTEXT']);
    expect(within(table).getByRole('cell', { name: 'ada@example.com' })).toBeTruthy();
    const result = screen.getByRole('region', { name: 'Result' });
    expect(within(result).getByText('5 rows')).toBeTruthy();
    expect(within(result).getByText(/· [\d.]+ ms/)).toBeTruthy();
    // A screen reader hears one sentence, not every row: the section is no live region, its status is.
    expect(screen.getByText(/^Read query: 5 rows in [\d.]+ ms\.$/).getAttribute('role')).toBe('status');
    expect(result.closest('[aria-live]')).toBeNull();

    // The run is kept for the session, without its rows.
    const recent = screen.getByRole('region', { name: 'Recent runs in this session' });
    expect(within(recent).getByText('read_query')).toBeTruthy();
    expect(within(recent).getByRole('button', { name: /^Use the params of read_query/ })).toBeTruthy();

    expect(sessionStorage.getItem(`hs.connector-runs.${db.id}`)).not.toContain('ada@example.com');
  });

  it('reads an object as a record: its columns one under the other, the body whole with its lines', async () => {
    const bucket = await callPlatform(
      'admin',
      'POST',
      paths.instances(SCOPE, 's3'),
      {
        name: 'record-bucket',
        config: { bucket: 'record-bucket', region: 'eu-west-1', access_key_id: 'AKIATEST', secret_access_key: 's' },
      },
      ConnectorInstance,
    );
    const { user } = await renderFeature(
      <InstancePage scope={SCOPE} connectorId="s3" instanceId={bucket.id} operationId="get_object" onOperationChange={() => {}} />,
    );
    await user.click(await screen.findByRole('button', { name: 'Run Get object' }));
    const rows = await screen.findByRole('region', { name: 'Rows from Get object' });
    // Not a table six columns wide with the body squeezed into the last one.
    expect(within(rows).queryByRole('table')).toBeNull();
    const terms = within(rows)
      .getAllByRole('term')
      .map((t) => t.textContent);
    expect(terms).toEqual(['keyTEXT', 'sizeINTEGER', 'content_typeTEXT', 'last_modifiedTEXT', 'etagTEXT', 'bodyTEXT']);
    const body = within(rows).getAllByRole('definition')[5]!;
    expect(body.textContent).toBe('Documents of record-bucket.\nInvoices are under invoices/, one JSON file each.\n');
  });

  it('offers no Use again for a run without params: there is nothing to put back in the form', async () => {
    const db = await newDatabase('tables-db');
    const { user } = await render(db.id, 'list_tables');
    await user.click(await screen.findByRole('button', { name: 'Run List tables' }));
    const recent = await screen.findByRole('region', { name: 'Recent runs in this session' });
    expect(within(recent).getByText('list_tables')).toBeTruthy();
    expect(within(recent).queryByRole('button', { name: /^Use the params of list_tables/ })).toBeNull();
  });

  it('checks params with their schema before sending, and puts the platform’s refusal on the field it names', async () => {
    const db = await newDatabase('refusals-db');
    const { user } = await render(db.id);
    const most = await screen.findByRole('spinbutton', { name: 'Most rows' });
    await user.clear(most);
    await user.type(most, '0');
    await user.click(screen.getByRole('button', { name: 'Run Read query' }));
    expect(await screen.findByText('Should be at least 1')).toBeTruthy();
    expect(most.getAttribute('aria-invalid')).toBe('true');

    await user.clear(most);
    await user.type(most, '5');
    const sql = await typeCode(/SQL query/, 'SELECT * FROM nowhere');
    await user.click(screen.getByRole('button', { name: 'Run Read query' }));
    // On the field: its error, which the editor is described by.
    const refusal = await waitFor(() => {
      const found = screen.getAllByRole('alert').find((a) => a.textContent === 'no such table: nowhere');
      expect(found).toBeTruthy();
      return found!;
    });
    await waitFor(() => expect(sql.getAttribute('aria-describedby')?.split(' ')[0]).toBe(refusal.id));
    // The failed run is kept for the session, in the platform's words.
    expect(within(screen.getByRole('region', { name: 'Recent runs in this session' })).getByText('no such table: nowhere')).toBeTruthy();
    await waitFor(() => expect(sql.getAttribute('aria-invalid')).toBe('true'));
  });

  it('writes, then the next read sees it; a write of more than 100 rows is said to run as a job before it is sent', async () => {
    const db = await newDatabase('write-db');
    const { user } = await render(db.id, 'insert_rows');
    await screen.findByRole('textbox', { name: /Rows/ });
    const many = Array.from({ length: 101 }, (_, i) => ({ email: `u${i}@example.com`, name: `U${i}`, created_at: '2025-01-01' }));
    await typeCode(/Rows/, JSON.stringify(many));
    expect(await screen.findByText('101 rows: more than 100, so it runs as a job.')).toBeTruthy();

    await typeCode(/Rows/, JSON.stringify([{ email: 'new@example.com', name: 'New Person', created_at: '2025-01-01' }]));
    await user.click(screen.getByRole('button', { name: 'Run Insert rows' }));
    const result = screen.getByRole('region', { name: 'Result' });
    expect(await within(result).findByText('1 row changed')).toBeTruthy();
    expect(within(result).getByText('Inserted 1 row into users')).toBeTruthy();
    expect((await query('developer', db.id, "SELECT name FROM users WHERE email = 'new@example.com'")).rows).toEqual([['New Person']]);
  });

  it('a developer previews DDL and is told only admins run it; nothing changes', async () => {
    const db = await newDatabase('preview-db');
    const { user } = await render(db.id);
    const ddl = await screen.findByRole('region', { name: 'Schema changes (DDL)' });
    expect(within(ddl).getByText(/only admins run it/)).toBeTruthy();
    await user.click(within(ddl).getByRole('button', { name: 'Preview' }));
    const preview = await within(ddl).findByRole('region', { name: 'Preview' });
    expect(
      within(preview).getByText('Adds column active (BOOLEAN, default true) to users: its 5 rows get the default (true)'),
    ).toBeTruthy();
    expect(within(preview).getByText('keeps all data')).toBeTruthy();
    expect(within(ddl).queryByRole('button', { name: /Run on/ })).toBeNull();
    expect((await query('developer', db.id, 'SELECT * FROM users LIMIT 1')).columns.map((c) => c.name)).not.toContain('active');
  });

  it('an admin runs previewed DDL with a reason; one that destroys data waits for the instance’s name; the history says who and why', async () => {
    await signInAs('admin');
    const db = await newDatabase('confirm-db');
    const { user } = await render(db.id);
    await typeCode('DDL', 'ALTER TABLE orders DROP COLUMN status');
    const ddl = screen.getByRole('region', { name: 'Schema changes (DDL)' });
    await user.click(within(ddl).getByRole('button', { name: 'Preview' }));
    expect(await within(ddl).findByText('Drops column status from orders: its values in 5 rows are lost')).toBeTruthy();
    await user.click(within(ddl).getByRole('button', { name: 'Run on confirm-db…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Run DDL on confirm-db?' });
    expect(within(dialog).getByText(/This runs against the PostgreSQL instance/)).toBeTruthy();
    const run = within(dialog).getByRole('button', { name: 'Destroy data and run DDL' });
    expect(run).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByRole('textbox', { name: 'Type confirm-db to confirm' }), 'confirm-db');
    expect(run).toHaveProperty('disabled', false);
    await user.click(run);
    expect(await within(dialog).findByText('Give a reason: the history keeps who ran what and why')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Status moves to its own table');
    await user.click(run);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Focus goes where the run now is, not to the top of the page with the preview gone.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Schema history' })));
    expect(within(ddl).queryByRole('region', { name: 'Preview' })).toBeNull();

    const history = await screen.findByRole('list', { name: 'DDL that ran, newest first' });
    expect(await within(history).findByText('Status moves to its own table')).toBeTruthy();
    expect(within(history).getByText('admin@example.com')).toBeTruthy();
    const entries = await callPlatform('viewer', 'GET', paths.instanceDdl(SCOPE, 'postgresql', db.id), undefined, pageOrArray(DdlRecord));
    expect(entries.items.map((e) => [e.sql, e.reason, e.destructive])).toEqual([
      ['ALTER TABLE orders DROP COLUMN status', 'Status moves to its own table', true],
    ]);
  });

  it('a viewer reads the history, and is told what they may not do', async () => {
    await signInAs('viewer');
    const db = await newDatabase('viewer-db');
    await render(db.id);
    expect(await screen.findByText('Your role (viewer) cannot run operations: developers and admins do.')).toBeTruthy();
    expect(screen.getByText(/Your role \(viewer\) cannot preview or run DDL/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Run |Preview/ })).toBeNull();
    expect(await screen.findByText('No DDL has run on this instance yet.')).toBeTruthy();
  });
});
