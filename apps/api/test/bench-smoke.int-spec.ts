import { runW1Import } from '../bench/w1-import';
import { runW2Votes } from '../bench/w2-votes';
import { runW3Close } from '../bench/w3-close';
import { runW5NextString } from '../bench/w5-next-string';
import { chromiumAvailable, runW6WebColdLoad } from '../bench/w6-web-cold-load';
import { runW7LiveFanout } from '../bench/w7-live-fanout';
import { runW8Submit } from '../bench/w8-submit';
import { analyzeSeeded, maintenanceFor, startMaintenance } from '../bench/support/autovacuum';
import { tenthRates } from '../bench/support/load';
import { fmtTail, tailShape } from '../bench/support/tail';
import { type BenchEnv, createBenchDatabase } from '../bench/support/stack';
import { genericPlan, nodesOf } from './support/query-plan';
import { ADMIN_DATABASE_URL, TEST_REDIS_URL, testQueueBackend } from './support/test-env';

// The benchmark scenarios (apps/api/bench) at tiny sizes so their code never rots: each runs on its
// own throw-away database with the API and worker as real processes (from source). Counts only,
// never timings. The scenarios run concurrently to keep this file short.
const env: BenchEnv = { adminUrl: ADMIN_DATABASE_URL, redisUrl: TEST_REDIS_URL, fromSource: true };

