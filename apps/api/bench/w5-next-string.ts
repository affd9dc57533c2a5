// W5 next string: 200 concurrent volunteers asking `nextString` (the leased work queue) over a
// project of K keys × L locales, each skipping the string it was just given, so every request
// takes a new lease. In the same run, against the same API with the same sessions: the ceiling
// `{ __typename }` (session + GraphQL, no resolver), the authenticated read floor `{ me { id } }`
// (session + one row read) at the same concurrency, and, open-loop at half of nextString's
// measured capacity, the latency of nextString and of the floor.
// Run: npm run bench -- w5-next-string [--full] [--keys=N --locales=N --requests=N] [--source]
import {
  type CostedLoad,
  type CpuPerRequest,
  costed,
  cpuPerRequest,
  cpuPerRequestOf,
  fmtCpu,
  fmtHost,
  sampleCpu,
} from './support/cpu';
import { TARGET_LOCALES } from './w1-import';
import {
  type KeptLoad,
  type LoadOptions,
  type LoadRequest,
  type LoadResult,
  graphqlCode,
  graphqlOk,
  gqlBody,
  interleaveSlices,
  mergeLoads,
  runLoad,
  runLoadKept,
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
import { seedLocales, seedProject, seedUsers } from './support/seed';
import { analyzeSeeded } from './support/autovacuum';
import { voterPhases } from './w5-voters';
import {
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

export interface W5Options {
  readonly env: BenchEnv;
  readonly keys: number;
  readonly locales: number;
  readonly volunteers: number;
  readonly requests: number;
  readonly maxMs?: number;
  readonly log?: (line: string) => void;
}

export interface W5Result {
  readonly keys: number;
  readonly locales: number;
  readonly volunteers: number;
  /** `{ __typename }`: the framework ceiling (no resolver, no row read). */
  readonly ceiling: LoadResult;
  /** `{ me { id } }`: the session and one row, the authenticated read floor. */
  readonly floor: LoadResult;
  readonly next: LoadResult;
  /** Open loop at `openRate` req/s: nextString, and the floor at the same rate. */
  readonly openRate: number;
  readonly openNext: CostedLoad;
  /** Server CPU (API + database backends) per request of the floor and the nextString phase. */
  readonly cpu: { readonly floor: CpuPerRequest; readonly next: CpuPerRequest };
  readonly openFloor: CostedLoad;
  /**
   * Voters: nextString(filter: NEEDS_VOTES) with the web client's selection, over a second
   * project with `keys` strings under vote (a collecting round, someone else's candidate each).
   */
  readonly voters: LoadResult;
  readonly votersCpu: CpuPerRequest;
  /** First the vote page's list of those strings, 50 a page (informational). */
  readonly lists: LoadResult;
  readonly listsCpu: CpuPerRequest;
  /** Then the string page's candidate list for the strings they were handed (informational). */
  readonly pages: LoadResult;
  readonly pagesCpu: CpuPerRequest;
  /** Answers that handed out a string (not null). */
  readonly handedOut: number;
  /** Leases held at the end: at most one per volunteer. */
  readonly leases: number;
  readonly apiPeakRssMb: number;
}

const NEXT =
  'query($p: String!, $l: String!, $s: [ID!]) { nextString(project: $p, locale: $l, skip: $s) { id } }';
/** The authenticated read floor: resolve the session, read the user's row. */
const ME = '{ me { id } }';
/** Unmeasured requests before each measured phase (at most a fifth of the phase). */
const WARM_UP_REQUESTS = 2_000;
/** Rounds of the floor and nextString, alternated (each phase's requests split among them). */
const RATIO_SLICES = 5;

export async function runW5NextString(options: W5Options): Promise<W5Result> {
  const log = options.log ?? (() => undefined);
  const maxMs = options.maxMs ?? 60_000;
  const database = await createBenchDatabase(options.env);
  const procs: ChorusProcess[] = [];
  try {
    const [api, worker] = await startAll(procs, [
      () => startApiProcess({ env: options.env, database }),
      () => startWorkerProcess({ env: options.env, database }),
    ]);
    if (api === undefined || worker === undefined) throw new Error('processes did not start');
    const port = Number(new URL(api.baseUrl).port);
    const { db } = database;
    const project = await seedProject(db, 'w5');
    const codes = TARGET_LOCALES.slice(0, options.locales);
    await seedLocales(db, project.id, ['en', ...codes]);
    const [ns] = await db.query<{ id: string }[]>(
      "INSERT INTO namespace (project_id, name, nested_keys) VALUES ($1, 'translation', true) RETURNING id",
      [project.id],
    );
    await db.query(
      `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
       SELECT $1, $2, 's:section' || (i % 50) || '.key' || i, 'section' || (i % 50) || '.key' || i, 'simple',
              jsonb_build_array('section' || (i % 50), 'key' || i), jsonb_build_object('', 'Source text ' || i),
              'Source text ' || i, md5('Source text ' || i), i
         FROM generate_series(0, $3::int - 1) AS i`,
      [project.id, must(ns, 'namespace').id, options.keys],
    );
    const volunteers = await seedUsers(db, 'volunteer', options.volunteers);
    // After every seed, sessions included: plans made against the seeded tables while they were
    // empty are a bench artefact; the tables the run fills stay unanalyzed, as on a live server.
    await analyzeSeeded(db);
    log(`seeded ${options.keys} keys × ${codes.length} locales, ${options.volunteers} volunteers`);

    const plain =
      (query: string) =>
      (u: number): LoadRequest => ({
        port,
        path: '/graphql',
        body: gqlBody(query),
        headers: { cookie: must(volunteers.cookies[u % options.volunteers], 'cookie') },
      });
    const closed = (next: (u: number) => LoadRequest) =>
      runLoad({
        concurrency: options.volunteers,
        total: options.requests,
        maxMs,
        next,
        accept: graphqlOk,
        failureCode: graphqlCode,
      });
    const ceiling = await closed(plain('{ __typename }'));
    log(`ceiling: ${fmtRate(ceiling.rps, 'req')}, p99 ${fmtMs(ceiling.p99)}`);
    // Each measured phase is warmed up first, unmeasured: the floor ran cold right after the
    // ceiling (TypeORM's first findOne calls, JIT), which flattered nextString's ratio at 10k.
    const warmUp = (next: (u: number) => LoadRequest) =>
      runLoad({
        concurrency: options.volunteers,
        total: Math.min(WARM_UP_REQUESTS, Math.ceil(options.requests / 5)),
        maxMs,
        next,
        accept: graphqlOk,
        failureCode: graphqlCode,
      });
    const last = new Map<number, string>();
    let handedOut = 0;
    const nextString = (u: number): LoadRequest => {
      const volunteer = u % options.volunteers;
      const skip = last.get(volunteer);
      return {
        port,
        path: '/graphql',
        body: gqlBody(NEXT, {
          p: project.slug,
          l: must(codes[volunteer % codes.length], 'locale'),
          s: skip === undefined ? [] : [skip],
        }),
        headers: { cookie: must(volunteers.cookies[volunteer], 'cookie') },
      };
    };
    const handed = (status: number, body: string, u: number): boolean => {
      if (!graphqlOk(status, body)) return false;
      const id = (JSON.parse(body) as { data: { nextString: { id: string } | null } }).data
        .nextString?.id;
      if (id !== undefined) {
        handedOut += 1;
        last.set(u % options.volunteers, id);
      }
      return true;
    };
    await warmUp(plain(ME));
    await warmUp(nextString);
    // The floor and nextString in alternating slices (interleaveSlices): their ratio is the goal.
    const slice =
      (next: (u: number) => LoadRequest, accept: LoadOptions['accept']) =>
      async (i: number): Promise<{ kept: KeptLoad; cpu: CpuPerRequest }> => {
        const before = await sampleCpu(db, [api.pid]);
        const kept = await runLoadKept({
          concurrency: options.volunteers,
          // The phase's requests shared out exactly: slice i ends at (i + 1) / RATIO_SLICES of them.
          total:
            Math.floor(((i + 1) * options.requests) / RATIO_SLICES) -
            Math.floor((i * options.requests) / RATIO_SLICES),
          maxMs: maxMs / RATIO_SLICES,
          next,
          accept,
          failureCode: graphqlCode,
        });
        return { kept, cpu: cpuPerRequest(before, await sampleCpu(db, [api.pid]), 1) };
      };
    const [floorSlices = [], nextSlices = []] = await interleaveSlices(RATIO_SLICES, [
      slice(plain(ME), graphqlOk),
      slice(nextString, handed),
    ]);
    const floor = mergeLoads(floorSlices.map((s) => s.kept));
    const floorCpu = cpuPerRequestOf(
      floorSlices.map((s) => s.cpu),
      floor.ok,
    );
    log(
      `authenticated read floor: ${fmtRate(floor.rps, 'req')}, p99 ${fmtMs(floor.p99)}, server CPU ${fmtCpu(floorCpu)} per request`,
    );
    const next = mergeLoads(nextSlices.map((s) => s.kept));
    const nextCpu = cpuPerRequestOf(
      nextSlices.map((s) => s.cpu),
      next.ok,
    );
    log(
      `nextString: ${fmtRate(next.rps, 'req')}, p50 ${fmtMs(next.p50)}, p99 ${fmtMs(next.p99)}, server CPU ${fmtCpu(nextCpu)} per request`,
    );

    // Latency at a fixed offered rate: half of nextString's capacity, for about ten seconds.
    const openRate = Math.max(1, Math.round(next.rps / 2));
    const openMs = 10_000;
    const openWarmup = Math.floor((openRate * openLoopWarmupMs(openMs)) / 1000);
    const open = (
      request: (n: number) => LoadRequest,
      accept: (status: number, body: string, n: number) => boolean = graphqlOk,
    ) =>
      costed(db, [api.pid], () =>
        runOpenLoop({
          ratePerSec: openRate,
          warmup: openWarmup,
          total: openWarmup + Math.min(options.requests, (openRate * openMs) / 1000),
          sockets: options.volunteers,
          next: request,
          accept,
          failureCode: graphqlCode,
        }),
      );
    const openNext = await open(nextString, handed);
    log(
      `open loop ${openRate} req/s: nextString p50 ${fmtMs(openNext.p50)}, p99 ${fmtMs(openNext.p99)} (${fmtTail(openNext.tail)}), server CPU ${fmtCpu(openNext.cpu)} per request, ${fmtHost(openNext)}`,
    );
    const openFloor = await open(plain(ME));
    log(
      `open loop ${openRate} req/s: floor p50 ${fmtMs(openFloor.p50)}, p99 ${fmtMs(openFloor.p99)} (${fmtTail(openFloor.tail)}), server CPU ${fmtCpu(openFloor.cpu)} per request, ${fmtHost(openFloor)}`,
    );
    const [leases] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM string_lease');
    const { lists, listsCpu, voters, votersCpu, pages, pagesCpu } = await voterPhases(
      db,
      { port, pid: api.pid },
      volunteers.cookies,
      options,
    );
    log(
      `vote page (strings NEEDS_VOTES, 50 rows, the web client's fields): ${fmtRate(lists.rps, 'page')}, p99 ${fmtMs(lists.p99)}, server CPU ${fmtCpu(listsCpu)} per page`,
    );
    log(
      `voters (NEEDS_VOTES, the web client's fields): ${fmtRate(voters.rps, 'req')}, p99 ${fmtMs(voters.p99)}, server CPU ${fmtCpu(votersCpu)} per request`,
    );
    log(
      `string page (candidates, the web client's fields): ${fmtRate(pages.rps, 'req')}, p99 ${fmtMs(pages.p99)}, server CPU ${fmtCpu(pagesCpu)} per request`,
    );
    return {
      keys: options.keys,
      locales: codes.length,
      volunteers: options.volunteers,
      ceiling,
      floor,
      next,
      openRate,
      openNext,
      cpu: { floor: floorCpu, next: nextCpu },
      openFloor,
      lists,
      listsCpu,
      voters,
      votersCpu,
      pages,
      pagesCpu,
      handedOut,
      leases: must(leases, 'leases').n,
      apiPeakRssMb: api.peakRssMb(),
    };
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await database.drop();
  }
}

export function w5Row(r: W5Result, full: boolean): BenchRow {
  const ratio = r.next.rps / r.floor.rps;
  const failed = r.next.failed + r.openNext.failed;
  return {
    scenario: 'W5 next string',
    size: `${r.keys / 1000}k keys × ${r.locales} locales, ${r.volunteers} volunteers, ${r.next.ok.toLocaleString('en-US')} requests${full ? ', full' : ''}`,
    floor: `me ${fmtRate(r.floor.rps, 'req')}, open-loop p99 ${fmtMs(r.openFloor.p99)} (${fmtTail(r.openFloor.tail)}), ${fmtHost(r.openFloor)} (ceiling ${fmtRate(r.ceiling.rps, 'req')})`,
    result: `${fmtRate(r.next.rps, 'req')}; open loop ${fmtRate(r.openRate, 'req')}: p50 ${fmtMs(r.openNext.p50)}, p99 ${fmtMs(r.openNext.p99)} (${fmtTail(r.openNext.tail)}), ${fmtHost(r.openNext)}${failed > 0 ? `; ${failed} failed` : ''}; server CPU ${fmtCpu(r.cpu.next)} per request, floor ${fmtCpu(r.cpu.floor)}; voters (NEEDS_VOTES, web fields) ${fmtRate(r.voters.rps, 'req')}, CPU ${fmtCpu(r.votersCpu)}${r.voters.failed > 0 ? `, ${r.voters.failed} without a string` : ''}; their string page (candidates) ${fmtRate(r.pages.rps, 'req')}, CPU ${fmtCpu(r.pagesCpu)}${r.pages.failed > 0 ? `, ${r.pages.failed} failed` : ''}; vote page (50 strings) ${fmtRate(r.lists.rps, 'page')}, CPU ${fmtCpu(r.listsCpu)}${r.lists.failed > 0 ? `, ${r.lists.failed} failed` : ''}`,
    ratio: `${ratio.toFixed(2)}× (${(r.next.rps / r.ceiling.rps).toFixed(2)}× ceiling)`,
    goal: '≥ 0.8× me, open-loop p99 ≤ 20 ms at half capacity',
    pass: ratio >= 0.8 && r.openNext.p99 <= 20 && failed === 0,
    peakRss: `api ${fmtMb(r.apiPeakRssMb)}`,
  };
}

async function main(): Promise<void> {
  const env = benchEnv();
  const full = isFull();
  ensureBuilt(env, console.log);
  const r = await runW5NextString({
    env,
    keys: flag('keys', full ? 50_000 : 10_000),
    locales: flag('locales', full ? 20 : 5),
    volunteers: flag('volunteers', 200),
    requests: flag('requests', full ? 100_000 : 10_000),
    maxMs: full ? 600_000 : 60_000,
    log: console.log,
  });
  const rows = [w5Row(r, full)];
  printRows(rows);
  const body = [
    `${r.volunteers} volunteers (real sessions), spread over the locales, each asking \`nextString(project, locale, skip)\``,
    'one request at a time over keep-alive sockets (default filter UNTRANSLATED: every call leases a string with',
    'one `INSERT … ON CONFLICT` into the unlogged lease table, the slot tried with an advisory lock, and releases the',
    'previous one). Same run, same API process, same cookies: the ceiling `{ __typename }` (session + GraphQL, no',
    'resolver) and the authenticated read floor `{ me { id } }` (session + one row) at the same concurrency (closed',
    'loop: capacity), each measured phase after an unmeasured warm-up of the same requests (a fifth of it, at most',
    `2,000); the floor and nextString alternate in ${RATIO_SLICES} slices each (floor, nextString, floor, …), so the host's`,
    "drift from minute to minute weighs on both; then nextString and the floor open-loop at half of nextString's capacity for ~10 s after a 2 s warm-up at that rate (latency",
    "from each request's due time). ratio = nextString / floor, closed loop. Last, voters: the same volunteers",
    "ask `nextString(filter: NEEDS_VOTES)` with the web client's string fields (winner, round and decision,",
    'screenshots) in a second project of as many strings, each under vote (a collecting round, one candidate by',
    "someone else), then open the candidate list of the strings they were handed (the string page's",
    "`candidates` query with the web client's fields): closed loop after a warm-up each, informational (no goal).",
    '',
    table(rows),
  ].join('\n');
  await record('## W5 next string', body, rows, await machine(env));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
