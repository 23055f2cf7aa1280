import { describe, expect, it } from 'vitest';
import type { ConnectorField, ConnectorInstance } from '@/contract/connectors';
import { formConfigIssues, initialConfigValues, toConfig } from './config-form';

const field = (f: Partial<ConnectorField> & Pick<ConnectorField, 'name' | 'type'>): ConnectorField => ({
  label: f.name,
  required: false,
  secret: false,
  description: null,
  default: null,
  ...f,
});
const fields = [
  field({ name: 'host', type: 'string', required: true, label: 'Host' }),
  field({ name: 'port', type: 'integer', required: true, default: 5432, label: 'Port' }),
  field({ name: 'password', type: 'string', required: true, secret: true, label: 'Password' }),
  field({ name: 'ssl', type: 'boolean', default: true }),
];
const instance = {
  id: '1',
  connector_id: 'postgresql',
  name: 'orders-db',
  description: null,
  config: { host: 'db.internal', port: 6543, ssl: false },
  secrets_set: ['password'],
  last_test: null,
  created_at: '',
  updated_at: '',
} satisfies ConnectorInstance;

describe('generated connector forms', () => {
  it('start from the defaults, or from the instance without its secrets', () => {
    expect(initialConfigValues(fields, null)).toEqual({ host: '', port: '5432', password: '', ssl: true });
    expect(initialConfigValues(fields, instance)).toEqual({ host: 'db.internal', port: '6543', password: '', ssl: false });
  });

  it('send numbers as numbers and leave an empty secret out on edit', () => {
    expect(toConfig(fields, { host: ' h ', port: '5432', password: '', ssl: true }, true)).toEqual({ host: 'h', port: 5432, ssl: true });
    expect(toConfig(fields, { host: 'h', port: '54.5', password: 's', ssl: false }, false)).toEqual({
      host: 'h',
      port: 54.5,
      password: 's',
      ssl: false,
    });
  });

  it('check with the platform rule, counting a secret already set', () => {
    expect(formConfigIssues(fields, { host: 'h', port: 1, ssl: true }, ['password'])).toEqual([]);
    expect(formConfigIssues(fields, { host: 'h', port: 1.5, ssl: true }, [])).toEqual([
      { field: 'port', message: 'Port must be a whole number' },
      { field: 'password', message: 'Password is required' },
    ]);
  });
});
