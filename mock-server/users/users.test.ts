// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/contract/paths';
import { User, UserPage } from '../../src/contract/users';
import { sha256 } from '../core/hashing';
import { API, bodyOf, DEMO_API_KEYS, DEMO_PASSWORD, IDS, newService, SERVICES, setup } from '../test-helpers';
import { mailSent } from './mail';

const USERS = `${API}${paths.users()}`;
const INVITE = `${API}${paths.userInvite()}`;
const ME = `${API}${paths.usersMe()}`;
const ACCEPT = `${API}${paths.invitationAccept()}`;
const userPath = (id: string) => `${API}${paths.user(id)}`;

type Platform = ReturnType<typeof setup>;

/** Invite someone as the admin, and read the link the mock "mailed" them. */
async function invited(p: Platform, email = 'new.person@example.com', role = 'developer') {
  const res = await p.call('POST', INVITE, { token: await p.login('admin'), body: { email, role } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const [mail] = mailSent(p.platform.store, email);
  const token = new URL(mail!.link).hash.replace(/^#token=/, '');
  return { user: User.parse(res.body), mail: mail!, token };
}

const accept = (p: Platform, body: Record<string, unknown>) => p.call('POST', ACCEPT, { body });
const issue = (res: { body: { detail: { loc: unknown[]; type: string }[] } }) => res.body.detail[0];

describe('users (seed 001)', () => {
  it('every role lists the organization’s users, newest first, with role and status; never a password’s fingerprint', async () => {
    const p = setup();
    for (const role of ['admin', 'developer', 'viewer'] as const) {
      const res = await p.call('GET', USERS, { token: await p.login(role) });
      const page = bodyOf(res, 200, UserPage);
      expect(page).toMatchObject({ total: 3, limit: 25, offset: 0 });
      expect(page.items.map((u) => u.email)).toEqual(['viewer@example.com', 'developer@example.com', 'admin@example.com']);
      expect(page.items.every((u) => u.status === 'active')).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain('hmac-sha256');
    }
  });

  it('searches name and email, filters by status, sorts and pages', async () => {
    const p = setup({ testRoutes: true });
    await invited(p, 'zoe@example.com', 'viewer');
    const token = await p.login('viewer');
    const list = async (query: string) => UserPage.parse((await p.call('GET', `${USERS}?${query}`, { token })).body);
    expect((await list('search=ADA')).items.map((u) => u.email)).toEqual(['admin@example.com']);
    expect((await list('search=developer@')).items.map((u) => u.name)).toEqual(['Dev Developer']);
    expect((await list('status=invited')).items).toMatchObject([
      { email: 'zoe@example.com', status: 'invited', name: null, role: 'viewer' },
    ]);
    expect((await list('status=active')).total).toBe(3);
    expect((await list('sort=email&order=asc')).items.map((u) => u.email)).toEqual([
      'admin@example.com',
      'developer@example.com',
      'viewer@example.com',
      'zoe@example.com',
    ]);
    expect((await list('sort=role&order=asc&limit=2&offset=1')).items.map((u) => u.role)).toEqual(['developer', 'viewer']);
    expect((await list('limit=2&offset=2')).items).toHaveLength(2);
  });

  it.each([
    ['limit=101', ['query', 'limit']],
    ['limit=0', ['query', 'limit']],
    ['limit=ten', ['query', 'limit']],
    ['offset=-1', ['query', 'offset']],
    ['sort=password', ['query', 'sort']],
    ['order=up', ['query', 'order']],
    ['status=deleted', ['query', 'status']],
    [`search=${'x'.repeat(201)}`, ['query', 'search']],
  ])('a list parameter out of range (%s) is a 422 on it', async (query, loc) => {
    const p = setup();
    const res = await p.call('GET', `${USERS}?${query}`, { token: await p.login('admin') });
    expect(res.status).toBe(422);
    expect(issue(res)!.loc).toEqual(loc);
  });

  it('GET /users/me and /users/{id} read a user; an unknown or malformed id is a 404', async () => {
    const p = setup();
    const token = await p.login('developer');
    expect((await p.call('GET', ME, { token })).body).toMatchObject({ id: IDS.users.developer, name: 'Dev Developer', role: 'developer' });
    expect((await p.call('GET', userPath(IDS.users.admin), { token })).body).toMatchObject({ email: 'admin@example.com', role: 'admin' });
    expect(await p.call('GET', userPath('00000000-0000-4000-8000-000000000000'), { token })).toMatchObject({
      status: 404,
      body: { detail: 'User not found' },
    });
    expect((await p.call('GET', userPath('me-and-you'), { token })).status).toBe(404);
    expect((await p.call('GET', ME)).status).toBe(401);
  });
});

describe('invitations', () => {
  it('an admin invites: an invited user, a mail with a one-time link to the console’s accept page; the token is nowhere else', async () => {
    const log: string[] = [];
    const p = setup({
      testRoutes: true,
      log: (line) => log.push(line),
      mailLog: (line) => log.push(line),
      consoleUrl: 'http://console.test:5173/',
    });
    const { user, mail, token } = await invited(p, '  New.Person@Example.com ', 'developer');
    expect(user).toMatchObject({
      email: 'new.person@example.com',
      name: null,
      role: 'developer',
      status: 'invited',
      invited_by: { id: IDS.users.admin, email: 'admin@example.com', name: 'Ada Admin' },
    });
    expect(Date.parse(user.invitation_expires_at!) - Date.parse(user.created_at!)).toBe(7 * 24 * 3600_000);
    expect(mail.link).toBe(`http://console.test:5173/accept-invitation#token=${token}`);
    expect(mail.subject).toBe('Ada Admin invited you to Acme Corp as developer');
    expect(log.some((line) => line.startsWith('mail to new.person@example.com: Ada Admin invited you') && line.endsWith(mail.link))).toBe(
      true,
    );
    // Only its digest is kept; no response carries it.
    const state = JSON.stringify(p.platform.store.dump());
    expect(state).not.toContain(token);
    expect(state).toContain(sha256(token));
    const seen = await p.call('GET', userPath(user.id), { token: await p.login('admin') });
    expect(JSON.stringify(seen.body)).not.toContain(token);
    expect(log.filter((l) => l.includes(token))).toHaveLength(1);
  });

  it('accepting sets a password and signs the person in with their role; they then sign in like anyone', async () => {
    const p = setup({ testRoutes: true });
    const { user, token } = await invited(p, 'new.person@example.com', 'viewer');
    const res = await accept(p, { token, password: 'correct horse', name: '  New Person ' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await p.call('GET', `${API}${paths.whoami()}`, { token: res.body.access_token })).body).toEqual({
      id: user.id,
      email: 'new.person@example.com',
      name: 'New Person',
      role: 'viewer',
      org_id: IDS.org,
    });
    const login = await p.call('POST', `${API}${paths.login()}`, { body: { email: 'new.person@example.com', password: 'correct horse' } });
    expect(login.status).toBe(200);
    const listed = UserPage.parse((await p.call('GET', USERS, { token: await p.login('admin') })).body).items[0]!;
    expect(listed).toMatchObject({
      id: user.id,
      status: 'active',
      name: 'New Person',
      created_at: user.created_at,
      invitation_expires_at: null,
    });
  });

  it('a used, unknown, withdrawn or expired token is a clear 4xx on the token; a weak password is a 422 on it', async () => {
    const p = setup({ testRoutes: true });
    const first = await invited(p, 'one@example.com');
    expect((await accept(p, { token: first.token, password: 'short' })).body.detail[0]).toMatchObject({
      loc: ['body', 'password'],
      msg: 'Use at least 8 characters',
    });
    expect(issue(await accept(p, { token: first.token, password: '        ' }))!.loc).toEqual(['body', 'password']);
    expect(issue(await accept(p, { token: '', password: 'long enough' }))!.loc).toEqual(['body', 'token']);
    expect((await accept(p, { token: first.token, password: 'long enough', role: 'admin' })).status).toBe(422);
    expect((await accept(p, { token: first.token, password: 'long enough' })).status).toBe(200);

    const used = await accept(p, { token: first.token, password: 'another one' });
    expect(used.status).toBe(409);
    expect(issue(used)).toMatchObject({ loc: ['body', 'token'], type: 'invitation_used' });

    const unknown = await accept(p, { token: 'not-a-token', password: 'long enough' });
    expect(unknown.status).toBe(404);
    expect(issue(unknown)).toMatchObject({ loc: ['body', 'token'], type: 'invitation_not_found' });

    const withdrawn = await invited(p, 'two@example.com');
    expect((await p.call('DELETE', userPath(withdrawn.user.id), { token: await p.login('admin') })).status).toBe(204);
    expect((await accept(p, { token: withdrawn.token, password: 'long enough' })).status).toBe(404);

    const late = await invited(p, 'three@example.com');
    p.platform.clock.advance(7 * 24 * 3600_000 + 1);
    const expired = await accept(p, { token: late.token, password: 'long enough' });
    expect(expired.status).toBe(410);
    expect(issue(expired)).toMatchObject({ loc: ['body', 'token'], type: 'invitation_expired' });
    // An expired invitation may be sent again (by an admin signed in now: the earlier session has expired too).
    const admin = (await p.call('POST', `${API}${paths.login()}`, { body: { email: 'admin@example.com', password: DEMO_PASSWORD } })).body
      .access_token as string;
    expect((await p.call('POST', INVITE, { token: admin, body: { email: 'three@example.com', role: 'viewer' } })).status).toBe(201);
  });

  it('refuses a duplicate invitation, an existing account, a bad email or role, and anyone but an admin — each on its field', async () => {
    const p = setup({ testRoutes: true });
    const admin = await p.login('admin');
    const send = (body: unknown, token = admin) => p.call('POST', INVITE, { token, body });
    await invited(p, 'pending@example.com');
    const duplicate = await send({ email: 'PENDING@example.com', role: 'viewer' });
    expect(duplicate.status).toBe(409);
    expect(issue(duplicate)).toMatchObject({ loc: ['body', 'email'], type: 'invitation_pending' });
    const existing = await send({ email: 'developer@example.com', role: 'viewer' });
    expect(existing.status).toBe(409);
    expect(issue(existing)).toMatchObject({ loc: ['body', 'email'], type: 'user_exists' });
    expect(issue(await send({ email: 'not an email', role: 'viewer' }))).toMatchObject({
      loc: ['body', 'email'],
      msg: 'Enter a valid email address, such as name@example.com',
    });
    expect(issue(await send({ email: 'a@example.com', role: 'owner' }))!.loc).toEqual(['body', 'role']);
    expect(issue(await send({ email: 'a@example.com' }))!.loc).toEqual(['body', 'role']);
    expect((await send({ email: 'a@example.com', role: 'viewer', name: 'A' })).status).toBe(422);
    expect(
      (await p.call('POST', INVITE, { token: admin, raw: 'email=a@example.com', headers: { 'content-type': 'text/plain' } })).status,
    ).toBe(415);
    for (const role of ['developer', 'viewer'] as const) {
      const res = await send({ email: 'a@example.com', role: 'viewer' }, await p.login(role));
      expect(res).toMatchObject({ status: 403, body: { detail: `Your role (${role}) cannot invite users` } });
    }
    expect(mailSent(p.platform.store, 'a@example.com')).toEqual([]);
  });

  it('an Idempotency-Key repeat answers the first invitation: one record, one mail', async () => {
    const p = setup({ testRoutes: true });
    const admin = await p.login('admin');
    const send = () =>
      p.call('POST', INVITE, { token: admin, body: { email: 'once@example.com', role: 'viewer' }, headers: { 'Idempotency-Key': 'k1' } });
    const [a, b] = [await send(), await send()];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect(mailSent(p.platform.store, 'once@example.com')).toHaveLength(1);
  });

  it('an admin changes an invitation’s role, or withdraws it', async () => {
    const p = setup({ testRoutes: true });
    const admin = await p.login('admin');
    const { user, token } = await invited(p, 'later@example.com', 'viewer');
    expect((await p.call('PUT', userPath(user.id), { token: admin, body: { role: 'admin' } })).body).toMatchObject({
      role: 'admin',
      status: 'invited',
    });
    expect(issue(await p.call('PUT', userPath(user.id), { token: admin, body: { name: 'Later' } }))!.loc).toEqual(['body', 'name']);
    const res = await accept(p, { token, password: 'long enough' });
    expect((await p.call('GET', `${API}${paths.whoami()}`, { token: res.body.access_token })).body.role).toBe('admin');
  });
});

describe('roles and removal', () => {
  it('a role change applies to the user’s next request, whatever their token says', async () => {
    const p = setup();
    const developer = await p.login('developer');
    expect((await p.call('POST', SERVICES, { token: developer, body: newService({ slug: 'before-the-change' }) })).status).toBe(201);
    const changed = await p.call('PUT', userPath(IDS.users.developer), { token: await p.login('admin'), body: { role: 'viewer' } });
    expect(changed.body).toMatchObject({ role: 'viewer', status: 'active' });
    const refused = await p.call('POST', SERVICES, { token: developer, body: newService({ slug: 'after-the-change' }) });
    expect(refused).toMatchObject({ status: 403, body: { detail: expect.stringContaining('Your role (viewer)') } });
    expect((await p.call('GET', `${API}${paths.whoami()}`, { token: developer })).body.role).toBe('viewer');
  });

  it('only admins change roles; anyone may change their own name, not someone else’s', async () => {
    const p = setup();
    const developer = await p.login('developer');
    expect(await p.call('PUT', userPath(IDS.users.developer), { token: developer, body: { role: 'admin' } })).toMatchObject({
      status: 403,
      body: { detail: 'Your role (developer) cannot change roles' },
    });
    expect((await p.call('PUT', userPath(IDS.users.viewer), { token: developer, body: { name: 'Vic' } })).status).toBe(403);
    expect((await p.call('PUT', userPath(IDS.users.developer), { token: developer, body: { name: '  Devi  ' } })).body.name).toBe('Devi');
    expect(issue(await p.call('PUT', userPath(IDS.users.developer), { token: developer, body: {} }))!.loc).toEqual(['body']);
    expect(issue(await p.call('PUT', userPath(IDS.users.developer), { token: developer, body: { name: '\u200b' } }))!.loc).toEqual([
      'body',
      'name',
    ]);
    expect((await p.call('DELETE', userPath(IDS.users.viewer), { token: developer })).status).toBe(403);
  });

  it('the last admin can be neither demoted nor removed; with a second admin, they can', async () => {
    const p = setup();
    const admin = await p.login('admin');
    const demote = await p.call('PUT', userPath(IDS.users.admin), { token: admin, body: { role: 'developer' } });
    expect(demote.status).toBe(409);
    expect(issue(demote)).toMatchObject({
      loc: ['body', 'role'],
      type: 'last_admin',
      msg: expect.stringContaining("Ada Admin is the organization's last admin"),
    });
    expect(await p.call('DELETE', userPath(IDS.users.admin), { token: admin })).toMatchObject({
      status: 409,
      body: { detail: expect.stringContaining('last admin') },
    });
    // Renaming the last admin, or "changing" them to admin, is fine.
    expect((await p.call('PUT', userPath(IDS.users.admin), { token: admin, body: { role: 'admin', name: 'Ada' } })).status).toBe(200);
    await p.call('PUT', userPath(IDS.users.developer), { token: admin, body: { role: 'admin' } });
    expect((await p.call('PUT', userPath(IDS.users.admin), { token: admin, body: { role: 'viewer' } })).body.role).toBe('viewer');
  });

  it('removing a user ends their sessions at once: access and refresh tokens, and the API keys they made', async () => {
    const p = setup();
    const admin = await p.login('admin');
    const session = await p.call('POST', `${API}${paths.login()}`, { body: { email: 'developer@example.com', password: DEMO_PASSWORD } });
    const keyed = await p.call('POST', `${API}${paths.apiKeyExchange()}`, { body: { api_key: DEMO_API_KEYS.developer } });
    expect(keyed.status).toBe(200);
    expect((await p.call('DELETE', userPath(IDS.users.developer), { token: admin })).status).toBe(204);
    expect((await p.call('GET', `${API}${paths.whoami()}`, { token: session.body.access_token })).status).toBe(401);
    expect((await p.call('GET', `${API}${paths.whoami()}`, { token: keyed.body.access_token })).status).toBe(401);
    expect((await p.call('POST', `${API}${paths.refresh()}`, { body: { refresh_token: session.body.refresh_token } })).status).toBe(401);
    expect((await p.call('POST', `${API}${paths.apiKeyExchange()}`, { body: { api_key: DEMO_API_KEYS.developer } })).body.detail).toBe(
      'This API key was revoked',
    );
    expect(
      (await p.call('POST', `${API}${paths.login()}`, { body: { email: 'developer@example.com', password: DEMO_PASSWORD } })).status,
    ).toBe(401);
    expect((await p.call('GET', userPath(IDS.users.developer), { token: admin })).status).toBe(404);
    expect(UserPage.parse((await p.call('GET', USERS, { token: admin })).body).total).toBe(2);
  });
});

describe('profiles and test routes', () => {
  it('the documented profile serves the users calls; accepting an invitation, our extension, is a plain 404', async () => {
    const p = setup({ profile: 'documented', testRoutes: true });
    const { token } = await invited(p, 'doc@example.com');
    expect(await accept(p, { token, password: 'long enough' })).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    expect((await p.call('GET', ME, { token: await p.login('viewer') })).status).toBe(200);
  });

  it('the mail is readable over HTTP in test mode only, and never cross-origin', async () => {
    const off = setup();
    expect((await off.call('GET', `${API}/__test__/mail`)).status).toBe(404);
    const on = setup({ testRoutes: true });
    await invited(on, 'mailed@example.com');
    const res = await on.call('GET', `${API}/__test__/mail?to=Mailed@example.com`);
    expect(res.body.items).toMatchObject([{ to: 'mailed@example.com', link: expect.stringContaining('#token=') }]);
    expect((await on.call('GET', `${API}/__test__/mail`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('a test’s own organization, in test mode only: a workspace and one user per role, who see it and nothing of the demo’s', async () => {
    const off = setup();
    expect((await off.call('POST', `${API}/__test__/organizations`, { body: { name: 'Own Org' } })).status).toBe(404);
    const p = setup({ testRoutes: true });
    const made = await p.call('POST', `${API}/__test__/organizations`, { body: { name: 'Own Org' } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { organization, workspace, users } = made.body as {
      organization: { id: string; name: string };
      workspace: { id: string; name: string; org_id: string };
      users: { email: string; role: string }[];
    };
    expect(organization.name).toBe('Own Org');
    expect(workspace).toMatchObject({ name: 'Production', org_id: organization.id });
    expect(users.map((u) => [u.role, u.email])).toEqual([
      ['admin', 'admin@own-org.example.com'],
      ['developer', 'developer@own-org.example.com'],
      ['viewer', 'viewer@own-org.example.com'],
    ]);
    const signedIn = await p.call('POST', `${API}${paths.login()}`, {
      body: { email: 'admin@own-org.example.com', password: DEMO_PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    const token = (signedIn.body as { access_token: string }).access_token;
    expect(UserPage.parse((await p.call('GET', USERS, { token })).body).items.map((u) => u.email)).toHaveLength(3);
    expect((await p.call('GET', `${API}${paths.workspaces(IDS.org)}`, { token })).status).toBe(404);
    // The same name twice would give two users one email: refused, on the name.
    const again = await p.call('POST', `${API}/__test__/organizations`, { body: { name: 'own org' } });
    expect(again.status).toBe(409);
    expect(issue(again)!.loc).toEqual(['body', 'name']);
    expect(
      (await p.call('POST', `${API}/__test__/organizations`, { headers: { 'sec-fetch-site': 'cross-site' }, body: { name: 'X' } })).status,
    ).toBe(403);
  });
});
