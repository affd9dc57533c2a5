// W2 votes: N concurrent voters casting votes through GraphQL over HTTP (castVote), each on
// distinct candidates, until a total. Floor: the same API processes answering `{ __typename }`
// with the same sessions at the same concurrency. After the run the database must hold exactly
// the acknowledged votes.
// Run: npm run bench -- w2-votes [--full] [--votes N --voters N] [--source]
import { projectParams } from '../src/voting/unit-state.repository';
import { type LoadResult, graphqlCode, graphqlOk, gqlBody, runLoad } from './support/load';
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

export interface W2Options {
  readonly env: BenchEnv;
  readonly voters: number;
  readonly votes: number;
  /** API processes; requests alternate between them (the load balancer of a deployment). */
  readonly apis?: number;
  readonly workers?: number;
  /** Upper bound of each load phase. */
  readonly maxMs?: number;
  readonly log?: (line: string) => void;
}

export interface W2Result {
  readonly voters: number;
  readonly apis: number;
  readonly workers: number;
  readonly floor: LoadResult;
  readonly votes: LoadResult;
  /** Votes found in the database after the run. */
  readonly stored: number;
  readonly apiPeakRssMb: number;
}

const CAST = 'mutation($c: ID!) { castVote(candidateId: $c, value: 1) { stringId hasVoted } }';
const TRIVIAL = '{ __typename }';

/** `count` strings with a Polish unit and one candidate each by `authorId`; returns candidate ids. */
export async function seedCandidates(
  db: BenchDatabase['db'],
  projectId: string,
  localeId: string,
  authorId: string,
  count: number,
  params: unknown,
): Promise<string[]> {
  const [ns] = await db.query<{ id: string }[]>(
    "INSERT INTO namespace (project_id, name) VALUES ($1, 'votes') RETURNING id",
    [projectId],
  );
  const rows = await db.query<{ id: string }[]>(
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
       -- The round submitTranslation would have opened, so the candidate is in play.
       INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at)
       SELECT gen_random_uuid(), u.id, 1, s.source_hash, 'OPEN', $6::jsonb, now()
         FROM u JOIN s ON s.id = u.string_id
       RETURNING id, unit_id)
     , cur AS (UPDATE translation_unit tu SET current_round_id = r.id FROM r WHERE tu.id = r.unit_id)
     SELECT t.id FROM t JOIN u ON u.id = t.unit_id JOIN s ON s.id = u.string_id ORDER BY s.position`,
    [projectId, must(ns, 'namespace').id, localeId, count, authorId, JSON.stringify(params)],
  );
  await db.query('ANALYZE');
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
      ...Array.from({ length: apis }, () => () => startApiProcess({ env: options.env, database })),
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
    const perVoter = Math.ceil(options.votes / options.voters);
    const candidates = await seedCandidates(
      db,
      project.id,
      must(locales['pl'], 'pl'),
      project.ownerId,
      Math.max(perVoter, 2_000),
      projectParams({ voting: LOAD_VOTING }),
    );
    const voters = await seedUsers(db, 'voter', options.voters);
    // Statistics that include the voters and their sessions: planned against an empty user
    // table, the vote read walked every user (a bench artefact autovacuum fixes in a real run).
    await db.query('ANALYZE');
    const stride = Math.max(1, Math.floor(candidates.length / options.voters));
    log(`seeded ${candidates.length} candidates and ${options.voters} voters`);

    const port = (u: number, n: number): number => must(ports[(u + n) % ports.length], 'port');
    const floor = await runLoad({
      concurrency: options.voters,
      total: Math.min(options.votes, 20_000),
      maxMs,
      next: (u, n) => ({
        port: port(u, n),
        path: '/graphql',
        body: gqlBody(TRIVIAL),
        headers: { cookie: must(voters.cookies[u], 'cookie') },
      }),
      accept: graphqlOk,
      failureCode: graphqlCode,
    });
    log(
      `floor: ${floor.ok} trivial queries, ${fmtRate(floor.rps, 'req')}, p99 ${fmtMs(floor.p99)}`,
    );
    const votes = await runLoad({
      concurrency: options.voters,
      total: options.votes,
      maxMs,
      next: (u, n) =>
        n >= perVoter
          ? null
          : {
              port: port(u, n),
              path: '/graphql',
              body: gqlBody(CAST, { c: candidates[(u * stride + n) % candidates.length] }),
              headers: { cookie: must(voters.cookies[u], 'cookie') },
            },
      accept: graphqlOk,
      failureCode: graphqlCode,
    });
    log(
      `votes: ${votes.ok} acknowledged, ${votes.failed} failed ${JSON.stringify(votes.failures)}, ${fmtRate(votes.rps, 'votes')}, p99 ${fmtMs(votes.p99)}`,
    );
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
      apis,
      workers,
      floor,
      votes,
      stored: must(stored, 'count').n,
      apiPeakRssMb: Math.max(...api.map((p) => p.peakRssMb())),
    };
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await database.drop();
  }
}

export function w2Row(r: W2Result, full: boolean, scenario = 'W2 votes'): BenchRow {
  const ratio = r.votes.rps / r.floor.rps;
  const exact = r.stored === r.votes.ok;
  return {
    scenario,
    size: `${r.votes.ok.toLocaleString('en-US')} votes, ${r.voters} voters${r.apis > 1 || r.workers > 1 ? `, ${r.apis} API + ${r.workers} worker` : ''}${full ? ', full' : ''}`,
    floor: `${fmtRate(r.floor.rps, 'req')} (p99 ${fmtMs(r.floor.p99)})`,
    result: `${fmtRate(r.votes.rps, 'votes')} (p50 ${fmtMs(r.votes.p50)}, p99 ${fmtMs(r.votes.p99)}); stored ${r.stored}/${r.votes.ok}${r.votes.failed > 0 ? `, ${r.votes.failed} refused` : ''}`,
    ratio: `${ratio.toFixed(2)}×`,
    goal: '≥ 0.7×, p99 ≤ 50 ms, stored = acknowledged',
    pass: ratio >= 0.7 && r.votes.p99 <= 50 && exact && r.votes.failed === 0,
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
    votes,
    // A time limit for each load phase; the full run stops there if 1M votes take longer.
    maxMs: minutes * 60_000,
    log: console.log,
  });
  const rows = [w2Row(r, full)];
  printRows(rows);
  const body = [
    `${r.voters} virtual voters, each one request at a time over keep-alive sockets (a small node:http load loop;`,
    'autocannon is not installed), cast `castVote(candidateId, value: 1)` on distinct candidates (real sessions,',
    'inserted in bulk like SessionService.open). The project sets `settings.voting` maxVotesPerHour 1,000,000,',
    'minAccountAge 0 and a 7-day round so no rate limit or close interferes (defaults: 60 votes/hour, 7 days).',
    'Floor = `{ __typename }` with the same cookies at the same concurrency against the same API process.',
    `Latencies: every request kept, exact percentiles. stored = \`count(*)\` of vote rows after the run.`,
    ...(r.votes.requests < votes
      ? [
          `The vote phase stopped at its ${minutes}-minute limit (\`--minutes\`) after ${r.votes.requests.toLocaleString('en-US')} of ${votes.toLocaleString('en-US')} votes.`,
        ]
      : []),
    '',
    table(rows),
  ].join('\n');
  await record('## W2 votes', body, rows, await machine(env));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
