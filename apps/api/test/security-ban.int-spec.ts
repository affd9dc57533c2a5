import { DataSource } from 'typeorm';
import { SessionService } from '../src/identity/session.service';
import { pushCatalogue } from './support/catalogue-http';
import { signedInClient, TestClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  testConfig,
  type RunningApi,
} from './support/test-app';

const ADMIN = 'admin@chorus.test';
const ME = '{ me { id } }';
const BAN = 'mutation($e: String!, $r: String!) { banUser(email: $e, reason: $r) { id } }';
const UNBAN = 'mutation($e: String!) { unbanUser(email: $e) { id } }';
const CREATE_TOKEN = `mutation($p: String!, $n: String!, $s: [ApiTokenScope!]!) {
  createApiToken(project: $p, name: $n, scopes: $s) { secret } }`;

/** Resolves once `sessions` has applied an invalidation beyond `seen` (a hang guard only). */
async function invalidated(sessions: SessionService, seen: number): Promise<void> {
  while (sessions.applied <= seen) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Issue 14 (High 3, Medium 8) and issue 15 (session cache): a server-wide ban by an instance
 * administrator ends the account's sessions in every process at once, and its API tokens.
 * Before this there was no ban operation at all; a ban meant SQL plus a wait for the cache TTL.
 */
describe('security: server-wide bans by an instance administrator', () => {
  let a: RunningApi;
  let b: RunningApi;
  let admin: TestClient;

  beforeAll(async () => {
    const config = testConfig({ ADMIN_EMAILS: ADMIN });
    a = await startApi(config);
    b = await startApi(config);
    await resetDatabase(a.app);
    const signedIn = await signedInClient(a.baseUrl, 'admin');
    await a.app
      .get(DataSource)
      .query('UPDATE "user" SET email = $2 WHERE id = $1', [signedIn.id, ADMIN]);
    admin = signedIn.client;
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await flushQueueKeys(a.config);
  });

  it('refuses everyone but an instance administrator, and says why', async () => {
    const owner = await signedInClient(a.baseUrl, 'owner');
    const victim = await signedInClient(a.baseUrl, 'victim');
    expect(await owner.client.errorCode(BAN, { e: victim.email, r: 'spam' })).toBe('FORBIDDEN');
    expect(await victim.client.ok(ME)).toEqual({ me: { id: victim.id } });
    expect(await admin.errorCode(BAN, { e: 'nobody@example.test', r: 'spam' })).toBe(
      'USER_NOT_FOUND',
    );
    expect(await admin.errorCode(BAN, { e: victim.email, r: '   ' })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(BAN, { e: ADMIN, r: 'oops' })).toBe('BAD_USER_INPUT');
  });

  it('ends the sessions in the other process at once, stops tokens, is audited, and can be lifted', async () => {
    const dev = await signedInClient(a.baseUrl, 'dev');
    await dev.client.ok(
      'mutation { createProject(input: { slug: "banned-dev", name: "B", sourceLocale: "en" }) { id } }',
    );
    const { createApiToken } = await dev.client.ok<{ createApiToken: { secret: string } }>(
      CREATE_TOKEN,
      { p: 'banned-dev', n: 'CI', s: ['push'] },
    );
    const path = '/api/projects/banned-dev/catalogues/translation';
    const body = JSON.stringify({ hello: 'Hello' });
    expect(
      (await pushCatalogue(a.baseUrl, path, body, { token: createApiToken.secret })).status,
    ).toBe(200);

    // Process B holds the session in its cache; the ban goes through process A.
    const onB = new TestClient(b.baseUrl);
    onB.setRawCookie(dev.client.rawCookie);
    expect(await onB.ok(ME)).toEqual({ me: { id: dev.id } });
    const bSessions = b.app.get(SessionService);
    const seen = bSessions.applied;
    await admin.ok(BAN, { e: dev.email.toUpperCase(), r: 'pushed spam' });
    await invalidated(bSessions, seen);

    expect(await onB.ok(ME)).toEqual({ me: null });
    expect(await dev.client.ok(ME)).toEqual({ me: null });
    const pushed = await pushCatalogue(a.baseUrl, path, body, { token: createApiToken.secret });
    expect(pushed.status).toBe(401);
    const sessions = await a.app
      .get(DataSource)
      .query<{ n: number }[]>('SELECT count(*)::int AS n FROM session WHERE user_id = $1', [
        dev.id,
      ]);
    expect(sessions[0]?.n).toBe(0);
    const events = await a.app
      .get(DataSource)
      .query<{ type: string; payload: { reason?: string } }[]>(
        `SELECT type, payload FROM event WHERE type LIKE 'user.%banned' ORDER BY id`,
      );
    expect(events).toEqual([
      { type: 'user.banned', payload: { userId: dev.id, reason: 'pushed spam' } },
    ]);

    await admin.ok(UNBAN, { e: dev.email });
    const again = new TestClient(a.baseUrl);
    await again.ok('mutation($i: SignInInput!) { signIn(input: $i) { id } }', {
      i: { email: dev.email, password: 'correct horse battery' },
    });
    expect(await again.ok(ME)).toEqual({ me: { id: dev.id } });
  });
});
