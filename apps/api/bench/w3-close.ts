// W3 close rounds: N COLLECTING rounds past their deadline (bulk SQL, as the fault tests seed them),
// a tick per round enqueued under the producer's job id, closed by the real worker process(es);
// measured until every round is final. Floor: BullMQ no-op jobs at the same concurrency (8) on the
// same Redis, from this process.
// Run: npm run bench -- w3-close [--full] [--rounds N] [--batch ROUND_CLOSE_BATCH] [--source]
import { Queue, Worker } from 'bullmq';
import { type RoundCounts, seedCollectingRounds } from '../test/support/bulk-rounds';
import { cpuMsOf, cpuPerRequest, sampleCpu } from './support/cpu';
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
import {
  type BenchDatabase,
  type BenchEnv,
  type ChorusProcess,
  benchEnv,
  createBenchDatabase,
  ensureBuilt,
  must,
  pollUntil,
  startAll,
  startWorkerProcess,
} from './support/stack';

export interface W3Options {
  readonly env: BenchEnv;
  readonly rounds: number;
  readonly workers?: number;
  /** ROUND_CLOSE_BATCH for the worker(s); the product's default when absent. */
  readonly batch?: number;
  readonly log?: (line: string) => void;
}

export interface W3Result {
  readonly rounds: number;
  readonly workers: number;
  readonly floorMs: number;
  readonly closeMs: number;
  /** First enqueue → every tick job finished (the close itself ends at `closeMs`). */
  readonly jobsDoneMs: number;
  readonly decided: number;
  readonly undecided: number;
  /** Rounds of the seeded units (one each when nothing was decided twice). */
  readonly roundRows: number;
  /** Reputation ledger rows: one translator row per round, one voter row per vote. */
  readonly ledgerRows: number;
  readonly expectedLedgerRows: number;
  readonly workerPeakRssMb: number;
  /** CPU the worker process(es) used while closing (user + system): steadier than wall time on a
   * shared host, since it does not count time spent waiting for a core. */
  readonly workerCpuMs: number;
  /** CPU the bench database's Postgres backends used over the same span. */
  readonly dbCpuMs: number;
}

/** Voting parameters the three seeded upvotes decide with (as the fault tests use). */
const DECIDE_WITH_THREE = {
  z: 1,
  quorum: 3,
  minVotes: 3,
  minScore: 0.3,
  minMargin: 0.1,
  earlyScore: 0.99,
  earlyMargin: 0.99,
  minDuration: 0,
  duration: 2_500,
  extension: 2_500,
  maxExtensions: 0,
  reopenCooldown: 1_000,
  minAccountAge: 0,
};

const CONCURRENCY = 8;

async function projectRoundCounts(
  db: BenchDatabase['db'],
  projectId: string,
): Promise<RoundCounts> {
  const [row] = await db.query<RoundCounts[]>(
    `SELECT count(*) FILTER (WHERE r.state = 'DECIDED')::int AS decided,
            count(*) FILTER (WHERE r.state = 'UNDECIDED')::int AS undecided,
            count(*) FILTER (WHERE r.state IN ('OPEN', 'COLLECTING', 'CLOSING'))::int AS live,
            count(*)::int AS rounds
       FROM round r JOIN translation_unit u ON u.id = r.unit_id WHERE u.project_id = $1`,
    [projectId],
  );
  return must(row, 'round counts');
}

/**
 * Whether a round is still due to close, read from the latest deadline backwards on the due
 * index (`IDX_round_due`): batches claim rounds from that index in deadline order, so the round
 * with the latest deadline closes last and each poll reads an entry or two until the end. Joined
 * to the project's units through the live-round index, a poll read 12–21k buffers (10–19 ms) at
 * 30k rounds, 10 times a second beside what is measured: the entries of rounds closed since the
 * last VACUUM, interleaved with the live ones in unit order. The bench database holds this
 * project alone, and the seed makes every round COLLECTING; the final counts check that each one
 * was decided (an OPEN round would fail the run there).
 */
async function anyLiveRound(db: BenchDatabase['db']): Promise<boolean> {
  const [row] = await db.query<{ live: boolean }[]>(
    `SELECT (SELECT r.id FROM round r WHERE r.state IN ('COLLECTING', 'CLOSING')
              ORDER BY r.deadline DESC LIMIT 1) IS NOT NULL AS live`,
  );
  return must(row, 'live rounds').live;
}

