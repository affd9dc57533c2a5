import type { Client } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { ProjectService } from '../src/catalogue/project.service';
import { SessionService } from '../src/identity/session.service';
import { LIVE_EVENTS, type LiveEvents } from '../src/voting/live-events';
import { VotingQueryService } from '../src/voting/voting-query.service';
import { seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { signedInClient, type TestClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  testConfig,
  type RunningApi,
} from './support/test-app';
import {
  errorCodes,
  type Received,
  socket,
  subscribe,
  until,
  warmUpLiveChannel,
  wsUrl,
} from './support/ws-client';

/** The HTTP status of a raw handshake: 101 when the socket opened. */
function handshake(
  api: RunningApi,
  headers: Record<string, string>,
): Promise<{ status: number; ws: WebSocket }> {
  const ws = new WebSocket(wsUrl(api), 'graphql-transport-ws', { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ status: 101, ws }));
    ws.once('unexpected-response', (_req, res: IncomingMessage) =>
      resolve({ status: res.statusCode ?? 0, ws }),
    );
    ws.once('error', reject);
  });
}

const ROUND_DECIDED =
  'subscription($p: String!, $l: String!) { roundDecided(project: $p, locale: $l) { stringId round { id state } } }';
const SUBMIT =
  'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }';

describe('graphql-ws applies the HTTP rules and re-checks the session (issue 14 #3, #4)', () => {
  let api: RunningApi;
  let db: DataSource;
  let owner: TestClient;
  let seed: SeededCatalogue;
  let roundId: string;
  let liveSubscribe: jest.SpyInstance;
  const sockets: Client[] = [];

  /** Starts subscriptions and waits until the server listens for their events. */
  async function live(count: number, start: () => Received): Promise<Received[]> {
    const before = liveSubscribe.mock.calls.length;
    const started = Array.from({ length: count }, start);
    await until(() => liveSubscribe.mock.calls.length >= before + count);
    return started;
  }

  function open(headers: Record<string, string> = {}): Client {
    const client = socket(api, headers);
    sockets.push(client);
    return client;
  }

  function cookieOf(client: TestClient): Record<string, string> {
    return client.rawCookie === null ? {} : { cookie: client.rawCookie };
  }

  /** One roundDecided event for the seeded project, as the worker publishes it after a close. */
  async function publishRoundDecided(): Promise<void> {
    await api.app.get<symbol, LiveEvents>(LIVE_EVENTS).publish({
      type: 'roundDecided',
      projectId: seed.projectId,
      locale: 'pl',
      stringId: seed.strings['s:title'] ?? '',
      roundId,
    });
  }

  beforeAll(async () => {
    api = await startApi(
      testConfig({ GRAPHQL_MAX_DEPTH: '3', CORS_ORIGINS: 'https://app.example.test' }),
    );
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, { locales: ['pl'], source: { title: 'Budget' } });
    await owner.ok(SUBMIT, {
      i: {
        stringId: seed.strings['s:title'],
        locale: 'pl',
        forms: [{ category: '', text: 'Budżet' }],
      },
    });
    const rows: { id: string }[] = await db.query(
      'SELECT r.id FROM round r JOIN translation_unit u ON u.id = r.unit_id WHERE u.string_id = $1',
      [seed.strings['s:title']],
    );
    roundId = rows[0]?.id ?? '';
    const events = api.app.get<symbol, LiveEvents>(LIVE_EVENTS);
    await warmUpLiveChannel(api, ROUND_DECIDED, { p: seed.slug, l: 'pl' }, publishRoundDecided);
    liveSubscribe = jest.spyOn(events, 'subscribe');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await api?.close();
    if (api !== undefined) await flushQueueKeys(api.config);
  });

  it('carries subscriptions only: a mutation or query over the socket is refused (SUBSCRIPTIONS_ONLY)', async () => {
    const user = await signedInClient(api.baseUrl, 'wsmut');
    const client = open(cookieOf(user.client));
    const mutation = await subscribe(
      client,
      'mutation { createProject(input: { slug: "via-socket", name: "x", sourceLocale: "en" }) { id } }',
    ).atLeast(1);
    expect(errorCodes(mutation.messages[0]?.value)).toEqual(['SUBSCRIPTIONS_ONLY']);
    const query = await subscribe(client, '{ me { id } }').atLeast(1);
    expect(errorCodes(query.messages[0]?.value)).toEqual(['SUBSCRIPTIONS_ONLY']);
    const rows: unknown[] = await db.query("SELECT 1 FROM project WHERE slug = 'via-socket'");
    expect(rows).toHaveLength(0);
  });

  it('after sign-out: the next subscribe is refused and a live subscription stops delivering', async () => {
    const user = await signedInClient(api.baseUrl, 'signout');
    const client = open(cookieOf(user.client));
    const [sub] = await live(1, () => subscribe(client, ROUND_DECIDED, { p: seed.slug, l: 'pl' }));
    await publishRoundDecided();
    const received = await sub!.atLeast(1);
    expect(received.messages[0]?.kind).toBe('data');

    await user.client.ok('mutation { signOut }');
    const refused = await subscribe(client, ROUND_DECIDED, { p: seed.slug, l: 'pl' }).atLeast(1);
    expect(errorCodes(refused.messages[0]?.value)).toEqual(['SESSION_EXPIRED']);
    await publishRoundDecided();
    await received.atLeast(2);
    expect(received.messages[1]?.kind).toBe('error');
    expect(errorCodes(received.messages[1]?.value)).toEqual(['SESSION_EXPIRED']);
    expect(received.messages.filter((m) => m.kind === 'data')).toHaveLength(1);
  });

  it('after a ban: the same', async () => {
    const user = await signedInClient(api.baseUrl, 'banned');
    const client = open(cookieOf(user.client));
    const [sub] = await live(1, () => subscribe(client, ROUND_DECIDED, { p: seed.slug, l: 'pl' }));
    await publishRoundDecided();
    const received = await sub!.atLeast(1);
    await db.query('UPDATE "user" SET banned_at = now() WHERE id = $1', [user.id]);
    // What a ban does after its commit: every process forgets the user's cached sessions.
    await api.app.get(SessionService).invalidateUser(user.id);
    const refused = await subscribe(client, ROUND_DECIDED, { p: seed.slug, l: 'pl' }).atLeast(1);
    expect(errorCodes(refused.messages[0]?.value)).toEqual(['SESSION_EXPIRED']);
    await publishRoundDecided();
    await received.atLeast(2);
    expect(errorCodes(received.messages[1]?.value)).toEqual(['SESSION_EXPIRED']);
  });

  it('after removal from a private project: its roundDecided stops arriving', async () => {
    const member = await signedInClient(api.baseUrl, 'member');
    await db.query("UPDATE project SET visibility = 'private' WHERE id = $1", [seed.projectId]);
    await db.query(
      "INSERT INTO membership (project_id, user_id, role) VALUES ($1, $2, 'translator')",
      [seed.projectId, member.id],
    );
    try {
      const client = open(cookieOf(member.client));
      const [sub] = await live(1, () =>
        subscribe(client, ROUND_DECIDED, { p: seed.slug, l: 'pl' }),
      );
      await publishRoundDecided();
      const received = await sub!.atLeast(1);
      expect(received.messages[0]?.kind).toBe('data');
      await db.query('DELETE FROM membership WHERE project_id = $1 AND user_id = $2', [
        seed.projectId,
        member.id,
      ]);
      await publishRoundDecided();
      await received.atLeast(2);
      expect(errorCodes(received.messages[1]?.value)).toEqual(['PROJECT_NOT_FOUND']);
      expect(received.messages.filter((m) => m.kind === 'data')).toHaveLength(1);
    } finally {
      await db.query("UPDATE project SET visibility = 'public' WHERE id = $1", [seed.projectId]);
    }
  });

  it('runs the HTTP validation rules: depth and complexity limits, exponential fragments', async () => {
    const client = open();
    const deep = await subscribe(
      client,
      'subscription($p: String!) { roundDecided(project: $p, locale: "pl") { round { decision { reasons } } } }',
      { p: seed.slug },
    ).atLeast(1);
    expect(errorCodes(deep.messages[0]?.value)).toEqual(['QUERY_TOO_DEEP']);
    const fragments = ['fragment F0 on RoundEvent { stringId locale }'];
    for (let i = 1; i <= 20; i += 1)
      fragments.push(`fragment F${i} on RoundEvent { ...F${i - 1} ...F${i - 1} }`);
    const exponential = await subscribe(
      client,
      `subscription { roundDecided(project: "x", locale: "pl") { ...F20 } } ${fragments.join(' ')}`,
    ).atLeast(1);
    expect(errorCodes(exponential.messages[0]?.value)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('formats errors as HTTP does: codes, no database internals', async () => {
    // A failure inside a resolver, as a driver reports it (before: its text reached the client).
    const leak = jest
      .spyOn(api.app.get(ProjectService), 'findVisible')
      .mockRejectedValueOnce(new Error('relation "project" does not exist at character 15'));
    try {
      const received = await subscribe(open(), ROUND_DECIDED, { p: seed.slug, l: 'pl' }).atLeast(1);
      expect(errorCodes(received.messages[0]?.value)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(received.messages[0]?.value)).not.toMatch(
        /relation|character|\.ts:\d+/,
      );
    } finally {
      leak.mockRestore();
    }
  });

  it('refuses messages over the HTTP body limit (2 MB) without reading them', async () => {
    const { status, ws } = await handshake(api, {});
    expect(status).toBe(101);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(
      JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(3 * 1024 * 1024) } }),
    );
    expect(await closed).toBe(1009);
  });

  it('admits only this origin and CORS_ORIGINS (cross-site WebSocket hijacking)', async () => {
    const evil = await handshake(api, { origin: 'https://evil.example', ...cookieOf(owner) });
    expect(evil.status).toBe(403);
    const listed = await handshake(api, { origin: 'https://app.example.test' });
    expect(listed.status).toBe(101);
    listed.ws.close();
    const same = await handshake(api, { origin: api.baseUrl });
    expect(same.status).toBe(101);
    same.ws.close();
  });

  it('loads a round once per event however many subscriptions it reaches', async () => {
    const queries = api.app.get(VotingQueryService);
    const projects = api.app.get(ProjectService);
    const client = open(cookieOf(owner));
    const subscriptions = await live(20, () =>
      subscribe(client, ROUND_DECIDED, { p: seed.slug, l: 'pl' }),
    );
    const rounds = jest.spyOn(queries, 'roundModel');
    const visibility = jest.spyOn(projects, 'visibilityOf');
    try {
      await publishRoundDecided();
      await Promise.all(subscriptions.map((s) => s.atLeast(1)));
      expect(subscriptions.every((s) => s.messages[0]?.kind === 'data')).toBe(true);
      expect(rounds).toHaveBeenCalledTimes(1);
      expect(visibility).toHaveBeenCalledTimes(1);
    } finally {
      rounds.mockRestore();
      visibility.mockRestore();
    }
  });
});

