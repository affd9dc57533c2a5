import type { INestApplicationContext } from '@nestjs/common';
import { createClient, type Client } from 'graphql-ws';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { LIVE_EVENTS, type LiveEvents } from '../src/voting/live-events';
import { RoundCloseService } from '../src/voting/round-close.service';
import { FAST_VOTING, seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { closeRoundNow } from './support/close-round';
import { signedInClient, type TestClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  testConfig,
  type RunningApi,
} from './support/test-app';
import { poll } from './support/worker-process';

/** The receiver listens on 127.0.0.1, so this file allows exactly that address, as an operator would. */
const CONFIG = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };
const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`;
const VOTE = 'mutation($c: ID!, $v: Int!) { castVote(candidateId: $c, value: $v) { hasVoted } }';
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!, $l: String) {
  addMember(project: $p, email: $e, role: $r, locale: $l) { id } }`;
const QUEUE = `query($p: String!, $l: String, $f: Int) { needsDecision(project: $p, locale: $l, first: $f) {
  items { stringId key locale roundId needsDecision { reasons extendedUntil } } nextCursor } }`;
const APPROVE = `mutation($c: ID!) { approveCandidate(id: $c, reason: "nobody else voted") { state } }`;

interface QueuePage {
  needsDecision: {
    items: {
      stringId: string;
      key: string;
      locale: string;
      roundId: string;
      needsDecision: { reasons: string[]; extendedUntil: string | null };
    }[];
    nextCursor: string | null;
  };
}

