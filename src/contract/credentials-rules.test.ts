import { describe, expect, it } from 'vitest';
import { CLOUD_PROVIDERS, CREDENTIAL_SHAPES, credentialsShapeProblem, secretJsonProblem } from './credentials-rules';

const json = (value: unknown) => JSON.stringify(value);

describe('the shape of a credential’s secret (the form and the platform refuse the same)', () => {
  it('a secret is a JSON object', () => {
    expect(secretJsonProblem('{"a": 1}')).toBeNull();
    expect(secretJsonProblem('[1]')).toBe('must be a JSON object, e.g. a service account key');
    expect(secretJsonProblem('null')).toBe('must be a JSON object, e.g. a service account key');
    expect(secretJsonProblem('{oops')).toBe('is not valid JSON');
  });

  it('accepts each provider’s least shape, and more', () => {
    expect(
      credentialsShapeProblem('gcp', json({ type: 'service_account', project_id: 'p', private_key: 'k', client_email: 'a@b' })),
    ).toBeNull();
    expect(credentialsShapeProblem('aws', json({ access_key_id: 'AKIA', secret_access_key: 's', session_token: 't' }))).toBeNull();
    expect(credentialsShapeProblem('azure', json({ tenant_id: 't', client_id: 'c', client_secret: 's' }))).toBeNull();
    expect(credentialsShapeProblem('azure', json({ tenant: 't', appId: 'c', password: 's' }))).toBeNull();
  });

  it('names what the closest alternative lacks, and the other alternatives', () => {
    expect(credentialsShapeProblem('aws', json({ access_key_id: 'AKIA', secret_access_key: '  ' }))).toBe(
      'An AWS access key needs access_key_id, secret_access_key; missing: secret_access_key',
    );
    expect(credentialsShapeProblem('azure', json({ tenant: 't', appId: 'c' }))).toBe(
      'An Azure service principal needs tenant, appId, password (or tenant_id, client_id, client_secret); missing: password',
    );
    expect(credentialsShapeProblem('gcp', json({ type: 'user', project_id: 'p', private_key: 'k', client_email: 'a@b' }))).toBe(
      'A GCP service account key must have "type": "service_account"',
    );
  });

  it('leaves a text that is not a JSON object to the JSON check', () => {
    expect(credentialsShapeProblem('gcp', 'not json')).toBeNull();
    expect(credentialsShapeProblem('gcp', '[]')).toBeNull();
  });

  it('says, for every provider, in words what its shape asks for', () => {
    for (const provider of CLOUD_PROVIDERS) {
      for (const key of CREDENTIAL_SHAPES[provider].alternatives.flat()) expect(CREDENTIAL_SHAPES[provider].hint).toContain(key);
    }
  });
});
