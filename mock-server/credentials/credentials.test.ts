// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialsInfo, CredentialsWrite, EffectiveCredentials, OrganizationCredentials } from '../../src/contract/credentials';
import { demoId } from '../core/seed-ids';
import { API, bodyOf, NOT_AN_OBJECT, ORG, SERVICES, setup } from '../test-helpers';
import { JSON_SYNTAX_ERRORS } from '../../src/testing/json-syntax-errors';

const ML = demoId(1002); // has its own credentials in the seed
const FRAUD = demoId(1004);
const ORG_CREDS = `${API}/orgs/${ORG}/cloud-credentials`;
const MARKER = 'S3CRET-MARKER-7f3a';

const secret = (marker = MARKER) =>
  JSON.stringify(
    {
      type: 'service_account',
      project_id: 'acme-x',
      private_key_id: marker,
      private_key: `-----BEGIN PRIVATE KEY-----\n${marker}\n-----END PRIVATE KEY-----\n`,
      client_email: 'deployer@acme-x.iam.gserviceaccount.com',
    },
    null,
    2,
  );

/** The least an aws and an azure secret hold (the contract's CREDENTIAL_SHAPES). */
const AWS_KEY = JSON.stringify({ access_key_id: 'AKIAEXAMPLE', secret_access_key: MARKER });
const AZURE_SP = JSON.stringify({ tenant_id: 't', client_id: 'c', client_secret: MARKER });

const write = (overrides: Record<string, unknown> = {}) => ({
  cloud_provider: 'gcp',
  cloud_credentials_json: secret(),
  cloud_project_id: 'acme-fraud',
  cloud_region: 'us-east1',
  ...overrides,
});

