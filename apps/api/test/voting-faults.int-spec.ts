import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RoundSchedulerProducer } from '../src/voting/round-scheduler.producer';
import { roundCounts, seedCollectingRounds } from './support/bulk-rounds';
import { FAST_VOTING, seedCatalogue } from './support/catalogue-fixture';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  testConfig,
  type RunningApi,
} from './support/test-app';
import { testQueueBackend } from './support/test-env';
import { poll, spawnWorker, type WorkerProcess } from './support/worker-process';

// Small close batches: the SIGKILL must land while rounds are still open, and batches still run.
const FAST_WORKER = { QUEUE_LOCK_MS: '1500', ROUND_SWEEP_MS: '500', ROUND_CLOSE_BATCH: '5' };

interface Crowd {
  readonly seed: Awaited<ReturnType<typeof seedCatalogue>>;
  readonly authorId: string;
  readonly voterIds: string[];
}

async function crowd(api: RunningApi): Promise<Crowd> {
  const owner = await signedInClient(api.baseUrl, 'owner');
  const seed = await seedCatalogue(api.app, owner.client, {
    locales: ['pl'],
    source: { a: 'A' },
    voting: FAST_VOTING,
  });
  const author = await signedInClient(api.baseUrl, 'author');
  const voterIds: string[] = [];
  for (const name of ['v1', 'v2', 'v3'])
    voterIds.push((await signedInClient(api.baseUrl, name)).id);
  return { seed, authorId: author.id, voterIds };
}

/** Every round ended exactly once: one round per unit, one ledger row per (round, user, kind). */
async function expectDecidedExactlyOnce(
  db: DataSource,
  unitIds: readonly string[],
  c: Crowd,
): Promise<void> {
  expect(await roundCounts(db, unitIds)).toEqual({
    decided: unitIds.length,
    undecided: 0,
    live: 0,
    rounds: unitIds.length,
  });
  const ledger = await db.query<{ kind: string; n: number }[]>(
    `SELECT l.kind, count(*)::int AS n FROM reputation_ledger l JOIN round r ON r.id = l.round_id
      WHERE r.unit_id = ANY($1::uuid[]) GROUP BY l.kind ORDER BY l.kind`,
    [unitIds],
  );
  expect(ledger).toEqual([
    { kind: 'translator', n: unitIds.length },
    { kind: 'voter', n: unitIds.length * c.voterIds.length },
  ]);
  const [author] = await db.query<{ accepted: number }[]>(
    "SELECT sum(accepted) AS accepted FROM reputation_ledger WHERE user_id = $1 AND locale = 'pl'",
    [c.authorId],
  );
  expect(author!.accepted).toBe(unitIds.length);
  const agree = await db.query<{ agree: number }[]>(
    "SELECT sum(agree) AS agree FROM reputation_ledger WHERE user_id = ANY($1::uuid[]) AND locale = 'pl' GROUP BY user_id",
    [c.voterIds],
  );
  expect(agree.map((r) => r.agree)).toEqual(c.voterIds.map(() => unitIds.length));
  const [votes] = await db.query<{ n: number; evaluated: number }[]>(
    `SELECT count(*)::int AS n, count(e.round_id)::int AS evaluated FROM vote v
       LEFT JOIN vote_evaluation e ON e.translation_id = v.translation_id AND e.voter_id = v.voter_id WHERE v.unit_id = ANY($1::uuid[])`,
    [unitIds],
  );
  expect(votes).toEqual({
    n: unitIds.length * c.voterIds.length,
    evaluated: unitIds.length * c.voterIds.length,
  });
}

