// W2 votes: N concurrent voters casting votes through GraphQL over HTTP (castVote), each on
// distinct candidates in COLLECTING rounds, until a total. Two floors in the same run, same API
// processes, sessions and concurrency: the framework ceiling `{ __typename }` (no resolver, no
// authentication) and the authenticated floor `benchFloor` (session + one inserted row; BENCH_FLOOR).
// Throughput is closed-loop; latency is then measured open-loop at half of each one's capacity.
// After the run the database must hold exactly the acknowledged votes.
// Run: npm run bench -- w2-votes [--full] [--votes N --voters N] [--open-seconds N] [--web-fields] [--source]
import type { VotingParams } from '@chorus/voting';
import { projectParams } from '../src/voting/unit-state.repository';
import {
  type CostedLoad,
  type CpuPerRequest,
  costed,
  cpuPerRequest,
  fmtCpu,
  fmtHost,
  sampleCpu,
} from './support/cpu';
import {
  type LoadResult,
  graphqlCode,
  graphqlOk,
  gqlBody,
  runLoad,
  openLoopWarmupMs,
  runOpenLoop,
} from './support/load';
import { fmtTail } from './support/tail';
import {
  type BenchRow,
  flag,
  fmtMb,
  fmtMs,
  fmtRate,
  isFull,
  machine,
  printRows,
  record,
  table,
} from './support/report';
import { LOAD_VOTING, seedLocales, seedProject, seedUsers } from './support/seed';
import { analyzeSeeded } from './support/autovacuum';
import {
  type BenchDatabase,
  type BenchEnv,
  type ChorusProcess,
  benchEnv,
  createBenchDatabase,
  ensureBuilt,
  must,
  startApiProcess,
  startAll,
  startWorkerProcess,
} from './support/stack';
import { WEB_CANDIDATE_LIST_FIELDS } from './support/web-fields';

export interface W2Options {
  readonly env: BenchEnv;
  /** Concurrent clients, each one request at a time. */
  readonly voters: number;
  /**
   * Voter accounts the clients vote as (default: one per client). With more accounts than clients,
   * each client votes as one account for its share of votes, then moves on to the next: a crowd
   * where `voters` people are voting at any moment.
   */
  readonly accounts?: number;
  readonly votes: number;
  /** API processes; requests alternate between them (the load balancer of a deployment). */
  readonly apis?: number;
  readonly workers?: number;
  /** Upper bound of each load phase. */
  readonly maxMs?: number;
  /** Length of each open-loop phase (floor, then votes) at half the measured capacity; 0 skips them. */
  readonly openLoopMs?: number;
  /** Cast with the web client's selection (the candidate list) instead of `{ stringId hasVoted }`. */
  readonly webFields?: boolean;
  readonly log?: (line: string) => void;
}

export interface W2Result {
  readonly voters: number;
  readonly accounts: number;
  readonly webFields: boolean;
  readonly apis: number;
  readonly workers: number;
  /** `{ __typename }`: the framework ceiling. */
  readonly floor: LoadResult;
  /** `benchFloor`: session + one inserted row, the floor the goal is stated against. */
  readonly authFloor: LoadResult;
  readonly votes: LoadResult;
  /** Server CPU (API + database backends) per request of each closed-loop phase. */
  readonly cpu: { readonly authFloor: CpuPerRequest; readonly votes: CpuPerRequest };
  /** Open-loop phases at half of each closed-loop capacity (null when skipped). */
  readonly openFloor: CostedLoad | null;
  readonly openVotes: CostedLoad | null;
  /** Votes found in the database after the run. */
  readonly stored: number;
  readonly apiPeakRssMb: number;
}

const CAST = 'mutation($c: ID!) { castVote(candidateId: $c, value: 1) { stringId hasVoted } }';
/**
 * The vote as the web client casts it (CAST_VOTE in apps/web/src/api/voting-operations.ts): the
 * answer is the candidate list, tallies and round included, so each vote also reads the list
 * (`--web-fields`).
 */
const CAST_WEB = `mutation($c: ID!) { castVote(candidateId: $c, value: 1) { ${WEB_CANDIDATE_LIST_FIELDS} } }`;
const TRIVIAL = '{ __typename }';
const AUTH_FLOOR = 'mutation { benchFloor }';

