import type { INestApplicationContext } from '@nestjs/common';
import { createClient, type Client } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { NotificationService } from '../src/notification/notification.service';
import { RoundCloseService } from '../src/voting/round-close.service';
import { FAST_VOTING, seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { closeRoundNow } from './support/close-round';
import { signedInClient, TestClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  type RunningApi,
} from './support/test-app';
import { poll } from './support/worker-process';

const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`;
const VOTE = 'mutation($c: ID!, $v: Int!) { castVote(candidateId: $c, value: $v) { hasVoted } }';
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!, $l: String) {
  addMember(project: $p, email: $e, role: $r, locale: $l) { id } }`;
const LIST = `query($f: Int, $a: String, $u: Boolean) { notifications(first: $f, after: $a, unreadOnly: $u) {
  items { id kind read projectSlug locale stringId stringKey roundId excerpt } unreadCount nextCursor } }`;
const MARK = 'mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }';

interface Item {
  id: string;
  kind: string;
  read: boolean;
  projectSlug: string | null;
  locale: string | null;
  stringId: string | null;
  stringKey: string | null;
  roundId: string | null;
  excerpt: string | null;
}
interface Page {
  notifications: { items: Item[]; unreadCount: number; nextCursor: string | null };
}
type User = { client: TestClient; id: string; email: string };

function socketFor(api: RunningApi, user: User): Client {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie: user.client.rawCookie ?? '' } });
    }
  }
  return createClient({
    url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: CookieSocket,
    lazy: false,
    retryAttempts: 0,
  });
}

/**
 * Issue 18 item 5: a decided round tells its authors they won or lost, an undecided one tells the
 * locale's deciders, once each even when the close job runs again; the bell's list and count are
 * the viewer's own, live over graphql-ws.
 */
