// W7 live fan-out: votes on strings that people are watching. Viewers hold graphql-ws sockets with
// `stringUpdated` subscriptions (the web client's string page), each string watched by several of
// them, while voters cast votes on those strings through HTTP; then the same votes on strings
// nobody watches, in the same run. What a watched vote costs the server beyond an unwatched one is
// the live fan-out: per event, the access checks, the string's load and each viewer's answer.
// Run: npm run bench -- w7-live-fanout [--strings N --viewers N --watch N --voters N --votes N]
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { projectParams } from '../src/voting/unit-state.repository';
import { type CpuPerRequest, cpuPerRequest, fmtCpu, sampleCpu } from './support/cpu';
import {
  type LoadResult,
  graphqlCode,
  graphqlOk,
  gqlBody,
  percentile,
  runLoad,
} from './support/load';
import {
  type BenchRow,
  flag,
  fmtMb,
  fmtMs,
  fmtRate,
  machine,
  printRows,
  record,
  table,
} from './support/report';
import { LOAD_VOTING, seedLocales, seedProject, seedUsers } from './support/seed';
import { analyzeSeeded } from './support/autovacuum';
import {
  benchEnv,
  createBenchDatabase,
  ensureBuilt,
  must,
  pollUntil,
  startApiProcess,
  type BenchEnv,
} from './support/stack';
import { seedCandidates } from './w2-votes';

const CAST = 'mutation($c: ID!) { castVote(candidateId: $c, value: 1) { stringId hasVoted } }';
const FLIP = 'mutation($c: ID!) { castVote(candidateId: $c, value: -1) { stringId hasVoted } }';
// The web client's string page (apps/web/src/api/voting-operations.ts, STRING_UPDATED).
const STRING_UPDATED =
  'subscription($s: ID!, $l: String!) { stringUpdated(stringId: $s, locale: $l) { id } }';

export interface W7Options {
  readonly env: BenchEnv;
  /** Strings under vote in each half (watched, then unwatched). */
  readonly strings: number;
  /** Viewer accounts, one socket each. */
  readonly viewers: number;
  /** Strings each viewer watches (one subscription each). */
  readonly watch: number;
  /** Concurrent voters (closed loop); each votes once per candidate. */
  readonly voters: number;
  /** Votes in each phase. */
  readonly votes: number;
  readonly log?: (line: string) => void;
}

export interface W7Result {
  readonly options: W7Options;
  readonly watched: LoadResult;
  readonly unwatched: LoadResult;
  readonly cpu: { readonly watched: CpuPerRequest; readonly unwatched: CpuPerRequest };
  /** Messages the viewers received for the watched votes and the flips, until caught up. */
  readonly delivered: number;
  /** From a flip's request to its viewers' next message (the staleness a viewer sees). */
  readonly lag: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Subscriptions that received their string's last change (a flip after the watched phase). */
  readonly current: number;
  readonly subscriptions: number;
  readonly apiPeakRssMb: number;
}