/**
 * `count` strings with a Polish unit and one candidate each by `authorId`, in a COLLECTING round
 * (current, deadline one round duration away): the state a live project's votes meet. Returns the
 * candidate ids.
 */
export async function seedCandidates(
  db: BenchDatabase['db'],
  projectId: string,
  localeId: string,
  authorId: string,
  count: number,
  params: VotingParams,
): Promise<string[]> {
  const [ns] = await db.query<{ id: string }[]>(
    "INSERT INTO namespace (project_id, name) VALUES ($1, 'votes') RETURNING id",
    [projectId],
  );
  const rows = await db.query<{ id: string; unit_id: string }[]>(
    `WITH s AS (
       INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
       SELECT $1, $2, 's:k' || i, 'k' || i, 'simple', jsonb_build_array('k' || i),
              jsonb_build_object('', 'text ' || i), 'text ' || i, md5('text ' || i), i
         FROM generate_series(0, $4::int - 1) AS i
       RETURNING id, position, source_hash)
     , u AS (
       INSERT INTO translation_unit (project_id, string_id, locale_id)
       SELECT $1, s.id, $3 FROM s RETURNING id, string_id)
     , t AS (
       INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key)
       SELECT u.id, $5, s.source_hash, jsonb_build_object('', 'tekst ' || s.position),
              '[["","tekst ' || s.position || '"]]'
         FROM u JOIN s ON s.id = u.string_id
       RETURNING id, unit_id)
     , r AS (
       -- The round the first candidate started: COLLECTING until its deadline.
       INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, collecting_since, deadline)
       SELECT gen_random_uuid(), u.id, 1, s.source_hash, 'COLLECTING', $6::jsonb, now(), now(),
              now() + make_interval(secs => $7::float8 / 1000)
         FROM u JOIN s ON s.id = u.string_id
       RETURNING id, unit_id)
     SELECT t.id, t.unit_id FROM t JOIN u ON u.id = t.unit_id JOIN s ON s.id = u.string_id ORDER BY s.position`,
    [
      projectId,
      must(ns, 'namespace').id,
      localeId,
      count,
      authorId,
      JSON.stringify(params),
      params.duration,
    ],
  );
  // A separate statement: a sibling CTE cannot see the units inserted above (left NULL before,
  // which sent every first vote of a unit down the full path).
  await db.query(
    `UPDATE translation_unit tu SET current_round_id = r.id FROM round r
      WHERE r.unit_id = tu.id AND tu.id = ANY($1::uuid[])`,
    [rows.map((r) => r.unit_id)],
  );
  await analyzeSeeded(db);
  return rows.map((r) => r.id);
}