/** The floor: `count` no-op jobs through BullMQ with the product's job options. */
async function noopFloor(redisUrl: string, prefix: string, count: number): Promise<number> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('bench-noop', { connection, prefix });
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const worker = new Worker('bench-noop', () => Promise.resolve(null), {
    connection,
    prefix,
    concurrency: CONCURRENCY,
  });
  worker.on('completed', () => {
    done += 1;
    if (done === count) finish();
  });
  try {
    await worker.waitUntilReady();
    const started = performance.now();
    for (let i = 0; i < count; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
          name: 'noop',
          data: { unitId: `u${i + j}`, roundId: `r${i + j}`, reason: 'deadline' },
          opts: {
            jobId: `noop_${i + j}`,
            attempts: 10,
            backoff: { type: 'exponential', delay: 500 },
            removeOnComplete: { age: 3_600, count: 1_000 },
          },
        })),
      );
    }
    await finished;
    return performance.now() - started;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

export async function runW3Close(options: W3Options): Promise<W3Result> {
  const log = options.log ?? (() => undefined);
  const workers = options.workers ?? 1;
  const database = await createBenchDatabase(options.env);
  const procs: ChorusProcess[] = [];
  try {
    const { db } = database;
    // Sweeps stay out of the measurement: the ticks below are the only close jobs.
    const extraEnv: Record<string, string> = {
      ROUND_SWEEP_MS: '3600000',
      ...(options.batch === undefined ? {} : { ROUND_CLOSE_BATCH: String(options.batch) }),
    };
    await startAll(
      procs,
      Array.from(
        { length: workers },
        () => () => startWorkerProcess({ env: options.env, database, extraEnv }),
      ),
    );

    const floorMs = await noopFloor(options.env.redisUrl, database.queuePrefix, options.rounds);
    log(`floor: ${options.rounds} no-op jobs in ${fmtMs(floorMs)}`);

    const project = await seedProject(db, 'w3', DECIDE_WITH_THREE);
    const locales = await seedLocales(db, project.id, ['en', 'pl']);
    const voters = await seedUsers(db, 'w3-voter', 3);
    const past = new Date(Date.now() - 1_000);
    const { unitIds } = await seedCollectingRounds(db, {
      projectId: project.id,
      localeId: must(locales['pl'], 'pl'),
      authorId: project.ownerId,
      voterIds: voters.ids,
      count: options.rounds,
      voting: DECIDE_WITH_THREE,
      deadlineAt: () => past,
    });
    await analyzeSeeded(db);
    // What autovacuum would have done before these rounds fell due. The seed's inserts are past
    // its thresholds, so the stand-in's first pass (a minute after the database was made) vacuumed
    // the seeded tables wherever it fell, mostly inside the close, and the close was charged for
    // it (at 100k: 629–717 ms of Postgres per 1k rounds, 532–567 settled). Real rounds gather over
    // days; only the close's own garbage belongs to the close.
    await database.maintenance.settle();
    const rounds = await db.query<{ id: string; unit_id: string }[]>(
      'SELECT id, unit_id FROM round WHERE unit_id = ANY($1::uuid[])',
      [unitIds],
    );
    log(`seeded ${rounds.length} COLLECTING rounds past their deadline`);

    const connection = { url: options.env.redisUrl, maxRetriesPerRequest: null };
    const queue = new Queue('voting', { connection, prefix: database.queuePrefix });
    const at = past.getTime();
    const cpuAtStart = procs.map((p) => cpuMsOf(p.pid));
    const dbAtStart = await sampleCpu(db, []);
    const started = performance.now();
    try {
      for (let i = 0; i < rounds.length; i += 1000) {
        await queue.addBulk(
          rounds.slice(i, i + 1000).map((r) => ({
            name: 'tick',
            data: { unitId: r.unit_id, roundId: r.id, reason: 'deadline' as const },
            // RoundSchedulerProducer.scheduleTick's id and options.
            opts: {
              jobId: `tick_${r.id}_deadline_${at}`,
              attempts: 10,
              backoff: { type: 'exponential', delay: 500 },
              removeOnComplete: { age: 3_600, count: 1_000 },
              removeOnFail: { age: 7 * 24 * 3_600 },
            },
          })),
        );
      }
      // Polled with "is any round still due?" (anyLiveRound): counting every round each poll took
      // ~0.3 s at 100k rounds, a core of load competing with what is measured. The full counts
      // are read once at the end.
      await pollUntil(
        'every round final',
        () => anyLiveRound(db),
        (live) => !live,
        Math.max(120_000, options.rounds * 20),
        100,
      );
      const closeMs = performance.now() - started;
      const workerCpuMs = procs.reduce(
        (sum, p, i) => sum + cpuMsOf(p.pid) - (cpuAtStart[i] ?? 0),
        0,
      );
      // The backends' CPU over the whole close (as one "request").
      const dbCpuMs = cpuPerRequest(dbAtStart, await sampleCpu(db, []), 1).dbMs;
      // A batch closes up to ROUND_CLOSE_BATCH rounds ahead of their own jobs, which then find
      // their round settled. Reported, not part of the time: no decision waits for them.
      await pollUntil(
        'every close job done',
        () => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
        (c) => Object.values(c).every((n) => n === 0),
        Math.max(120_000, options.rounds * 20),
        100,
      );
      const jobsDoneMs = performance.now() - started;
      const counts = await projectRoundCounts(db, project.id);
      log(`closed ${counts.decided} decided, ${counts.undecided} undecided in ${fmtMs(closeMs)}`);
      const [ledger] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM reputation_ledger l JOIN round r ON r.id = l.round_id
          WHERE r.unit_id = ANY($1::uuid[])`,
        [unitIds],
      );
      return {
        rounds: options.rounds,
        workers,
        floorMs,
        closeMs,
        jobsDoneMs,
        decided: counts.decided,
        undecided: counts.undecided,
        roundRows: counts.rounds,
        ledgerRows: must(ledger, 'ledger').n,
        expectedLedgerRows: counts.decided * (1 + voters.ids.length),
        workerPeakRssMb: Math.max(...procs.map((p) => p.peakRssMb())),
        workerCpuMs,
        dbCpuMs,
      };
    } finally {
      await queue.close();
    }
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await database.drop();
  }
}

export function w3Row(r: W3Result, full: boolean, scenario = 'W3 close rounds'): BenchRow {
  const ratio = r.closeMs / r.floorMs;
  const once = r.roundRows === r.rounds && r.ledgerRows === r.expectedLedgerRows;
  return {
    scenario,
    size: `${r.rounds.toLocaleString('en-US')} rounds, ${r.workers} worker${r.workers > 1 ? 's' : ''} × ${CONCURRENCY}${full ? ', full' : ''}`,
    floor: `${fmtMs(r.floorMs)} (${fmtRate((r.rounds * 1000) / r.floorMs, 'jobs')})`,
    result: `${fmtMs(r.closeMs)} (${fmtRate((r.rounds * 1000) / r.closeMs, 'rounds')}); ${r.decided} decided, ${once ? 'each once' : 'DOUBLE DECISIONS'}; jobs done at ${fmtMs(r.jobsDoneMs)}; worker CPU ${((r.workerCpuMs * 1000) / r.rounds).toFixed(0)} ms, Postgres ${((r.dbCpuMs * 1000) / r.rounds).toFixed(0)} ms per 1k rounds`,
    ratio: `${ratio.toFixed(2)}×`,
    goal: '≤ 3× floor',
    pass: ratio <= 3 && once && r.decided === r.rounds,
    peakRss: `worker ${fmtMb(r.workerPeakRssMb)}`,
  };
}

async function main(): Promise<void> {
  const env = benchEnv();
  const full = isFull();
  ensureBuilt(env, console.log);
  const r = await runW3Close({
    env,
    rounds: flag('rounds', full ? 100_000 : 10_000),
    ...(process.argv.some((a) => a.startsWith('--batch')) ? { batch: flag('batch', 200) } : {}),
    log: console.log,
  });
  const rows = [w3Row(r, full)];
  printRows(rows);
  const body = [
    'Rounds seeded COLLECTING past their deadline with one candidate and three upvotes each',
    '(`seedCollectingRounds`) on a settled server (the seed analyzed and vacuumed as autovacuum would have by',
    "then), then one `tick` job per round enqueued with `RoundSchedulerProducer`'s job id and",
    'options; the worker process (concurrency 8, sweep disabled for the run) closes them through',
    '`RoundCloseService.tickDue` (lock the unit and up to ROUND_CLOSE_BATCH other due units, libs/voting, write rounds,',
    'winners, votes and ledger set-based in one transaction; jobs of rounds already closed return at once).',
    'Time = first enqueue → no live round left (polled every 100 ms); "jobs done" = every tick job finished',
    '(reported, not timed: the jobs left find their round settled). Floor = the same number of',
    'no-op BullMQ jobs with the same options at concurrency 8 on the same Redis. "each once" = one round per unit',
    'and one ledger row per (round, participant).',
    '',
    table(rows),
  ].join('\n');
  await record('## W3 close rounds', body, rows, await machine(env));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