export async function runW7LiveFanout(options: W7Options): Promise<W7Result> {
  const log = options.log ?? (() => undefined);
  const database = await createBenchDatabase(options.env);
  const sockets: Client[] = [];
  const api = await startApiProcess({
    env: options.env,
    database,
    // Every bench socket comes from 127.0.0.1.
    extraEnv: { GRAPHQL_WS_MAX_CONNECTIONS_PER_IP: '100000' },
  });
  try {
    const { db } = database;
    const project = await seedProject(db, 'w7', LOAD_VOTING);
    const locales = await seedLocales(db, project.id, ['en', 'pl']);
    const candidates = await seedCandidates(
      db,
      project.id,
      must(locales['pl'], 'pl'),
      project.ownerId,
      options.strings * 2,
      projectParams({ voting: LOAD_VOTING }),
    );
    const stringOf = new Map(
      (
        await db.query<{ id: string; string_id: string }[]>(
          'SELECT t.id, u.string_id FROM translation t JOIN translation_unit u ON u.id = t.unit_id WHERE t.id = ANY($1::uuid[])',
          [candidates],
        )
      ).map((r) => [r.id, r.string_id]),
    );
    const watchedCandidates = candidates.slice(0, options.strings);
    const unwatchedCandidates = candidates.slice(options.strings);
    const voters = await seedUsers(db, 'voter', options.voters + 1);
    const viewers = await seedUsers(db, 'viewer', options.viewers);
    await analyzeSeeded(db);

    // Viewer v watches `watch` consecutive strings from v·watch on, so each string has
    // viewers·watch / strings watchers.
    const counts: number[] = [];
    const lastAt: number[] = [];
    let lastMessageAt = 0;
    /** Per subscription: ms from its string's flip being sent to its next message. */
    const lag: number[] = [];
    const sentAt = new Map<string, number>();
    const watchedString: string[] = [];
    const wsUrl = `${api.baseUrl.replace('http', 'ws')}/graphql`;
    for (let v = 0; v < options.viewers; v += 1) {
      const headers = { cookie: must(viewers.cookies[v], 'cookie') };
      class ViewerSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      }
      const client = createClient({ url: wsUrl, webSocketImpl: ViewerSocket, retryAttempts: 0 });
      sockets.push(client);
      for (let j = 0; j < options.watch; j += 1) {
        const index = counts.length;
        const candidate = must(watchedCandidates[(v * options.watch + j) % options.strings], 'c');
        const stringId = must(stringOf.get(candidate), 'string');
        counts.push(0);
        lastAt.push(0);
        lag.push(-1);
        watchedString.push(stringId);
        client.subscribe(
          { query: STRING_UPDATED, variables: { s: stringId, l: 'pl' } },
          {
            next: () => {
              counts[index] = (counts[index] ?? 0) + 1;
              const at = performance.now();
              lastAt[index] = at;
              lastMessageAt = at;
              const sent = sentAt.get(stringId);
              if (sent !== undefined && lag[index] === -1) lag[index] = at - sent;
            },
            error: (error: unknown) => log(`subscription ${index} failed: ${String(error)}`),
            complete: () => undefined,
          },
        );
      }
    }
    const subscriptions = counts.length;
    // Warm-up: the account that votes nowhere else votes on each string whose subscriptions have
    // not all seen a message yet, until every one has (the sockets connect and subscribe at their
    // own pace; an event published before a subscription exists is not delivered to it).
    const warmUpCookie = must(voters.cookies[options.voters], 'cookie');
    const port = Number(new URL(api.baseUrl).port);
    const vote = (cookie: string, candidate: string) => ({
      port,
      path: '/graphql',
      body: gqlBody(CAST, { c: candidate }),
      headers: { cookie },
    });
    const candidateOf = new Map(watchedCandidates.map((c) => [stringOf.get(c) ?? '', c]));
    const warmUpUntil = performance.now() + 180_000;
    for (;;) {
      const waiting = [...new Set(watchedString.filter((_, i) => counts[i] === 0))];
      if (waiting.length === 0) break;
      if (performance.now() > warmUpUntil)
        throw new Error(`${waiting.length} strings' subscriptions never went live`);
      const warmUp = await runLoad({
        concurrency: 20,
        total: waiting.length,
        maxMs: 120_000,
        next: (u, n) => {
          const stringId = waiting[u + 20 * n];
          return stringId === undefined
            ? null
            : vote(warmUpCookie, must(candidateOf.get(stringId), 'candidate'));
        },
        accept: graphqlOk,
        failureCode: graphqlCode,
      });
      if (warmUp.failed > 0)
        throw new Error(`warm-up votes refused: ${JSON.stringify(warmUp.failures)}`);
      // Give the events of this round a moment to arrive before asking again.
      await pollUntil(
        'warm-up events',
        () => Promise.resolve(counts.filter((c) => c === 0).length),
        (left) => left === 0,
        1_000,
      ).catch(() => undefined);
    }
    log(`${subscriptions} subscriptions live on ${options.strings} strings`);

    const perVoter = Math.ceil(options.votes / options.voters);
    const phase = async (pool: readonly string[]) => {
      const before = await sampleCpu(db, [api.pid]);
      const result = await runLoad({
        concurrency: options.voters,
        total: options.votes,
        maxMs: 300_000,
        // Voter u's n-th vote: a different candidate each time (n < strings).
        next: (u, n) =>
          n >= perVoter || n >= pool.length
            ? null
            : vote(
                must(voters.cookies[u], 'cookie'),
                must(pool[(u + n) % pool.length], 'candidate'),
              ),
        accept: graphqlOk,
        failureCode: graphqlCode,
      });
      return { result, before };
    };
    const beforeWatched = counts.reduce((a, b) => a + b, 0);
    const watched = await phase(watchedCandidates);
    const duringPhase = counts.reduce((a, b) => a + b, 0) - beforeWatched;
    // One last change per string (the warm-up account flips its vote): every subscription must
    // receive a message after that change was sent. (Timed from the send, not the answer: the
    // event may overtake the HTTP answer. A message of an earlier vote still on its way may count,
    // which can only make the lag look shorter.)
    const flips = await runLoad({
      concurrency: 20,
      total: watchedCandidates.length,
      maxMs: 120_000,
      next: (u, n) => {
        const c = watchedCandidates[u + 20 * n];
        if (c === undefined) return null;
        sentAt.set(must(stringOf.get(c), 'string'), performance.now());
        return { ...vote(warmUpCookie, c), body: gqlBody(FLIP, { c }) };
      },
      accept: graphqlOk,
      failureCode: graphqlCode,
    });
    if (flips.failed > 0) throw new Error(`flips refused: ${JSON.stringify(flips.failures)}`);
    const current = () => lag.filter((ms) => ms >= 0).length;
    const settled = await pollUntil(
      'the last changes delivered',
      () => Promise.resolve(current()),
      (n) => n === subscriptions,
      120_000,
    ).catch(() => current());
    // Caught up: every subscription has its flip and no message came for a second (a subscriber
    // behind may still be working through events queued before the flip).
    await pollUntil(
      'the fan-out quiet',
      () => Promise.resolve(performance.now() - lastMessageAt),
      (quietMs) => quietMs >= 1_000,
      300_000,
    );
    // Until the fan-out has caught up: a server that falls behind pays for it after the votes.
    const watchedCpu = cpuPerRequest(
      watched.before,
      await sampleCpu(db, [api.pid]),
      watched.result.ok,
    );
    const delivered = counts.reduce((a, b) => a + b, 0) - beforeWatched;
    log(
      `watched votes: ${watched.result.ok} ok, ${watched.result.failed} failed ${JSON.stringify(watched.result.failures)}, ${fmtRate(watched.result.rps, 'votes')}, server CPU ${fmtCpu(watchedCpu)} per vote until the fan-out caught up (quiet for 1 s); ${duringPhase} messages during the votes, ${delivered} until caught up`,
    );
    const unwatched = await phase(unwatchedCandidates);
    const unwatchedCpu = cpuPerRequest(
      unwatched.before,
      await sampleCpu(db, [api.pid]),
      unwatched.result.ok,
    );
    log(
      `unwatched votes: ${unwatched.result.ok} ok, ${unwatched.result.failed} failed, ${fmtRate(unwatched.result.rps, 'votes')}, server CPU ${fmtCpu(unwatchedCpu)} per vote`,
    );
    const lags = Float64Array.from(lag.filter((ms) => ms >= 0)).sort();
    return {
      options,
      watched: watched.result,
      unwatched: unwatched.result,
      cpu: { watched: watchedCpu, unwatched: unwatchedCpu },
      delivered,
      current: settled,
      lag: { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags.at(-1) ?? 0 },
      subscriptions,
      apiPeakRssMb: api.peakRssMb(),
    };
  } finally {
    await Promise.all(sockets.map((s) => s.dispose()));
    await api.stop();
    await database.drop();
  }
}