describe('cloud credentials', () => {
  it('a service override takes precedence; clearing it falls back to the organization', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const base = `${SERVICES}/${FRAUD}`;
    let eff = EffectiveCredentials.parse((await call('GET', `${base}/effective-credentials`, { token })).body);
    expect(eff).toMatchObject({
      source: 'organization',
      service: null,
      effective: { cloud_provider: 'gcp', cloud_project_id: 'acme-shared', cloud_region: 'us-central1' },
    });
    expect((await call('GET', `${base}/service-credentials`, { token })).body).toEqual({
      detail: 'This service has no credentials of its own',
    });

    const put = await call('PUT', `${base}/service-credentials`, { token, body: write() });
    const info = bodyOf(put, 200, CredentialsInfo);
    expect(info).toMatchObject({
      cloud_provider: 'gcp',
      cloud_project_id: 'acme-fraud',
      cloud_region: 'us-east1',
      updated_by: 'developer@example.com',
    });
    expect(info.fingerprint).toBe(createHash('sha256').update(secret()).digest('hex').slice(0, 12));

    eff = EffectiveCredentials.parse((await call('GET', `${base}/effective-credentials`, { token })).body);
    expect(eff.source).toBe('service');
    expect(eff.effective).toEqual(info);
    expect(eff.organization?.cloud_project_id).toBe('acme-shared');
    expect((await call('GET', `${base}/service-credentials`, { token })).body).toEqual(info);

    const admin = await login('admin');
    const org = OrganizationCredentials.parse((await call('GET', ORG_CREDS, { token: admin })).body);
    expect(org.overriding_services.map((s) => [s.slug, s.cloud_project_id])).toEqual([
      ['fraud-scorer', 'acme-fraud'],
      ['ml-inference', 'acme-ml'],
    ]);

    expect((await call('DELETE', `${base}/service-credentials`, { token })).status).toBe(204);
    eff = EffectiveCredentials.parse((await call('GET', `${base}/effective-credentials`, { token })).body);
    expect(eff).toMatchObject({ source: 'organization', service: null, effective: { cloud_project_id: 'acme-shared' } });
    expect((await call('DELETE', `${base}/service-credentials`, { token })).body).toEqual({
      detail: 'This service has no credentials of its own',
    });
    expect((await call('GET', `${base}/service-credentials`, { token })).status).toBe(404);
  });

  it('the seed: organization gcp/acme-shared/us-central1, ml-inference overrides with acme-ml/europe-west4', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const eff = EffectiveCredentials.parse((await call('GET', `${SERVICES}/${ML}/effective-credentials`, { token })).body);
    expect(eff).toMatchObject({
      source: 'service',
      effective: { cloud_project_id: 'acme-ml', cloud_region: 'europe-west4' },
      organization: { cloud_project_id: 'acme-shared', cloud_region: 'us-central1' },
    });
  });

  it('organization credentials are admin-only, at both paths; admins see the change everywhere', async () => {
    const { call, login } = setup();
    const via = `${SERVICES}/${FRAUD}/credentials`;
    for (const role of ['developer', 'viewer'] as const) {
      const token = await login(role);
      expect((await call('GET', ORG_CREDS, { token })).body, role).toEqual({
        detail: `Your role (${role}) cannot manage organization credentials`,
      });
      expect((await call('PUT', ORG_CREDS, { token, body: write() })).status, role).toBe(403);
      expect((await call('PUT', via, { token, body: write() })).status, role).toBe(403);
    }
    const admin = await login('admin');
    const a = await call('PUT', via, {
      token: admin,
      body: write({ cloud_provider: 'aws', cloud_credentials_json: AWS_KEY, cloud_project_id: '123456789012', cloud_region: 'eu-west-1' }),
    });
    expect(a.status).toBe(200);
    expect(OrganizationCredentials.parse(a.body).credentials).toMatchObject({
      cloud_provider: 'aws',
      cloud_project_id: '123456789012',
      updated_by: 'admin@example.com',
    });
    const b = await call('PUT', ORG_CREDS, {
      token: admin,
      body: write({ cloud_provider: 'azure', cloud_credentials_json: AZURE_SP, cloud_project_id: 'acme-sub', cloud_region: undefined }),
    });
    expect(OrganizationCredentials.parse(b.body).credentials).toMatchObject({
      cloud_provider: 'azure',
      cloud_project_id: 'acme-sub',
      cloud_region: null,
    });
    const dev = await login('developer');
    const eff = EffectiveCredentials.parse((await call('GET', `${SERVICES}/${FRAUD}/effective-credentials`, { token: dev })).body);
    expect(eff).toMatchObject({ source: 'organization', effective: { cloud_provider: 'azure', cloud_project_id: 'acme-sub' } });
    expect((await call('GET', `${API}/orgs/${demoId(2)}/cloud-credentials`, { token: admin })).body).toEqual({
      detail: 'Organization not found',
    });
  });

  it('clear errors: invalid JSON at its line and column, a missing provider, a viewer', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const url = `${SERVICES}/${FRAUD}/service-credentials`;
    const bad = await call('PUT', url, {
      token,
      body: write({ cloud_credentials_json: '{\n  "type": "service_account",\n  "private_key": oops\n}' }),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toHaveLength(1);
    expect(bad.body.detail[0].loc).toEqual(['body', 'cloud_credentials_json']);
    // Where it breaks (line 3) is the console's JSON field's to say: src/lib/json-text.test.ts.
    expect(bad.body.detail[0].msg).toMatch(/not valid JSON/);

    const missing = await call('PUT', url, { token, body: write({ cloud_provider: undefined }) });
    expect(missing.status).toBe(422);
    // the contract's enum message applies to a missing provider too
    expect(missing.body.detail).toEqual([
      { loc: ['body', 'cloud_provider'], msg: 'Choose a cloud provider: gcp, aws or azure', type: 'enum' },
    ]);
    const unknown = await call('PUT', url, { token, body: write({ cloud_provider: 'ibm' }) });
    expect(unknown.body.detail[0]).toMatchObject({ loc: ['body', 'cloud_provider'], msg: 'Choose a cloud provider: gcp, aws or azure' });
    const noProject = await call('PUT', url, { token, body: write({ cloud_project_id: '  ' }) });
    expect(noProject.body.detail[0]).toMatchObject({ loc: ['body', 'cloud_project_id'], msg: 'Project is required' });
    const array = await call('PUT', url, { token, body: write({ cloud_credentials_json: '[1, 2]' }) });
    expect(array.body.detail[0].msg).toMatch(/must be a JSON object/);

    const viewer = await login('viewer');
    expect((await call('PUT', url, { token: viewer, body: write() })).body).toEqual({
      detail: 'Your role (viewer) cannot change service credentials',
    });
    expect((await call('DELETE', url, { token: viewer })).status).toBe(403);
    expect((await call('GET', `${SERVICES}/${FRAUD}/effective-credentials`, { token: viewer })).status).toBe(200);
  });

  it('the JSON check refuses every kind of syntax error (the console places them: src/lib/json-text.test.ts)', () => {
    for (const [text] of JSON_SYNTAX_ERRORS) {
      const r = CredentialsWrite.safeParse(write({ cloud_credentials_json: text }));
      expect(r.success, text).toBe(false);
      expect(r.error?.issues[0]?.message, text).toBe('The credentials is not valid JSON');
    }
    // (the syntax check alone: whether a document has its provider's shape is the next test's)
    for (const ok of ['{}', '{"a": [1, -2.5e3, true, null, {"b": "\\u00e9\\n"}]}', ' { "x" : [ ] } ', secret()]) {
      expect(CredentialsWrite.shape.cloud_credentials_json.safeParse(ok).success, ok).toBe(true);
    }
    expect(CredentialsWrite.safeParse(write()).success).toBe(true);
    expect(CredentialsWrite.safeParse(write({ cloud_credentials_json: '['.repeat(60_000) })).success).toBe(false);
  });

  it("the secret must have its provider's shape: a 422 on the field that names what is missing", async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const url = `${SERVICES}/${FRAUD}/service-credentials`;
    const refused = async (cloud_provider: string, json: unknown) => {
      const res = await call('PUT', url, { token, body: write({ cloud_provider, cloud_credentials_json: JSON.stringify(json) }) });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.detail).toHaveLength(1);
      expect(res.body.detail[0].loc).toEqual(['body', 'cloud_credentials_json']);
      return res.body.detail[0].msg as string;
    };
    expect(await refused('gcp', { foo: 1 })).toBe(
      'A GCP service account key needs type, project_id, private_key, client_email; missing: type, project_id, private_key, client_email',
    );
    expect(await refused('gcp', { type: 'service_account', project_id: 'p', private_key: 'k' })).toMatch(/missing: client_email$/);
    expect(await refused('gcp', { type: 'authorized_user', project_id: 'p', private_key: 'k', client_email: 'a@b' })).toBe(
      'A GCP service account key must have "type": "service_account"',
    );
    expect(await refused('gcp', { type: 'service_account', project_id: '', private_key: 'k', client_email: 'a@b' })).toMatch(
      /missing: project_id$/,
    );
    expect(await refused('aws', { access_key_id: 'AKIA' })).toMatch(
      /^An AWS access key needs access_key_id, secret_access_key; missing: secret_access_key$/,
    );
    expect(await refused('azure', { appId: 'a', tenant: 't' })).toMatch(
      /^An Azure service principal needs tenant, appId, password \(or tenant_id, client_id, client_secret\); missing: password$/,
    );
    // a gcp key sent as aws is refused: the shape follows the provider chosen
    expect(await refused('aws', JSON.parse(secret()))).toMatch(/missing: access_key_id, secret_access_key/);

    const ok = async (cloud_provider: string, json: unknown) =>
      expect(
        (await call('PUT', url, { token, body: write({ cloud_provider, cloud_credentials_json: JSON.stringify(json) }) })).status,
      ).toBe(200);
    await ok('gcp', JSON.parse(secret()));
    await ok('aws', { access_key_id: 'AKIAEXAMPLE', secret_access_key: 'x', session_token: 't' });
    await ok('azure', { tenant_id: 't', client_id: 'c', client_secret: 's', subscription_id: 'sub' });
    await ok('azure', { appId: 'a', password: 'p', tenant: 't', displayName: 'deployer' });
    // the organization's record follows the same rule, at both paths
    const admin = await login('admin');
    const org = await call('PUT', `${API}/orgs/${ORG}/cloud-credentials`, {
      token: admin,
      body: write({ cloud_credentials_json: '{"foo": 1}' }),
    });
    expect(org.body.detail[0].loc).toEqual(['body', 'cloud_credentials_json']);
    expect(
      (await call('PUT', `${SERVICES}/${FRAUD}/credentials`, { token: admin, body: write({ cloud_credentials_json: '{"foo": 1}' }) }))
        .status,
    ).toBe(422);
  });

  it('the secret never appears in a read, a write response, an error or the state', async () => {
    const { call, login, platform } = setup();
    const admin = await login('admin');
    const dev = await login('developer');
    const bodies: string[] = [];
    const keep = (b: unknown) => bodies.push(typeof b === 'string' ? b : JSON.stringify(b));
    keep((await call('PUT', `${SERVICES}/${FRAUD}/service-credentials`, { token: dev, body: write() })).body);
    keep((await call('PUT', ORG_CREDS, { token: admin, body: write({ cloud_credentials_json: secret(`${MARKER}-org`) }) })).body);
    keep(
      (
        await call('PUT', `${SERVICES}/${ML}/credentials`, {
          token: admin,
          body: write({ cloud_credentials_json: secret(`${MARKER}-via`) }),
        })
      ).body,
    );
    // a rejected write does not echo it either
    keep(
      (
        await call('PUT', `${SERVICES}/${FRAUD}/service-credentials`, {
          token: dev,
          body: write({ cloud_provider: 'ibm', cloud_region: 5 }),
        })
      ).body,
    );
    for (const path of [
      `${SERVICES}/${FRAUD}/service-credentials`,
      `${SERVICES}/${FRAUD}/effective-credentials`,
      `${SERVICES}/${ML}/service-credentials`,
      `${SERVICES}/${ML}/effective-credentials`,
      `${SERVICES}/${FRAUD}`,
      `${SERVICES}/${FRAUD}/deployments`,
      `${SERVICES}/${FRAUD}/deployment-status`,
      SERVICES,
      ORG_CREDS,
      `${API}/openapi.json`,
    ]) {
      const res = await call('GET', path, { token: admin });
      expect(res.status, path).toBe(200);
      keep(res.body);
    }
    expect(bodies.length).toBe(14);
    for (const b of bodies) expect(b).not.toContain(MARKER);
    expect(JSON.stringify(platform.store.dump())).not.toContain(MARKER);
  });

  it('malformed input is a 4xx, never a 500', async () => {
    const { call, login } = setup();
    const token = await login('admin');
    const urls = [`${SERVICES}/${FRAUD}/service-credentials`, `${SERVICES}/${FRAUD}/credentials`, ORG_CREDS];
    const raws = [
      ...NOT_AN_OBJECT,
      '{"cloud_provider": null}',
      '{"cloud_credentials_json": 5}',
      JSON.stringify(write({ cloud_credentials_json: '' })),
      JSON.stringify(write({ cloud_credentials_json: '{' })),
      JSON.stringify(write({ cloud_credentials_json: '\u0000' })),
      JSON.stringify(write({ cloud_credentials_json: '['.repeat(5000) + ']'.repeat(5000) })),
      JSON.stringify(write({ cloud_credentials_json: 'x'.repeat(70_000) })),
      JSON.stringify(write({ extra: 1 })),
      JSON.stringify(write({ cloud_region: ['x'] })),
      JSON.stringify(write({ cloud_project_id: 'p'.repeat(500) })),
      '{"__proto__": {"polluted": 1}, "cloud_provider": "gcp"}',
    ];
    for (const url of urls) {
      for (const raw of raws) {
        const res = await call('PUT', url, { token, raw });
        expect(res.status, `${url} ${raw.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${url} ${raw.slice(0, 60)}`).toBeLessThan(500);
      }
    }
    for (const q of ['build=', 'build=1', 'build=FALSE', 'build=true&build=false', 'build[]=x']) {
      const res = await call('POST', `${SERVICES}/${demoId(1002)}/deploy?${q}`, { token });
      expect(res.status, q).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