interface NeedsDecisionEvent {
  roundNeedsDecision: { stringId: string; locale: string; round: { id: string; state: string } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * Issue 17 item 2: a round that closes without enough votes lands in the manager's *needs a
 * decision* queue, is announced once (live event and webhook `round.needs_decision`), and leaves
 * the queue when the manager approves a candidate.
 */
describe('the needs-a-decision queue', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let receiver: Server;
  let db: DataSource;
  let seed: SeededCatalogue;
  let owner: TestClient;
  let manager: { client: TestClient; id: string; email: string };
  let translator: { client: TestClient; id: string; email: string };
  let outsider: { client: TestClient; id: string; email: string };
  let ws: Client;
  const bodies: Record<string, unknown>[] = [];

  beforeAll(async () => {
    api = await startApi(testConfig(CONFIG));
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    worker = await startWorker(api.config);
    receiver = createServer((req, res) => {
      void readBody(req).then((body) => {
        bodies.push(JSON.parse(body) as Record<string, unknown>);
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl'],
      source: { title: 'Budget' },
      // Deadline an hour away (closeRoundNow ends it), no extension: an undecided round closes.
      voting: { ...FAST_VOTING, duration: 3_600_000, maxExtensions: 0 },
    });
    manager = await signedInClient(api.baseUrl, 'manager');
    translator = await signedInClient(api.baseUrl, 'translator');
    outsider = await signedInClient(api.baseUrl, 'outsider');
    await owner.ok(ADD_MEMBER, { p: seed.slug, e: manager.email, r: 'language_manager', l: 'pl' });
    await owner.ok(ADD_MEMBER, { p: seed.slug, e: translator.email, r: 'translator', l: null });
    await owner.ok(
      'mutation($p: String!, $u: String!) { addWebhook(project: $p, url: $u) { secret } }',
      {
        p: seed.slug,
        u: url,
      },
    );
    class CookieSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie: manager.client.rawCookie ?? '' } });
      }
    }
    ws = createClient({
      url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: CookieSocket,
      lazy: false,
      retryAttempts: 0,
    });
  });

  afterAll(async () => {
    await ws?.dispose();
    await worker?.close();
    if (api !== undefined) await flushQueueKeys(api.config);
    await api?.close();
    await new Promise((r) => receiver?.close(r));
  });

  it('lists an undecided round for its manager, announces it once, and drops it after approval', async () => {
    const events: NeedsDecisionEvent[] = [];
    const errors: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.on('connected', () => resolve());
      ws.on('closed', () => reject(new Error('graphql-ws did not connect')));
    });
    ws.subscribe<NeedsDecisionEvent>(
      {
        query: `subscription($p: String!, $l: String!) { roundNeedsDecision(project: $p, locale: $l) {
          stringId locale round { id state } } }`,
        variables: { p: seed.slug, l: 'pl' },
      },
      {
        next: (value) => value.data && events.push(value.data),
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );

    const stringId = seed.strings['s:title']!;
    const author = await signedInClient(api.baseUrl, 'author');
    const voter = await signedInClient(api.baseUrl, 'voter');
    const submitted = await author.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
      SUBMIT,
      { i: { stringId, locale: 'pl', forms: [{ category: '', text: 'Budżet' }] } },
    );
    const candidateId = submitted.submitTranslation.candidate.id;
    // One vote where a quorum of two voters is needed: the deadline cannot decide.
    await voter.client.ok(VOTE, { c: candidateId, v: 1 });
    const [unit] = await db.query<{ id: string }[]>(
      'SELECT id FROM translation_unit WHERE string_id = $1',
      [stringId],
    );
    const empty = await manager.client.ok<QueuePage>(QUEUE, { p: seed.slug, l: 'pl' });
    expect(empty.needsDecision.items).toEqual([]);
    await closeRoundNow(api.app, unit!.id);

    const page = await poll(
      'the round in the manager queue',
      () => manager.client.ok<QueuePage>(QUEUE, { p: seed.slug, l: 'pl' }),
      (p) => p.needsDecision.items.length > 0,
    );
    const [entry] = page.needsDecision.items;
    expect(entry).toMatchObject({
      stringId,
      key: 'title',
      locale: 'pl',
      needsDecision: { extendedUntil: null },
    });
    // In this small locale the author's endorsement is a second upvoter (minimum votes met), but one
    // person voted where the quorum needs two.
    expect(entry!.needsDecision.reasons).toEqual(['QUORUM']);
    expect(page.needsDecision.nextCursor).toBeNull();
    // The owner sees it without naming a locale.
    const all = await owner.ok<QueuePage>(QUEUE, { p: seed.slug, l: null });
    expect(all.needsDecision.items.map((i) => i.roundId)).toEqual([entry!.roundId]);

    // Others get the approval's own refusal.
    expect(await translator.client.errorCode(QUEUE, { p: seed.slug, l: 'pl' })).toBe('FORBIDDEN');
    expect(await outsider.client.errorCode(QUEUE, { p: seed.slug, l: 'pl' })).toBe('FORBIDDEN');
    expect(await manager.client.errorCode(QUEUE, { p: seed.slug, l: null })).toBe('FORBIDDEN');
    expect(await manager.client.errorCode(QUEUE, { p: seed.slug, l: 'pl', f: 1_000 })).toBe(
      'BAD_USER_INPUT',
    );

    // A close job that runs again finds the round settled and announces nothing new.
    const again = await api.app.get(RoundCloseService).tickDue(unit!.id, Date.now(), 10);
    expect(again.state.round.state).toBe('UNDECIDED');

    const announced = await poll(
      'the live event and the webhook',
      () => Promise.resolve({ events, bodies }),
      (v) => v.events.length > 0 && v.bodies.some((b) => b['event'] === 'round.needs_decision'),
    );
    expect(errors).toEqual([]);
    expect(announced.events[0]!.roundNeedsDecision).toEqual({
      stringId,
      locale: 'pl',
      round: { id: entry!.roundId, state: 'UNDECIDED' },
    });

    // A reason past ACTION_REASON_MAX is refused before anything changes (audit rows stay small).
    const tooLong = await manager.client.gql(
      'mutation($c: ID!, $r: String!) { approveCandidate(id: $c, reason: $r) { state } }',
      { c: candidateId, r: 'x'.repeat(501) },
    );
    expect(tooLong.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const still = await manager.client.ok<QueuePage>(QUEUE, { p: seed.slug, l: 'pl' });
    expect(still.needsDecision.items).toHaveLength(1);

    await manager.client.ok(APPROVE, { c: candidateId });
    const after = await manager.client.ok<QueuePage>(QUEUE, { p: seed.slug, l: 'pl' });
    expect(after.needsDecision.items).toEqual([]);

    // The approval ships a bundle, whose webhook is enqueued after everything above: once it
    // arrived, a second needs-decision delivery would have too.
    await poll(
      'the bundle webhook after the approval',
      () => Promise.resolve(bodies),
      (b) => b.some((x) => x['event'] === undefined),
    );
    const needs = bodies.filter((b) => b['event'] === 'round.needs_decision');
    expect(needs).toEqual([
      {
        event: 'round.needs_decision',
        project: seed.slug,
        locale: 'pl',
        stringId,
        key: 'title',
        roundId: entry!.roundId,
        reasons: entry!.needsDecision.reasons,
        extendedUntil: null,
      },
    ]);
    expect(events).toHaveLength(1);
  });

  it('ends the subscription with FORBIDDEN at the next event once the manager lost the role', async () => {
    const codes: unknown[] = [];
    const received: NeedsDecisionEvent[] = [];
    let ended: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (ended = resolve));
    ws.subscribe<NeedsDecisionEvent>(
      {
        query: `subscription($p: String!, $l: String!) { roundNeedsDecision(project: $p, locale: $l) {
          stringId locale round { id state } } }`,
        variables: { p: seed.slug, l: 'pl' },
      },
      {
        next: (value) => value.data && received.push(value.data),
        error: (e) => {
          const errors = Array.isArray(e) ? (e as { extensions?: { code?: unknown } }[]) : [];
          codes.push(...errors.map((x) => x.extensions?.code));
          ended();
        },
        complete: () => ended(),
      },
    );
    const stringId = seed.strings['s:title']!;
    const [round] = await db.query<{ id: string }[]>(
      'SELECT r.id FROM round r JOIN translation_unit u ON u.id = r.unit_id WHERE u.string_id = $1 ORDER BY r.number LIMIT 1',
      [stringId],
    );
    const live = api.app.get<symbol, LiveEvents>(LIVE_EVENTS);
    const event = {
      type: 'roundNeedsDecision' as const,
      projectId: seed.projectId,
      locale: 'pl',
      stringId,
      roundId: round!.id,
    };
    // Published until the (asynchronously started) subscription delivers one: it is live.
    await poll(
      'a first event while still a manager',
      async () => {
        await live.publish(event);
        return received.length;
      },
      (n) => n > 0,
    );
    await db.query('DELETE FROM membership WHERE project_id = $1 AND user_id = $2', [
      seed.projectId,
      manager.id,
    ]);
    expect(await manager.client.errorCode(QUEUE, { p: seed.slug, l: 'pl' })).toBe('FORBIDDEN');
    await live.publish(event);
    await done;
    expect(codes).toEqual(['FORBIDDEN']);
  });
});
