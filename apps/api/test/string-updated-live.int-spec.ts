import type { Client } from 'graphql-ws';
import { DataSource } from 'typeorm';
import { TranslatableStringService } from '../src/translation/translatable-string.service';
import { LIVE_EVENTS, type LiveEvents } from '../src/voting/live-events';
import { RoundCloseService } from '../src/voting/round-close.service';
import { FAST_VOTING, seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { signedInClient, type TestClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';
import {
  errorCodes,
  type Received,
  socket,
  subscribe,
  until,
  warmUpLiveChannel,
} from './support/ws-client';

const STRING_UPDATED = `subscription($s: ID!, $l: String!) {
  stringUpdated(stringId: $s, locale: $l) { id status winner { id isMine myVote } screenshots { id } } }`;
// The web client's selection: told that the string changed, it reads the string itself.
const ID_ONLY = `subscription($s: ID!, $l: String!) {
  stringUpdated(stringId: $s, locale: $l) { __typename id } }`;
const SUBMIT =
  'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }';
const VOTE = 'mutation($c: ID!, $v: Int!) { castVote(candidateId: $c, value: $v) { hasVoted } }';

interface StringView {
  stringUpdated: {
    id: string;
    status: string;
    winner: { id: string; isMine: boolean; myVote: number | null } | null;
    /** Read with the shared view (none are uploaded here). */
    screenshots: { id: string }[];
  };
}

function viewOf(received: Received, index: number): StringView['stringUpdated'] {
  const message = received.messages[index];
  if (message?.kind !== 'data') throw new Error(`message ${index}: ${JSON.stringify(message)}`);
  return (message.value as { data: StringView }).data.stringUpdated;
}

/**
 * `stringUpdated`, the web client's one live subscription on a string page: it arrives for votes
 * and decisions, each subscriber sees their own vote on the winner, a change is loaded once per
 * event for all of them, and a viewer who lost access stops receiving.
 */
describe('stringUpdated: live string pages', () => {
  let api: RunningApi;
  let db: DataSource;
  let events: LiveEvents;
  let seed: SeededCatalogue;
  let author: { client: TestClient; id: string };
  const voters: { client: TestClient; id: string }[] = [];
  let liveSubscribe: jest.SpyInstance;
  const sockets: Client[] = [];

  function open(client?: TestClient): Client {
    const cookie = client?.rawCookie ?? null;
    const ws = socket(api, cookie === null ? {} : { cookie });
    sockets.push(ws);
    return ws;
  }

  /** Starts subscriptions and waits until the server listens for their events. */
  async function live(starts: (() => Received)[]): Promise<Received[]> {
    const before = liveSubscribe.mock.calls.length;
    const started = starts.map((start) => start());
    await until(() => liveSubscribe.mock.calls.length >= before + starts.length);
    return started;
  }

  function publish(key: string): Promise<void> {
    return events.publish({
      type: 'stringUpdated',
      projectId: seed.projectId,
      locale: 'pl',
      stringId: seed.strings[key] ?? '',
    });
  }

  async function submit(key: string, text: string): Promise<string> {
    const data = await author.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
      SUBMIT,
      { i: { stringId: seed.strings[key], locale: 'pl', forms: [{ category: '', text }] } },
    );
    return data.submitTranslation.candidate.id;
  }

  /** Closes the string's round now, in this process, as the worker's deadline tick would. */
  async function decideNow(key: string): Promise<void> {
    const [unit] = await db.query<{ id: string }[]>(
      'SELECT id FROM translation_unit WHERE string_id = $1',
      [seed.strings[key]],
    );
    await db.query(
      `UPDATE round SET deadline = now() - interval '1 millisecond'
        WHERE unit_id = $1 AND state = 'COLLECTING'`,
      [unit?.id],
    );
    await api.app.get(RoundCloseService).tickDue(unit?.id ?? '', Date.now(), 0);
  }

  /** Waits for a data message that satisfies `done` (events of one string may merge). */
  async function untilView(
    received: Received,
    done: (view: StringView['stringUpdated']) => boolean,
  ): Promise<StringView['stringUpdated']> {
    for (let seen = 0; ; seen += 1) {
      await received.atLeast(seen + 1);
      const view = viewOf(received, seen);
      if (done(view)) return view;
    }
  }

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    events = api.app.get<symbol, LiveEvents>(LIVE_EVENTS);
    const owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl'],
      source: { title: 'Budget', open: 'Open', secret: 'Secret' },
      voting: { ...FAST_VOTING, duration: 3_600_000 },
    });
    author = await signedInClient(api.baseUrl, 'author');
    for (const name of ['ann', 'bob', 'cid']) voters.push(await signedInClient(api.baseUrl, name));
    await warmUpLiveChannel(api, STRING_UPDATED, { s: seed.strings['s:title'], l: 'pl' }, () =>
      publish('s:title'),
    );
    liveSubscribe = jest.spyOn(events, 'subscribe');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await api?.close();
    if (api !== undefined) await flushQueueKeys(api.config);
  });

  it('arrives for a vote and for the decision, without anyone publishing by hand', async () => {
    const candidate = await submit('s:open', 'Otwórz');
    const [watcher] = await live([
      () => subscribe(open(), STRING_UPDATED, { s: seed.strings['s:open'], l: 'pl' }),
    ]);
    await voters[0]!.client.ok(VOTE, { c: candidate, v: 1 });
    const first = await untilView(watcher!, () => true);
    expect([first.status, first.screenshots]).toEqual(['VOTING', []]);
    for (const voter of voters.slice(1)) await voter.client.ok(VOTE, { c: candidate, v: 1 });
    await decideNow('s:open');
    const decided = await untilView(watcher!, (view) => view.status === 'DECIDED');
    expect(decided.winner?.id).toBe(candidate);
  });

  it('loads a change once for all its subscribers, and shows each their own vote', async () => {
    const candidate = await submit('s:title', 'Budżet');
    for (const voter of voters) await voter.client.ok(VOTE, { c: candidate, v: 1 });
    await decideNow('s:title');
    const outsider = await signedInClient(api.baseUrl, 'outsider');
    const variables = { s: seed.strings['s:title'], l: 'pl' };
    const [anonymous, byAuthor, byVoter, byOutsider] = await live(
      [undefined, author.client, voters[0]!.client, outsider.client].map(
        (client) => () => subscribe(open(client), STRING_UPDATED, variables),
      ),
    );
    const strings = api.app.get(TranslatableStringService);
    const shared = jest.spyOn(strings, 'sharedView');
    const byId = jest.spyOn(strings, 'byId');
    try {
      await publish('s:title');
      const all = [anonymous!, byAuthor!, byVoter!, byOutsider!];
      await Promise.all(all.map((s) => s.atLeast(1)));
      const winners = all.map((s) => viewOf(s, 0).winner);
      expect(winners).toEqual([
        { id: candidate, isMine: false, myVote: null },
        { id: candidate, isMine: true, myVote: null },
        { id: candidate, isMine: false, myVote: 1 },
        { id: candidate, isMine: false, myVote: null },
      ]);
      expect(all.map((s) => viewOf(s, 0).status)).toEqual(Array(4).fill('DECIDED'));
      expect(shared).toHaveBeenCalledTimes(1);
      expect(byId).not.toHaveBeenCalled();
    } finally {
      shared.mockRestore();
      byId.mockRestore();
    }
  });

  it('sends a subscriber who selects only the id that id, without loading the string', async () => {
    const candidate = await submit('s:secret', 'Sekret');
    const variables = { s: seed.strings['s:secret'], l: 'pl' };
    const [idOnly, anonymous] = await live([
      () => subscribe(open(voters[1]!.client), ID_ONLY, variables),
      () => subscribe(open(), ID_ONLY, variables),
    ]);
    const shared = jest.spyOn(api.app.get(TranslatableStringService), 'sharedView');
    try {
      await voters[0]!.client.ok(VOTE, { c: candidate, v: 1 });
      await Promise.all([idOnly!.atLeast(1), anonymous!.atLeast(1)]);
      for (const received of [idOnly!, anonymous!]) {
        const message = received.messages[0];
        expect(message?.kind).toBe('data');
        expect(message?.value).toEqual({
          data: {
            stringUpdated: { __typename: 'TranslatableString', id: seed.strings['s:secret'] },
          },
        });
      }
      expect(shared).not.toHaveBeenCalled();
    } finally {
      shared.mockRestore();
    }
  });

  it('refuses, before subscribing, a string nobody may see, an unknown locale and a private string', async () => {
    const refusal = async (client: Client, variables: { s: string; l: string }) =>
      errorCodes(
        (await subscribe(client, STRING_UPDATED, variables).atLeast(1)).messages[0]?.value,
      );
    const stranger = await signedInClient(api.baseUrl, 'stranger');
    const before = liveSubscribe.mock.calls.length;
    expect(await refusal(open(), { s: '00000000-0000-4000-8000-000000000000', l: 'pl' })).toEqual([
      'STRING_NOT_FOUND',
    ]);
    expect(await refusal(open(), { s: seed.strings['s:open'] ?? '', l: 'xx' })).toEqual([
      'UNKNOWN_LOCALE',
    ]);
    await db.query("UPDATE project SET visibility = 'private' WHERE id = $1", [seed.projectId]);
    try {
      for (const client of [open(), open(stranger.client)])
        expect(await refusal(client, { s: seed.strings['s:secret'] ?? '', l: 'pl' })).toEqual([
          'STRING_NOT_FOUND',
        ]);
    } finally {
      await db.query("UPDATE project SET visibility = 'public' WHERE id = $1", [seed.projectId]);
    }
    // Nothing was subscribed for any of them.
    expect(liveSubscribe.mock.calls.length).toBe(before);
  });

  it.each([
    ['the whole string', STRING_UPDATED, 'member'],
    ['only its id', ID_ONLY, 'member2'],
  ])(
    'ends with PROJECT_NOT_FOUND for a member removed from a private project (selecting %s)',
    async (_, selection, name) => {
      const member = await signedInClient(api.baseUrl, name);
      await db.query("UPDATE project SET visibility = 'private' WHERE id = $1", [seed.projectId]);
      await db.query(
        "INSERT INTO membership (project_id, user_id, role) VALUES ($1, $2, 'translator')",
        [seed.projectId, member.id],
      );
      try {
        const [sub] = await live([
          () => subscribe(open(member.client), selection, { s: seed.strings['s:secret'], l: 'pl' }),
        ]);
        await publish('s:secret');
        const received = await sub!.atLeast(1);
        expect(received.messages[0]?.kind).toBe('data');
        await db.query('DELETE FROM membership WHERE project_id = $1 AND user_id = $2', [
          seed.projectId,
          member.id,
        ]);
        await publish('s:secret');
        await received.atLeast(2);
        expect(errorCodes(received.messages[1]?.value)).toEqual(['PROJECT_NOT_FOUND']);
        expect(received.messages.filter((m) => m.kind === 'data')).toHaveLength(1);
      } finally {
        await db.query("UPDATE project SET visibility = 'public' WHERE id = $1", [seed.projectId]);
      }
    },
  );
});
