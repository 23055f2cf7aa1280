import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConnectorInstance } from '@/contract/connectors';
import { paths } from '@/contract/paths';
import { callPlatform, SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { InstanceConnection } from './instance-connection';

const config = (database: string) => ({ host: 'db.example.com', database, user: 'app', password: 'p' });
const newDatabase = (name: string) =>
  callPlatform('admin', 'POST', paths.instances(SCOPE, 'postgresql'), { name, config: config(name) }, ConnectorInstance);

describe('an instance’s connection, on its own page', () => {
  beforeEach(() => signInAs('developer'));

  it('says what the instance connects to and which secrets are set, and tests the connection there', async () => {
    const db = await newDatabase('connection-db');
    const { user } = await renderFeature(<InstanceConnection scope={SCOPE} connectorId="postgresql" instanceId={db.id} />);
    const card = await screen.findByRole('region', { name: 'Connection' });
    const values = Object.fromEntries(
      within(card)
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(values).toMatchObject({ Host: 'db.example.com', Database: 'connection-db', User: 'app', Password: 'set' });
    const status = within(card).getByRole('status', { name: 'Connection test of connection-db' });
    expect(status.textContent).toBe('Not tested yet');

    await user.click(within(card).getByRole('button', { name: 'Test connection to connection-db' }));
    expect(await within(status).findByText('Connected')).toBeTruthy();
  });

  it('is read-only for a viewer: the last test, no button', async () => {
    const db = await newDatabase('viewed-connection-db');
    await signInAs('viewer');
    await renderFeature(<InstanceConnection scope={SCOPE} connectorId="postgresql" instanceId={db.id} />);
    const card = await screen.findByRole('region', { name: 'Connection' });
    expect(within(card).getByText('db.example.com')).toBeTruthy();
    expect(within(card).queryByRole('button')).toBeNull();
  });
});