export async function runW2Votes(options: W2Options): Promise<W2Result> {
  const log = options.log ?? (() => undefined);
  const apis = options.apis ?? 1;
  const workers = options.workers ?? 1;
  const maxMs = options.maxMs ?? 120_000;
  const database = await createBenchDatabase(options.env);
  const procs: ChorusProcess[] = [];
  try {
    const started = await startAll(procs, [
      ...Array.from(
        { length: apis },
        () => () =>
          startApiProcess({ env: options.env, database, extraEnv: { BENCH_FLOOR: 'true' } }),
      ),
      ...Array.from(
        { length: workers },
        () => () => startWorkerProcess({ env: options.env, database }),
      ),
    ]);
    const api = started.slice(0, apis);
    const ports = api.map((p) => Number(new URL(p.baseUrl).port));
    const { db } = database;
    const project = await seedProject(db, 'w2', LOAD_VOTING);
    const locales = await seedLocales(db, project.id, ['en', 'pl']);
    const accounts = options.accounts ?? options.voters;
    const perVoter = Math.ceil(options.votes / options.voters);
    const perAccount = Math.ceil(options.votes / accounts);
    const candidates = await seedCandidates(
      db,
      project.id,
      must(locales['pl'], 'pl'),
      project.ownerId,
      // Room for the open-loop votes after each account's closed-loop ones.
      Math.max(perAccount * 2, 2_000),
      projectParams({ voting: LOAD_VOTING }),
    );
    const voters = await seedUsers(db, 'voter', accounts);
    // Statistics that include the voters and their sessions: planned against an empty user
    // table, the vote read walked every user (a bench artefact autovacuum fixes in a real run).
    // Only tables with rows: `vote` recorded as analyzed and empty kept one vote connection on a
    // full scan of it until the stand-in's first ANALYZE (see analyzeSeeded).
    await analyzeSeeded(db);
    const stride = Math.max(1, Math.floor(candidates.length / accounts));
    log(`seeded ${candidates.length} candidates and ${accounts} voter accounts`);
    /**
     * Client `u`'s `n`-th vote: the account it votes as and that account's how-manieth vote, so no
     * account votes twice on a candidate (each vote stores a row) in the closed or the open loop.
     */
    const voteOf = (u: number, n: number): { account: number; k: number } => {
      const slot = u + options.voters * Math.floor(n / perAccount);
      return {
        account: slot % accounts,
        k: (n % perAccount) + perAccount * Math.floor(slot / accounts),
      };
    };

    const port = (u: number, n: number): number => must(ports[(u + n) % ports.length], 'port');
    const cookie = (u: number) => ({ cookie: must(voters.cookies[u], 'cookie') });
    const apiPids = api.map((p) => p.pid);
    const closedLoop = (query: string, total: number) =>
      runLoad({
        concurrency: options.voters,
        total,
        maxMs,
        next: (u, n) => ({
          port: port(u, n),
          path: '/graphql',
          body: gqlBody(query),
          headers: cookie(u),
        }),
        accept: graphqlOk,
        failureCode: graphqlCode,
      });
    const floorTotal = Math.min(options.votes, 20_000);
    const floor = await closedLoop(TRIVIAL, floorTotal);
    log(
      `ceiling: ${floor.ok} trivial queries, ${fmtRate(floor.rps, 'req')}, p99 ${fmtMs(floor.p99)}`,
    );
    const beforeFloor = await sampleCpu(db, apiPids);
    const authFloor = await closedLoop(AUTH_FLOOR, floorTotal);
    const floorCpu = cpuPerRequest(beforeFloor, await sampleCpu(db, apiPids), authFloor.ok);
    log(
      `auth floor: ${authFloor.ok} writes, ${authFloor.failed} failed ${JSON.stringify(authFloor.failures)}, ${fmtRate(authFloor.rps, 'req')}, p99 ${fmtMs(authFloor.p99)}, server CPU ${fmtCpu(floorCpu)} per request`,
    );
    const castBody = (account: number, k: number) =>
      gqlBody(options.webFields === true ? CAST_WEB : CAST, {
        c: candidates[(account * stride + k) % candidates.length],
      });
    const beforeVotes = await sampleCpu(db, apiPids);
    const votes = await runLoad({
      concurrency: options.voters,
      total: options.votes,
      maxMs,
      next: (u, n) => {
        if (n >= perVoter) return null;
        const { account, k } = voteOf(u, n);
        return {
          port: port(u, n),
          path: '/graphql',
          body: castBody(account, k),
          headers: cookie(account),
        };
      },
      accept: graphqlOk,
      failureCode: graphqlCode,
    });
    const votesCpu = cpuPerRequest(beforeVotes, await sampleCpu(db, apiPids), votes.ok);
    log(
      `votes by tenth: ${(votes.tenthRps ?? []).map((rps) => Math.round(rps)).join(', ')} votes/s`,
    );
    log(
      `votes: ${votes.ok} acknowledged, ${votes.failed} failed ${JSON.stringify(votes.failures)}, ${fmtRate(votes.rps, 'votes')}, p99 ${fmtMs(votes.p99)}, server CPU ${fmtCpu(votesCpu)} per vote`,
    );
    // Latency at a fixed offered rate, half of what each closed loop sustained.
    const openMs = options.openLoopMs ?? 0;
    const openLoop = (rps: number, what: (k: number) => { body: string; account: number }) => {
      const rate = Math.max(1, rps / 2);
      const warmupMs = openLoopWarmupMs(openMs);
      const warmup = Math.floor((rate * warmupMs) / 1000);
      return costed(db, apiPids, () =>
        runOpenLoop({
          ratePerSec: rate,
          warmup,
          total: warmup + Math.max(1, Math.floor((rate * openMs) / 1000)),
          maxMs: warmupMs + openMs,
          next: (k) => {
            const { body, account } = what(k);
            return { port: port(k, 0), path: '/graphql', body, headers: cookie(account) };
          },
          accept: graphqlOk,
          failureCode: graphqlCode,
        }),
      );
    };
    const openFloor =
      openMs > 0
        ? await openLoop(authFloor.rps, (k) => ({
            body: gqlBody(AUTH_FLOOR),
            account: k % options.voters,
          }))
        : null;
    // Each voter continues after their closed-loop votes: still one vote per candidate.
    const openVotes =
      openMs > 0
        ? await openLoop(votes.rps, (k) => {
            const { account, k: nth } = voteOf(
              k % options.voters,
              perVoter + Math.floor(k / options.voters),
            );
            return { body: castBody(account, nth), account };
          })
        : null;
    for (const [name, r] of [
      ['auth floor', openFloor],
      ['votes', openVotes],
    ] as const) {
      if (r !== null)
        log(
          `open loop ${name}: ${r.ok} ok, ${r.failed} failed${r.failed > 0 ? ` ${JSON.stringify(r.failures)}` : ''} at ${fmtRate(r.requests / (openMs / 1000), 'req')}, p50 ${fmtMs(r.p50)}, p99 ${fmtMs(r.p99)} (${fmtTail(r.tail)}); server CPU ${fmtCpu(r.cpu)} per request, ${fmtHost(r)}`,
        );
    }
    if (database.maintenance.kind === 'stand-in') {
      const { vacuums, analyzes } = database.maintenance.runs();
      log(`autovacuum stand-in: ${vacuums} vacuums, ${analyzes} analyzes`);
    }
    const [stored] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM vote v JOIN translation_unit u ON u.id = v.unit_id WHERE u.project_id = $1',
      [project.id],
    );
    return {
      voters: options.voters,
      accounts,
      webFields: options.webFields === true,
      apis,
      workers,
      floor,
      authFloor,
      votes,
      cpu: { authFloor: floorCpu, votes: votesCpu },
      openFloor,
      openVotes,
      stored: must(stored, 'count').n,
      apiPeakRssMb: Math.max(...api.map((p) => p.peakRssMb())),
    };
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await database.drop();
  }
}