describe('graphql-ws caps per connection, per user and per IP (issue 14 #4)', () => {
  let api: RunningApi;
  let slug: string;

  beforeAll(async () => {
    api = await startApi(
      testConfig({
        GRAPHQL_WS_MAX_SUBSCRIPTIONS: '3',
        GRAPHQL_WS_MAX_CONNECTIONS_PER_USER: '2',
        GRAPHQL_WS_MAX_CONNECTIONS_PER_IP: '4',
      }),
    );
    const owner = (await signedInClient(api.baseUrl, 'capsowner')).client;
    slug = (await seedCatalogue(api.app, owner, { locales: ['pl'], source: { a: 'A' } })).slug;
  }, 60_000);

  afterAll(() => api?.close());

  it('refuses the subscription past the cap on one connection (SUBSCRIPTION_LIMIT)', async () => {
    const client = socket(api);
    const query =
      'subscription($p: String!) { roundDecided(project: $p, locale: "pl") { stringId } }';
    try {
      const held = [1, 2, 3].map(() => subscribe(client, query, { p: slug }));
      const fourth = await subscribe(client, query, { p: slug }).atLeast(1);
      expect(errorCodes(fourth.messages[0]?.value)).toEqual(['SUBSCRIPTION_LIMIT']);
      expect(held.every((h) => h.messages.length === 0)).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a third connection of one user and a fifth of one IP with 429', async () => {
    const user = await signedInClient(api.baseUrl, 'caps');
    const cookie = { cookie: user.client.rawCookie ?? '' };
    const opened: WebSocket[] = [];
    try {
      for (let i = 0; i < 2; i += 1) {
        const { status, ws } = await handshake(api, cookie);
        expect(status).toBe(101);
        opened.push(ws);
      }
      expect((await handshake(api, cookie)).status).toBe(429);
      for (let i = 0; i < 2; i += 1) {
        const { status, ws } = await handshake(api, {});
        expect(status).toBe(101);
        opened.push(ws);
      }
      expect((await handshake(api, {})).status).toBe(429);
      // A closed connection frees its slot (once the server has seen the close).
      opened.pop()?.close();
      let again = await handshake(api, {});
      while (again.status !== 101) again = await handshake(api, {});
      opened.push(again.ws);
    } finally {
      for (const ws of opened) ws.close();
    }
  });
});