export function w7Row(r: W7Result): BenchRow {
  const o = r.options;
  const watched = r.cpu.watched.apiMs + r.cpu.watched.dbMs;
  const unwatched = r.cpu.unwatched.apiMs + r.cpu.unwatched.dbMs;
  const refused = r.watched.failed + r.unwatched.failed;
  return {
    scenario: 'W7 live fan-out',
    size: `${o.strings} strings × ${(o.viewers * o.watch) / o.strings} viewers (${r.subscriptions} subscriptions on ${o.viewers} sockets), ${o.voters} voters, ${r.watched.ok.toLocaleString('en-US')} votes`,
    floor: `unwatched: ${fmtRate(r.unwatched.rps, 'votes')}, server CPU ${fmtCpu(r.cpu.unwatched)} per vote`,
    result: `watched: ${fmtRate(r.watched.rps, 'votes')} (p99 ${fmtMs(r.watched.p99)}), server CPU ${fmtCpu(r.cpu.watched)} per vote until the fan-out caught up; ${r.delivered.toLocaleString('en-US')} messages (${(r.delivered / Math.max(1, r.watched.ok)).toFixed(1)} per vote); a last change reached its ${r.current}/${r.subscriptions} subscriptions in p50 ${fmtMs(r.lag.p50)}, p99 ${fmtMs(r.lag.p99)}, max ${fmtMs(r.lag.max)}${refused > 0 ? `; ${refused} votes refused` : ''}`,
    ratio: `${(watched / Math.max(0.001, unwatched)).toFixed(2)}× CPU`,
    goal: 'every subscription gets its last change; no vote refused (CPU: informational)',
    pass: r.current === r.subscriptions && refused === 0,
    peakRss: `api ${fmtMb(r.apiPeakRssMb)}`,
  };
}

async function main(): Promise<void> {
  const env = benchEnv();
  ensureBuilt(env, console.log);
  const r = await runW7LiveFanout({
    env,
    strings: flag('strings', 200),
    viewers: flag('viewers', 200),
    watch: flag('watch', 10),
    voters: flag('voters', 100),
    votes: flag('votes', 10_000),
    log: console.log,
  });
  const rows = [w7Row(r)];
  printRows(rows);
  const o = r.options;
  const body = [
    `${o.viewers} viewers, each a graphql-ws socket with a session cookie, subscribe to \`stringUpdated\` (with`,
    `the web client's selection) on ${o.watch} strings each, so each of ${o.strings} strings under vote has`,
    `${(o.viewers * o.watch) / o.strings} watchers. ${o.voters} voters (closed loop, real sessions) then cast ${o.votes.toLocaleString('en-US')} votes on`,
    'those strings through HTTP, and the same number on as many strings nobody watches, in the same run and',
    "API process. Floor = the unwatched votes; ratio = server CPU (API process + the bench database's",
    "Postgres backends) per watched vote over per unwatched vote: the live fan-out's cost. After the",
    'watched votes one vote per string is flipped; a last change "reached" a subscription when its next',
    'message came after the flip was sent, timed from the send (the staleness a viewer sees: a message',
    'makes the web client re-read the string; a message of an earlier vote still on its way may count,',
    'which only makes the lag look shorter). The watched CPU runs until every subscription',
    'got its flip and no message came for a second, so a server that falls behind during the votes pays',
    'for its backlog in the number.',
    '',
    table(rows),
  ].join('\n');
  await record('## W7 live fan-out', body, rows, await machine(env));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
