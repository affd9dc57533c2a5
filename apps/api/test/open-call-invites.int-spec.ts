/**
 * Issue 18 item 1: invite links for closed projects (role, locale, expiry, use count, revocable;
 * the token shown once and stored as a hash), and bans closing the open door.
 */
import { DataSource } from 'typeorm';
import { TestClient, signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const CREATE = `mutation($p: String!, $r: ProjectRole!, $l: String, $e: DateTime, $m: Int) {
  createInvite(project: $p, role: $r, locale: $l, expiresAt: $e, maxUses: $m) {
    token invite { id project role locale maxUses uses expiresAt revokedAt } } }`;
const LIST = 'query($p: String!) { invites(project: $p) { id role locale uses revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeInvite(id: $id) { id revokedAt } }';
const ACCEPT = 'mutation($t: String!) { acceptInvite(token: $t) { id role locale } }';
const MEMBERS = 'query($p: String!) { members(project: $p) { role locale user { id } } }';

interface Created {
  createInvite: { token: string; invite: { id: string; uses: number; locale: string | null } };
}

describe('invite links', () => {
  let api: RunningApi;
  let owner: TestClient;
  let db: DataSource;

  const create = (vars: Record<string, unknown>) =>
    owner.ok<Created>(CREATE, { p: 'closed', r: 'translator', ...vars });

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    await owner.ok(
      'mutation { createProject(input: { slug: "closed", name: "Closed", sourceLocale: "en", visibility: "private" }) { slug } }',
    );
    for (const c of ['de', 'fr']) {
      await owner.ok('mutation($c: String!) { addLocale(project: "closed", code: $c) { code } }', {
        c,
      });
    }
  });

  afterAll(() => api.close());

  it('creates a link whose token is shown once and stored only as a hash', async () => {
    const created = await create({ r: 'language_manager', l: 'de', m: 2 });
    expect(created.createInvite.token).toMatch(/^chorus_inv_[A-Za-z0-9_-]{43}$/);
    expect(created.createInvite.invite).toMatchObject({
      project: 'closed',
      role: 'language_manager',
      locale: 'de',
      maxUses: 2,
      uses: 0,
      revokedAt: null,
    });
    const listed = await owner.gql(LIST, { p: 'closed' });
    expect(JSON.stringify(listed)).not.toContain(created.createInvite.token);
    const stored = await db.query<{ token_hash: string }[]>('SELECT token_hash FROM invite');
    expect(JSON.stringify(stored)).not.toContain(created.createInvite.token);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('grants the role to whoever accepts, idempotently, until the uses run out', async () => {
    const { createInvite } = await create({ l: 'fr', m: 1 });
    const first = await signedInClient(api.baseUrl, 'first');
    const joined = await first.client.ok<{ acceptInvite: { role: string; locale: string } }>(
      ACCEPT,
      { t: createInvite.token },
    );
    expect(joined.acceptInvite).toMatchObject({ role: 'translator', locale: 'fr' });
    // Accepting again as a member uses nothing.
    await first.client.ok(ACCEPT, { t: createInvite.token });
    const members = await owner.ok<{ members: { role: string; user: { id: string } }[] }>(MEMBERS, {
      p: 'closed',
    });
    expect(members.members.filter((m) => m.user.id === first.id)).toHaveLength(1);
    // The private project is now visible to the new member.
    await first.client.ok('query { project(slug: "closed") { slug } }');
    const second = (await signedInClient(api.baseUrl, 'second')).client;
    expect(await second.errorCode(ACCEPT, { t: createInvite.token })).toBe('INVITE_USED_UP');
    const listed = await owner.ok<{ invites: { id: string; uses: number }[] }>(LIST, {
      p: 'closed',
    });
    expect(listed.invites.find((i) => i.id === createInvite.invite.id)?.uses).toBe(1);
  });

  it('refuses revoked, expired and unknown links', async () => {
    const guest = (await signedInClient(api.baseUrl, 'guest')).client;
    const revoked = (await create({})).createInvite;
    const done = await owner.ok<{ revokeInvite: { revokedAt: string | null } }>(REVOKE, {
      id: revoked.invite.id,
    });
    expect(done.revokeInvite.revokedAt).not.toBeNull();
    expect(await guest.errorCode(ACCEPT, { t: revoked.token })).toBe('INVITE_REVOKED');

    const expiring = (await create({ e: new Date(Date.now() + 3_600_000).toISOString() }))
      .createInvite;
    await db.query("UPDATE invite SET expires_at = now() - interval '1 minute' WHERE id = $1", [
      expiring.invite.id,
    ]);
    expect(await guest.errorCode(ACCEPT, { t: expiring.token })).toBe('INVITE_EXPIRED');
    expect(await guest.errorCode(ACCEPT, { t: 'chorus_inv_unknown-token' })).toBe(
      'INVITE_NOT_FOUND',
    );
    expect(await guest.errorCode(ACCEPT, { t: 'short' })).toBe('BAD_USER_INPUT');
    expect(await new TestClient(api.baseUrl).errorCode(ACCEPT, { t: revoked.token })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('validates role, locale, expiry and use count', async () => {
    const codes = async (vars: Record<string, unknown>) =>
      owner.errorCode(CREATE, { p: 'closed', r: 'translator', ...vars });
    expect(await codes({ r: 'owner' })).toBe('BAD_USER_INPUT');
    expect(await codes({ r: 'language_manager' })).toBe('INVALID_INVITE');
    expect(await codes({ r: 'developer', l: 'de' })).toBe('INVALID_INVITE');
    expect(await codes({ l: 'ja' })).toBe('LOCALE_NOT_IN_PROJECT');
    expect(await codes({ e: new Date(Date.now() - 60_000).toISOString() })).toBe('INVALID_INVITE');
    expect(await codes({ e: new Date(Date.now() + 400 * 86_400_000).toISOString() })).toBe(
      'INVALID_INVITE',
    );
    expect(await codes({ m: 0 })).toBe('BAD_USER_INPUT');
    expect(await codes({ m: 1001 })).toBe('BAD_USER_INPUT');
  });

  it('bounds the working links of a project', async () => {
    const [row] = await db.query<{ id: string }[]>("SELECT id FROM project WHERE slug = 'closed'");
    await db.query(
      `INSERT INTO invite (project_id, token_hash, role)
       SELECT $1, md5(random()::text || g::text), 'translator' FROM generate_series(1, 100) g`,
      [row?.id],
    );
    expect(await owner.errorCode(CREATE, { p: 'closed', r: 'translator' })).toBe(
      'TOO_MANY_INVITES',
    );
    await db.query("DELETE FROM invite WHERE token_hash !~ '^[0-9a-f]{64}$'");
  });

  it('lets only owners manage links, and hides a private project from strangers', async () => {
    const { createInvite } = await create({});
    const stranger = (await signedInClient(api.baseUrl, 'stranger')).client;
    expect(await stranger.errorCode(LIST, { p: 'closed' })).toBe('PROJECT_NOT_FOUND');
    expect(await stranger.errorCode(REVOKE, { id: createInvite.invite.id })).toBe(
      'PROJECT_NOT_FOUND',
    );
    expect(await stranger.errorCode(CREATE, { p: 'closed', r: 'translator' })).toBe(
      'PROJECT_NOT_FOUND',
    );
    const translator = await signedInClient(api.baseUrl, 'translator');
    await translator.client.ok(ACCEPT, { t: createInvite.token });
    expect(await translator.client.errorCode(LIST, { p: 'closed' })).toBe('FORBIDDEN');
    expect(await translator.client.errorCode(REVOKE, { id: createInvite.invite.id })).toBe(
      'FORBIDDEN',
    );
    expect(await owner.errorCode(REVOKE, { id: '00000000-0000-4000-8000-000000000000' })).toBe(
      'INVITE_NOT_FOUND',
    );
    expect(await owner.errorCode(REVOKE, { id: 'nope' })).toBe('BAD_USER_INPUT');
  });

  it('refuses a link to someone banned from the project', async () => {
    const { createInvite } = await create({});
    const banned = await signedInClient(api.baseUrl, 'banned');
    await db.query(
      `INSERT INTO project_ban (project_id, user_id, reason)
       SELECT id, $1, 'spam' FROM project WHERE slug = 'closed'`,
      [banned.id],
    );
    expect(await banned.client.errorCode(ACCEPT, { t: createInvite.token })).toBe('PROJECT_BANNED');
  });
});
