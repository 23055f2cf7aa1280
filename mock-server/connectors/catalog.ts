/**
 * The connector catalog (CONTRACT §6, `GET …/connectors`): the types a
 * workspace can create instances of. The same in every workspace. Their
 * operations, with their params' schemas, are the connector-operations domain's.
 */
import type { ConnectorField, ConnectorType } from '../../src/contract/connectors';
import { HTTP_OPERATIONS, SQL_OPERATIONS, STORAGE_OPERATIONS } from '../connector-operations/definitions';

const field = (
  name: string,
  label: string,
  type: ConnectorField['type'],
  opts: Partial<Pick<ConnectorField, 'required' | 'secret' | 'description' | 'default'>> = {},
): ConnectorField => ({
  name,
  label,
  type,
  required: opts.required ?? true,
  secret: opts.secret ?? false,
  description: opts.description ?? null,
  default: opts.default ?? null,
});

export const CONNECTOR_CATALOG: readonly ConnectorType[] = [
  {
    id: 'postgresql',
    name: 'PostgreSQL',
    category: 'database',
    description: 'A PostgreSQL database, reached over TCP',
    fields: [
      field('host', 'Host', 'string', { description: 'Host name or IP address, e.g. db.example.com' }),
      field('port', 'Port', 'integer', { default: 5432 }),
      field('database', 'Database', 'string'),
      field('user', 'User', 'string'),
      field('password', 'Password', 'string', { secret: true }),
      field('ssl', 'Require SSL', 'boolean', { required: false, default: true }),
    ],
    operations: SQL_OPERATIONS,
  },
  {
    id: 's3',
    name: 'Amazon S3',
    category: 'storage',
    description: 'An S3 bucket (or an S3-compatible store through endpoint_url)',
    fields: [
      field('bucket', 'Bucket', 'string'),
      field('region', 'Region', 'string', { description: 'e.g. eu-west-1' }),
      field('access_key_id', 'Access key ID', 'string'),
      field('secret_access_key', 'Secret access key', 'string', { secret: true }),
      field('endpoint_url', 'Endpoint URL', 'string', {
        required: false,
        description: 'For S3-compatible stores (MinIO, R2); empty for AWS',
      }),
    ],
    operations: STORAGE_OPERATIONS,
  },
  {
    id: 'http-api',
    name: 'HTTP API',
    category: 'http',
    description: 'Any HTTP API, called with a bearer token or a custom auth header',
    fields: [
      field('base_url', 'Base URL', 'string', { description: 'e.g. https://api.example.com/v1' }),
      field('auth_header', 'Auth header', 'string', {
        required: false,
        description: 'Header carrying the token; empty for Authorization: Bearer',
      }),
      field('api_token', 'API token', 'string', { secret: true }),
    ],
    operations: HTTP_OPERATIONS,
  },
];

export const connectorType = (id: string): ConnectorType | undefined => CONNECTOR_CATALOG.find((t) => t.id === id);