describe('benchmark scenarios (smoke, tiny sizes)', () => {
  if (testQueueBackend() !== 'redis') {
    it('needs Redis: skipped on the PostgreSQL queue backend', () => {
      console.log('bench smoke skipped: the benchmarks run on Redis');
    });
    return;
  }

  it('W1, W2 (2 APIs), W3 (2 workers), W5, W6, W7 and W8 count what they wrote', async () => {
    const [w1, w2, w3, w5, w6, w7, w8] = await Promise.all([
      runW1Import({ env, keys: 60, locales: 2 }),
      runW2Votes({ env, voters: 4, votes: 12, apis: 2, workers: 1 }),
      runW3Close({ env, rounds: 20, workers: 2 }),
      runW5NextString({ env, keys: 30, locales: 2, volunteers: 4, requests: 12 }),
      chromiumAvailable() ? runW6WebColdLoad({ env, keys: 50, trials: 1 }) : Promise.resolve(null),
      runW7LiveFanout({ env, strings: 4, viewers: 2, watch: 2, voters: 2, votes: 6 }),
      runW8Submit({ env, strings: 12, terms: 5, translators: 3, submits: 9 }),
    ]);

    expect(w1.sourceStrings).toBe(60);
    expect(w1.winners).toBe(60 * 2);
    expect(w1.noopUnchanged).toBe(60 * 3);
    expect(w1.changedSource).toBe(3);

    expect(w2.votes.failed).toBe(0);
    expect(w2.votes.ok).toBe(12);
    expect(w2.stored).toBe(12);
    expect(w2.floor.ok).toBe(12);

    expect(w3.decided).toBe(20);
    expect(w3.roundRows).toBe(20);
    expect(w3.ledgerRows).toBe(w3.expectedLedgerRows);

    expect(w5.next.failed).toBe(0);
    expect(w5.openNext.failed).toBe(0);
    // Every call, closed loop (12) and open loop alike (its warm-up too), handed out a string.
    expect(w5.next.requests).toBe(12);
    expect(w5.openNext.warmupOk).toBeGreaterThan(0);
    expect(w5.handedOut).toBe(12 + w5.openNext.requests + (w5.openNext.warmupOk ?? 0));
    expect(w5.leases).toBeLessThanOrEqual(4);
    // The string page opened for strings the voters were handed, every one answered.
    expect([w5.pages.ok, w5.pages.failed]).toEqual([12, 0]);
    // The vote page's list: every page answered, each with all the strings under vote (30 < 50).
    expect([w5.lists.ok, w5.lists.failed]).toEqual([2, 0]);

    if (w6 === null) console.log('W6 smoke skipped: no /usr/bin/chromium');
    else expect(w6.loadedKeys).toBe(50);

    expect([w7.watched.ok, w7.watched.failed, w7.unwatched.ok]).toEqual([6, 0, 6]);
    // Every subscription saw its string's last change.
    expect(w7.current).toBe(w7.subscriptions);
    expect(w7.subscriptions).toBe(4);

    expect([w8.submits.ok, w8.submits.failed, w8.stored]).toEqual([9, 0, 9]);
    expect(w8.authFloor.ok).toBe(9);
  });

  it('W2 full checks its rate by tenths: each tenth of the completions in turn', () => {
    // 100 completions: the first 50 one per 10 ms, the last 50 one per 5 ms.
    const times: number[] = [];
    for (let i = 1; i <= 50; i += 1) times.push(i * 10);
    for (let i = 1; i <= 50; i += 1) times.push(500 + i * 5);
    const rates = tenthRates(Float64Array.from(times.reverse()), 750);
    expect(rates.all.map(Math.round)).toEqual([100, 100, 100, 100, 100, 200, 200, 200, 200, 200]);
    expect(Math.round(rates.first)).toBe(100);
    expect(Math.round(rates.last)).toBe(200);
    expect(tenthRates(Float64Array.from([1, 2, 3]), 10)).toEqual({ first: 0, last: 0, all: [] });
  });

  it('an open loop tells a stall from slow requests spread over the phase', () => {
    // 1,000 requests due 1 ms apart, answered in 2 ms; a pause makes those due at 500–519 ms wait
    // 50 ms, and two requests far from it take 30 ms of their own.
    const due = Float64Array.from({ length: 1_000 }, (_, i) => i);
    const latency = due.map((at) =>
      at >= 500 && at < 520 ? 50 : at === 100 || at === 800 ? 30 : 2,
    );
    const tail = tailShape(due, latency, 30);
    expect(tail).toEqual({ slow: 22, stalls: 3, longestMs: 69, inLongest: 20 });
    expect(fmtTail(tail)).toBe('the 22 slowest: 3 stalls, the longest 69 ms with 20 of them');
    // Spans that touch are one stall; nothing at the threshold is no tail.
    expect(tailShape(Float64Array.from([0, 10]), Float64Array.from([10, 5]), 5)).toEqual({
      slow: 2,
      stalls: 1,
      longestMs: 15,
      inLongest: 2,
    });
    const none = tailShape(
      due,
      due.map(() => 2),
      30,
    );
    expect(none).toEqual({ slow: 0, stalls: 0, longestMs: 0, inLongest: 0 });
    expect(fmtTail(none)).toBe('no slow tail');
  });

  it("the autovacuum stand-in uses Postgres' default thresholds", () => {
    const table = { relname: 't', n_dead_tup: 0, n_ins_since_vacuum: 0, n_mod_since_analyze: 0 };
    expect(maintenanceFor({ ...table, reltuples: 10_000 })).toBeNull();
    expect(maintenanceFor({ ...table, reltuples: 10_000, n_dead_tup: 2_051 })).toBe('vacuum');
    expect(maintenanceFor({ ...table, reltuples: 10_000, n_dead_tup: 2_050 })).toBeNull();
    expect(maintenanceFor({ ...table, reltuples: -1, n_ins_since_vacuum: 1_001 })).toBe('vacuum');
    expect(maintenanceFor({ ...table, reltuples: 10_000, n_mod_since_analyze: 1_051 })).toBe(
      'analyze',
    );
  });

  it("the stand-in passes once per the server's autovacuum_naptime", async () => {
    const database = await createBenchDatabase(env);
    try {
      // pg_settings holds the naptime in seconds; current_setting shows it with a unit ('1min'),
      // which the stand-in once read as 1 s and so vacuumed 60 times as often as autovacuum.
      const rows = await database.db.query<{ setting: string; unit: string }[]>(
        "SELECT setting, unit FROM pg_settings WHERE name = 'autovacuum_naptime'",
      );
      expect(rows[0]?.unit).toBe('s');
      const seconds = Number(rows[0]?.setting);
      expect(database.maintenance.naptimeMs).toBe(Math.max(1, seconds) * 1000);
    } finally {
      await database.drop();
    }
  });

  it('the stand-in vacuums a grown table of a bench database where the server does not', async () => {
    const database = await createBenchDatabase(env);
    // The database's own stand-in (a pass a minute) would otherwise race this one to the table on
    // a slow run, vacuum it first and leave this loop nothing to do: the test then never ended.
    await database.maintenance.stop();
    const loop = await startMaintenance(database.url, 100);
    try {
      const settings = await database.db.query<{ enabled: string }[]>(
        "SELECT current_setting('autovacuum') AS enabled",
      );
      if (settings[0]?.enabled === 'on') {
        expect(loop.kind).toBe('autovacuum');
        return;
      }
      expect(loop.kind).toBe('stand-in');
      await database.db.query(
        `INSERT INTO "user" (email, display_name, password_hash)
         SELECT 'u' || i || '@example.test', 'U', 'x' FROM generate_series(1, 1500) i`,
      );
      const vacuumed = async (): Promise<boolean> => {
        const rows = await database.db.query<{ at: Date | null }[]>(
          "SELECT last_vacuum AS at FROM pg_stat_user_tables WHERE relname = 'user'",
        );
        return rows[0]?.at != null;
      };
      // The counter moves when VACUUM's answer arrives, which may be after the statistics do.
      // Polled until it happens; the test's timeout is the only limit (no count of tries).
      while (loop.runs().vacuums === 0 || !(await vacuumed())) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(loop.runs().vacuums).toBeGreaterThan(0);
      expect(await vacuumed()).toBe(true);
    } finally {
      await loop.stop();
      await database.drop();
    }
  });

  it('a seed is analyzed without recording the tables it left empty as analyzed and empty', async () => {
    const database = await createBenchDatabase(env);
    await database.maintenance.stop();
    const { db } = database;
    try {
      await db.query(
        `INSERT INTO "user" (email, display_name, password_hash)
         SELECT 'u' || i || '@example.test', 'U', 'x' FROM generate_series(1, 300) i`,
      );
      await analyzeSeeded(db);
      const stats = await db.query<{ relname: string; reltuples: number }[]>(
        `SELECT relname, reltuples::float8 AS reltuples FROM pg_class
          WHERE relname IN ('user', 'vote') AND relkind = 'r' ORDER BY relname`,
      );
      // -1: never analyzed, as on a live server where autovacuum has not seen 50 changes yet.
      expect(stats).toEqual([
        { relname: 'user', reltuples: 300 },
        { relname: 'vote', reltuples: -1 },
      ]);
      // What that buys: the rate-limit count's shape, planned as a prepared statement's generic
      // plan while `vote` is still empty, reads the voter's index range. After a plain ANALYZE
      // the same plan reads the whole table, and keeps doing so as a run fills it.
      const seqScansOfVote = async (): Promise<number> => {
        const plan = await genericPlan(
          db,
          `SELECT count(*) FROM (SELECT 1 FROM vote v
            WHERE v.voter_id = $1 AND v.cast_at > $2 LIMIT 60) x`,
          ['00000000-0000-0000-0000-000000000000', new Date()],
        );
        return [...nodesOf(plan)].filter(
          (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'vote',
        ).length;
      };
      expect(await seqScansOfVote()).toBe(0);
      await db.query('ANALYZE vote');
      expect(await seqScansOfVote()).toBe(1);
    } finally {
      await database.drop();
    }
  });
});