/** Votes the server acknowledged in the closed and the open loop. */
export function acknowledged(r: W2Result): number {
  return r.votes.ok + (r.openVotes?.ok ?? 0) + (r.openVotes?.warmupOk ?? 0);
}

export function w2Row(
  r: W2Result,
  full: boolean,
  scenario = r.webFields ? 'W2 votes (web client fields)' : 'W2 votes',
): BenchRow {
  const ratio = r.votes.rps / r.authFloor.rps;
  // Flat: the last tenth of the closed-loop votes within 15% of the first tenth's rate.
  const drift = r.votes.lastTenthRps / Math.max(1, r.votes.firstTenthRps);
  const exact = r.stored === acknowledged(r);
  const open = r.openVotes;
  const refused = r.votes.failed + (open?.failed ?? 0);
  return {
    scenario,
    size: `${r.votes.ok.toLocaleString('en-US')} votes, ${r.voters} voters${r.accounts === r.voters ? '' : ` (${r.accounts.toLocaleString('en-US')} accounts)`}${r.apis > 1 || r.workers > 1 ? `, ${r.apis} API + ${r.workers} worker` : ''}${full ? ', full' : ''}`,
    floor: `auth ${fmtRate(r.authFloor.rps, 'req')} (p99 ${fmtMs(r.authFloor.p99)}${r.openFloor === null ? '' : `, open-loop p99 ${fmtMs(r.openFloor.p99)} (${fmtTail(r.openFloor.tail)}), ${fmtHost(r.openFloor)}`}); ceiling ${fmtRate(r.floor.rps, 'req')}`,
    result: `${fmtRate(r.votes.rps, 'votes')} (first tenth ${fmtRate(r.votes.firstTenthRps, 'votes')}, last ${fmtRate(r.votes.lastTenthRps, 'votes')}: ${drift.toFixed(2)}×; closed-loop p99 ${fmtMs(r.votes.p99)}${open === null ? '' : `; open-loop at ${fmtRate(open.requests / (open.ms / 1000), 'votes')}: p50 ${fmtMs(open.p50)}, p99 ${fmtMs(open.p99)} (${fmtTail(open.tail)}), server CPU ${fmtCpu(open.cpu)} per vote, ${fmtHost(open)}`}); stored ${r.stored}/${acknowledged(r)}${refused > 0 ? `, ${refused} refused` : ''}; server CPU ${fmtCpu(r.cpu.votes)} per vote, auth floor ${fmtCpu(r.cpu.authFloor)}`,
    ratio: `${ratio.toFixed(2)}× auth (${(r.votes.rps / r.floor.rps).toFixed(2)}× ceiling)`,
    goal: `≥ 0.7× auth floor, open-loop p99 ≤ 50 ms, stored = acknowledged${full ? ', last tenth within 15% of the first' : ''}`,
    pass:
      ratio >= 0.7 &&
      open !== null &&
      open.p99 <= 50 &&
      exact &&
      refused === 0 &&
      (!full || (drift >= 0.85 && drift <= 1.15)),
    peakRss: `api ${fmtMb(r.apiPeakRssMb)}`,
  };
}