describe('round closing under faults (real worker processes)', () => {
  let api: RunningApi;
  let db: DataSource;
  const workers: WorkerProcess[] = [];

  beforeEach(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop('SIGKILL');
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('decides 1,000 rounds exactly once although the worker is SIGKILLed midway and every close job runs twice', async () => {
    const c = await crowd(api);
    const past = new Date(Date.now() - 1_000);
    const { unitIds } = await seedCollectingRounds(db, {
      projectId: c.seed.projectId,
      localeId: c.seed.localeIds['pl']!,
      authorId: c.authorId,
      voterIds: c.voterIds,
      count: 1_000,
      voting: FAST_VOTING,
      deadlineAt: () => past,
    });
    // Every close job twice: the worker's sweep schedules the deadline ticks, and here a second,
    // differently named tick per round goes in too.
    const scheduler = api.app.get(RoundSchedulerProducer);
    const rounds = await db.query<{ id: string; unit_id: string }[]>(
      'SELECT id, unit_id FROM round WHERE unit_id = ANY($1::uuid[])',
      [unitIds],
    );
    for (const r of rounds)
      await scheduler.scheduleTick(
        { unitId: r.unit_id, roundId: r.id, reason: 'cooldown' },
        0,
        Date.now(),
      );

    const first = await spawnWorker(api.config, FAST_WORKER);
    workers.push(first);
    await poll(
      'some rounds decided',
      () => roundCounts(db, unitIds),
      (n) => n.decided >= 100,
    );
    expect(await first.stop('SIGKILL')).toBeNull();
    const killedAt = await roundCounts(db, unitIds);
    expect(killedAt.decided).toBeLessThan(1_000);

    workers.push(await spawnWorker(api.config, FAST_WORKER));
    await poll(
      'all rounds decided',
      () => roundCounts(db, unitIds),
      (n) => n.decided + n.undecided === 1_000,
    );
    await expectDecidedExactlyOnce(db, unitIds, c);
  });

  it('shuts a worker down gracefully on SIGTERM', async () => {
    const worker = await spawnWorker(api.config, FAST_WORKER);
    // Nest closes the modules, then re-raises the signal: the process ends by SIGTERM, after the log line.
    await worker.stop('SIGTERM');
    expect(worker.output()).toContain('Voting worker closed: active jobs finished');
  });

  const redisServer = spawnSync('redis-server', ['--version']).status === 0;
  const redisCase = redisServer && testQueueBackend() === 'redis';

  it(`${redisCase ? '' : '(skipped: needs redis-server) '}reconnects after Redis restarts mid-run and still decides every round`, async () => {
    if (!redisCase) {
      process.stdout.write(
        'skipped: redis-server is not installed or the queue runs on Postgres\n',
      );
      return;
    }
    // A private Redis (nothing kept on disk), so restarting it disturbs no other test.
    const port = 16_000 + (process.pid % 10_000);
    const dir = mkdtempSync(join(tmpdir(), 'chorus-redis-'));
    const startRedis = (): ChildProcess =>
      spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
        ],
        { stdio: 'ignore' },
      );
    let redis = startRedis();
    try {
      await api.close();
      api = await startApi(testConfig({ REDIS_URL: `redis://127.0.0.1:${port}` }));
      db = api.app.get(DataSource);
      const c = await crowd(api);
      // Ten rounds are due now, fifty an hour away: the first ten decide before Redis goes down,
      // and the rest only when the test moves their deadline after the restart, whatever the
      // machine's speed (no race between the worker and the kill).
      const now = Date.now();
      const { unitIds } = await seedCollectingRounds(db, {
        projectId: c.seed.projectId,
        localeId: c.seed.localeIds['pl']!,
        authorId: c.authorId,
        voterIds: c.voterIds,
        count: 60,
        voting: FAST_VOTING,
        deadlineAt: (i) => new Date(i < 10 ? now - 1_000 : now + 3_600_000),
      });
      workers.push(await spawnWorker(api.config, FAST_WORKER));
      await poll(
        'the first rounds decided',
        () => roundCounts(db, unitIds),
        (n) => n.decided >= 5,
      );
      redis.kill('SIGKILL');
      await new Promise((resolve) => redis.once('exit', resolve));
      const during = await roundCounts(db, unitIds);
      expect(during.decided).toBeLessThanOrEqual(10);
      redis = startRedis();
      // The rest fall due now; the worker's sweep finds them once it has reconnected.
      await db.query(
        `UPDATE round SET deadline = now() - interval '1 millisecond'
          WHERE state = 'COLLECTING' AND unit_id = ANY($1::uuid[])`,
        [unitIds],
      );
      await poll(
        'all rounds decided after the restart',
        () => roundCounts(db, unitIds),
        (n) => n.decided === 60,
      );
      await expectDecidedExactlyOnce(db, unitIds, c);
    } finally {
      // Leave the usual API behind for afterEach, and the private Redis gone.
      for (const w of workers.splice(0)) await w.stop('SIGKILL');
      await api.close();
      redis.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      api = await startApi();
    }
  });
});