describe('notifications', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let seed: SeededCatalogue;
  let owner: TestClient;
  let manager: User;
  let winner: User;
  let loser: User;
  let ws: Client;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    worker = await startWorker(api.config);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl'],
      source: { title: 'Budget', total: 'Total' },
      voting: { ...FAST_VOTING, duration: 3_600_000, maxExtensions: 0 },
    });
    manager = await signedInClient(api.baseUrl, 'manager');
    winner = await signedInClient(api.baseUrl, 'winner');
    loser = await signedInClient(api.baseUrl, 'loser');
    await owner.ok(ADD_MEMBER, { p: seed.slug, e: manager.email, r: 'language_manager', l: 'pl' });
    ws = socketFor(api, winner);
    await new Promise<void>((resolve, reject) => {
      ws.on('connected', () => resolve());
      ws.on('closed', () => reject(new Error('graphql-ws did not connect')));
    });
  });

  afterAll(async () => {
    await ws?.dispose();
    await worker?.close();
    if (api !== undefined) await flushQueueKeys(api.config);
    await api?.close();
  });

  async function unitOf(stringId: string): Promise<string> {
    const [unit] = await db.query<{ id: string }[]>(
      'SELECT id FROM translation_unit WHERE string_id = $1',
      [stringId],
    );
    return unit!.id;
  }

  async function submit(user: User, stringId: string, text: string): Promise<string> {
    const data = await user.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
      SUBMIT,
      { i: { stringId, locale: 'pl', forms: [{ category: '', text }] } },
    );
    return data.submitTranslation.candidate.id;
  }

  it('tells the winner (live) and the loser once when a round decides', async () => {
    const live: { notificationAdded: Item }[] = [];
    ws.subscribe<{ notificationAdded: Item }>(
      { query: 'subscription { notificationAdded { id kind stringKey excerpt } }' },
      {
        next: (v) => v.data && live.push(v.data),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    const stringId = seed.strings['s:title']!;
    const won = await submit(winner, stringId, 'Budżet');
    await submit(loser, stringId, 'Budzet');
    for (let i = 0; i < 3; i += 1) {
      const voter = await signedInClient(api.baseUrl, 'voter');
      await voter.client.ok(VOTE, { c: won, v: 1 });
    }
    const unitId = await unitOf(stringId);
    await closeRoundNow(api.app, unitId);

    const winnerPage = await poll(
      "the winner's notification",
      () => winner.client.ok<Page>(LIST, {}),
      (p) => p.notifications.items.length > 0,
    );
    expect(winnerPage.notifications.items).toEqual([
      expect.objectContaining({
        kind: 'CANDIDATE_WON',
        read: false,
        projectSlug: seed.slug,
        locale: 'pl',
        stringId,
        stringKey: 'title',
        excerpt: 'Budżet',
      }),
    ]);
    expect(winnerPage.notifications.unreadCount).toBe(1);
    const loserPage = await poll(
      "the loser's notification",
      () => loser.client.ok<Page>(LIST, {}),
      (p) => p.notifications.items.length > 0,
    );
    expect(loserPage.notifications.items.map((i) => [i.kind, i.excerpt])).toEqual([
      ['CANDIDATE_LOST', 'Budzet'],
    ]);

    // The close job again: the round is settled, and the dedupe keys would catch a repeat anyway.
    await api.app.get(RoundCloseService).tickDue(unitId, Date.now(), 10);
    const winnerItem = winnerPage.notifications.items[0]!;
    await api.app.get(NotificationService).notify({
      userId: winner.id,
      kind: 'CANDIDATE_WON',
      projectId: seed.projectId,
      payload: { roundId: winnerItem.roundId },
      dedupeKey: `won:${winnerItem.roundId ?? ''}`,
    });
    expect((await winner.client.ok<Page>(LIST, {})).notifications.items).toHaveLength(1);

    const pushed = await poll(
      'the live notification',
      () => Promise.resolve(live),
      (l) => l.length > 0,
    );
    expect(pushed.map((p) => p.notificationAdded)).toEqual([
      { id: winnerItem.id, kind: 'CANDIDATE_WON', stringKey: 'title', excerpt: 'Budżet' },
    ]);
  });

  it("tells the locale's deciders when a round closes undecided", async () => {
    const stringId = seed.strings['s:total']!;
    const suma = await submit(loser, stringId, 'Suma');
    await closeRoundNow(api.app, await unitOf(stringId));
    for (const client of [manager.client, owner]) {
      const page = await poll(
        'the needs-decision notification',
        () => client.ok<Page>(LIST, { u: true }),
        (p) => p.notifications.items.some((i) => i.kind === 'ROUND_NEEDS_DECISION'),
      );
      expect(page.notifications.items.find((i) => i.kind === 'ROUND_NEEDS_DECISION')).toMatchObject(
        { stringKey: 'total', locale: 'pl' },
      );
    }
    const loserPage = await loser.client.ok<Page>(LIST, {});
    expect(loserPage.notifications.items.map((i) => i.kind)).toEqual(['CANDIDATE_LOST']);

    // The manager decides it: the author hears of the win after the approval commits.
    await manager.client.ok(
      'mutation($c: ID!) { approveCandidate(id: $c, reason: "fits the glossary") { state } }',
      { c: suma },
    );
    const approved = await loser.client.ok<Page>(LIST, {});
    expect(approved.notifications.items.map((i) => [i.kind, i.stringKey, i.excerpt])).toEqual([
      ['CANDIDATE_WON', 'total', 'Suma'],
      ['CANDIDATE_LOST', 'title', 'Budzet'],
    ]);
  });

  it('ends the live notifications with SESSION_EXPIRED at the next event after sign-out', async () => {
    const leaver = await signedInClient(api.baseUrl, 'leaver');
    const socket = socketFor(api, leaver);
    const received: unknown[] = [];
    const codes: unknown[] = [];
    let ended: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (ended = resolve));
    socket.subscribe(
      { query: 'subscription { notificationAdded { id excerpt } }' },
      {
        next: (v) => received.push(v.data),
        error: (e) => {
          const errors = Array.isArray(e) ? (e as { extensions?: { code?: unknown } }[]) : [];
          codes.push(...errors.map((x) => x.extensions?.code));
          ended();
        },
        complete: () => ended(),
      },
    );
    const notifications = api.app.get(NotificationService);
    let n = 0;
    // Notified until the (asynchronously started) subscription delivers one: it is live.
    await poll(
      'a first live notification',
      async () => {
        await notifications.notify({
          userId: leaver.id,
          kind: 'REPLY',
          payload: { excerpt: `${(n += 1)}` },
        });
        return received.length;
      },
      (count) => count > 0,
    );
    await leaver.client.ok('mutation { signOut }');
    await notifications.notify({ userId: leaver.id, kind: 'REPLY', payload: { excerpt: 'after' } });
    await done;
    expect(codes).toEqual(['SESSION_EXPIRED']);
    await socket.dispose();
  });

  it('marks only your own notifications read, pages, and refuses bad input', async () => {
    const mine = (await winner.client.ok<Page>(LIST, {})).notifications.items[0]!;
    const theirs = (await loser.client.ok<Page>(LIST, {})).notifications.items[0]!;
    // Another user's id is ignored: nothing of theirs changes.
    expect(
      await winner.client.ok<{ markNotificationsRead: number }>(MARK, { ids: [theirs.id] }),
    ).toEqual({ markNotificationsRead: 1 });
    expect((await loser.client.ok<Page>(LIST, {})).notifications.unreadCount).toBe(2);
    expect(await winner.client.ok(MARK, { ids: [mine.id] })).toEqual({ markNotificationsRead: 0 });
    const read = await winner.client.ok<Page>(LIST, {});
    expect(read.notifications.items[0]!.read).toBe(true);
    expect((await winner.client.ok<Page>(LIST, { u: true })).notifications.items).toEqual([]);
    expect(await loser.client.ok(MARK, { all: true })).toEqual({ markNotificationsRead: 0 });

    // Paging: newest first, a cursor to the older ones.
    const notifications = api.app.get(NotificationService);
    for (const n of [1, 2, 3])
      await notifications.notify({
        userId: loser.id,
        kind: 'REPLY',
        payload: { excerpt: `r${n}` },
      });
    const first = await loser.client.ok<Page>(LIST, { f: 2 });
    expect(first.notifications.items.map((i) => i.excerpt)).toEqual(['r3', 'r2']);
    const second = await loser.client.ok<Page>(LIST, { f: 2, a: first.notifications.nextCursor });
    expect(second.notifications.items.map((i) => i.excerpt)).toEqual(['r1', 'Suma']);

    expect(await winner.client.errorCode(MARK, {})).toBe('BAD_USER_INPUT');
    expect(await winner.client.errorCode(MARK, { ids: ['nope'] })).toBe('BAD_USER_INPUT');
    const many = Array.from({ length: 201 }, () => mine.id);
    expect(await winner.client.errorCode(MARK, { ids: many })).toBe('BAD_USER_INPUT');
    expect(await winner.client.errorCode(LIST, { f: 1_000 })).toBe('BAD_USER_INPUT');
    expect(await winner.client.errorCode(LIST, { a: 'x' })).toBe('BAD_USER_INPUT');
    const anonymous = new TestClient(api.baseUrl);
    expect(await anonymous.errorCode(LIST, {})).toBe('UNAUTHENTICATED');
    expect(await anonymous.errorCode(MARK, { all: true })).toBe('UNAUTHENTICATED');
  });
});