async function main(): Promise<void> {
  const env = benchEnv();
  const full = isFull();
  ensureBuilt(env, console.log);
  const votes = flag('votes', full ? 1_000_000 : 10_000);
  const minutes = flag('minutes', full ? 150 : 2);
  const r = await runW2Votes({
    env,
    voters: flag('voters', 200),
    // The full run is a crowd: 10,000 accounts, 200 of them voting at any moment, 100 votes each.
    accounts: flag('accounts', full ? 10_000 : 200),
    votes,
    // A time limit for each load phase; the full run stops there if 1M votes take longer.
    maxMs: minutes * 60_000,
    openLoopMs: flag('open-seconds', 15) * 1_000,
    webFields: process.argv.includes('--web-fields'),
    log: console.log,
  });
  const rows = [w2Row(r, full)];
  printRows(rows);
  const body = [
    `${r.voters} virtual voters, each one request at a time over keep-alive sockets (a small node:http load loop;`,
    'autocannon is not installed), cast `castVote(candidateId, value: 1)` on distinct candidates, each in a',
    'COLLECTING round whose unit points at it (real sessions, inserted in bulk like SessionService.open). The',
    'project sets `settings.voting` maxVotesPerHour 1,000,000, minAccountAge 0 and a 7-day round so no rate limit',
    'or close interferes (defaults: 60 votes/hour, 7 days). Two floors in the same run, same API process, cookies',
    'and concurrency: the ceiling `{ __typename }` (no resolver, no authentication) and the authenticated floor',
    '`mutation { benchFloor }` (session resolved by the guard + one prepared INSERT of an audit row, committed on',
    'its own; only in the schema when the bench sets `BENCH_FLOOR`). The ratio is against the authenticated floor.',
    'Throughput: closed loop. Latency: open loop, requests leaving at a fixed rate (half of what the closed loop',
    'sustained), each measured from when it was due, after an unmeasured warm-up at that rate on the same sockets (a',
    'fifth of the phase, at most 2 s). stored = `count(*)` of vote rows after the run. Server CPU =',
    "user + system time of the API process and of the bench database's Postgres backends over a closed-loop phase,",
    'per request: steadier than the rates when the host is shared; for the open-loop phases also how busy the',
    "host's cores were (every process on it, the load loop included).",
    ...(r.accounts > r.voters
      ? [
          `The clients vote as ${r.accounts.toLocaleString('en-US')} accounts: each client casts its share as one account, then moves on to the next (${Math.ceil(votes / r.accounts)} votes per account), so each vote's rate-limit count walks that account's recent votes as it would in a crowd, not 5,000 votes of one person.`,
        ]
      : []),
    ...(r.votes.requests < votes
      ? [
          `The vote phase stopped at its ${minutes}-minute limit (\`--minutes\`) after ${r.votes.requests.toLocaleString('en-US')} of ${votes.toLocaleString('en-US')} votes.`,
        ]
      : []),
    ...(r.webFields
      ? [
          "`--web-fields`: each vote asks for what the web client's CAST_VOTE asks (the candidate list with",
          'tallies, authors and the round), so its answer also reads the list: the vote as people cast it.',
        ]
      : []),
    '',
    table(rows),
  ].join('\n');
  await record(
    r.webFields ? '## W2 votes (web client fields)' : '## W2 votes',
    body,
    rows,
    await machine(env),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
