import { DataSource } from 'typeorm';
import { SessionService } from '../src/identity/session.service';
import { signedInClient, TestClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';

const ME = '{ me { id } }';
const MEMBERS = 'query($p: String!) { members(project: $p) { id } }';

/** Resolves once `sessions` has applied an invalidation beyond `seen` (a guard against hangs only). */
async function invalidated(sessions: SessionService, seen: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (sessions.applied <= seen) {
    if (Date.now() > deadline) throw new Error('invalidation never arrived');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The same cookie, sent to another API process. */
function sameSession(client: TestClient, baseUrl: string): TestClient {
  const other = new TestClient(baseUrl);
  other.setRawCookie(client.rawCookie);
  return other;
}

/**
 * Issue 15: sessions are cached per process for a few seconds; sign-out, ban and removal from a
 * project reach every process at once. Two API processes (two Nest apps) share the database and
 * the transport; a change made through one is honoured by the other on its next request.
 */
describe('session cache across two API processes', () => {
  let a: RunningApi;
  let b: RunningApi;
  let bSessions: SessionService;
  let db: DataSource;

  beforeAll(async () => {
    a = await startApi();
    b = await startApi();
    await resetDatabase(a.app);
    db = a.app.get(DataSource);
    bSessions = b.app.get(SessionService);
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await flushQueueKeys(a.config);
  });

  it('a sign-out in one process ends the session in the other, whose cache held it', async () => {
    const user = await signedInClient(a.baseUrl, 'leaver');
    const onB = sameSession(user.client, b.baseUrl);
    expect(await onB.ok(ME)).toEqual({ me: { id: user.id } });
    // Cached in B now: the row is read once per SESSION_CACHE_MS.
    const seen = bSessions.applied;
    await user.client.ok('mutation { signOut }');
    await invalidated(bSessions, seen);
    expect(await onB.ok(ME)).toEqual({ me: null });
  });

  it('a ban (invalidateUser after it commits) ends every session of the user in every process', async () => {
    const user = await signedInClient(a.baseUrl, 'banned');
    const onB = sameSession(user.client, b.baseUrl);
    expect(await onB.ok(ME)).toEqual({ me: { id: user.id } });
    const seen = bSessions.applied;
    await db.query('UPDATE "user" SET banned_at = now() WHERE id = $1', [user.id]);
    await a.app.get(SessionService).invalidateUser(user.id);
    await invalidated(bSessions, seen);
    expect(await onB.ok(ME)).toEqual({ me: null });
  });

  it('a removal from a private project is honoured by the other process on the next request', async () => {
    const owner = await signedInClient(a.baseUrl, 'owner');
    const slug = `private-${process.pid}`;
    await owner.client.ok(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { slug } }',
      {
        i: { slug, name: 'Private', sourceLocale: 'en', visibility: 'private' },
      },
    );
    const member = await signedInClient(a.baseUrl, 'member');
    const added = await owner.client.ok<{ addMember: { id: string } }>(
      'mutation($p: String!, $e: String!) { addMember(project: $p, email: $e, role: translator) { id } }',
      { p: slug, e: member.email },
    );
    const onB = sameSession(member.client, b.baseUrl);
    expect((await onB.ok<{ members: unknown[] }>(MEMBERS, { p: slug })).members).toHaveLength(2);
    const seen = bSessions.applied;
    await owner.client.ok(
      'mutation($p: String!, $id: ID!) { removeMember(project: $p, id: $id) }',
      {
        p: slug,
        id: added.addMember.id,
      },
    );
    await invalidated(bSessions, seen);
    expect(await onB.errorCode(MEMBERS, { p: slug })).toBe('PROJECT_NOT_FOUND');
    // Still signed in: a removal ends access to the project, not the session.
    expect(await onB.ok(ME)).toEqual({ me: { id: member.id } });
  });
});
