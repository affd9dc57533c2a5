import { DataSource } from 'typeorm';
import { GENERIC_PLAN_POOL_SIZE, GenericPlanPool } from '../src/database/generic-plan-pool';
import { preparedQuery } from '../src/database/prepared-query';
import { VOTE_BATCHES_IN_FLIGHT, VotePool } from '../src/voting/vote-pool';
import { testConfig } from './support/test-app';
import { ADMIN_DATABASE_URL } from './support/test-env';

/**
 * GenericPlanPool (nextString's claim): its sessions force generic plans, the main pool's do not,
 * and a failed statement leaves its connection usable. VotePool (the one-statement vote): its
 * sessions also plan joins in the written order.
 */
describe('GenericPlanPool', () => {
  const config = { ...testConfig(), databaseUrl: ADMIN_DATABASE_URL };
  const pool = new GenericPlanPool(config);
  const main = new DataSource({ type: 'postgres', url: ADMIN_DATABASE_URL, extra: { max: 1 } });
  const MODE = "SELECT current_setting('plan_cache_mode') AS mode, $1::int + 1 AS n";

  beforeAll(async () => {
    await main.initialize();
  });

  afterAll(async () => {
    await pool.onApplicationShutdown();
    await main.destroy();
  });

  it('runs prepared statements under force_generic_plan; the same statement elsewhere keeps auto', async () => {
    // More calls than connections: every connection of the pool is set up the same way.
    const rows = await Promise.all(
      Array.from({ length: GENERIC_PLAN_POOL_SIZE * 3 }, (_, i) =>
        pool.query<{ mode: string; n: number }>(MODE, [i]),
      ),
    );
    rows.forEach((r, i) => expect(r).toEqual([{ mode: 'force_generic_plan', n: i + 1 }]));
    const [outside] = await preparedQuery<{ mode: string }>(main, MODE, [1]);
    expect(outside!.mode).toBe('auto');
  });

  it('answers the next statement after one that failed', async () => {
    await expect(pool.query('SELECT 1 / $1::int AS x', [0])).rejects.toThrow(/division by zero/);
    const after = await Promise.all(
      Array.from({ length: GENERIC_PLAN_POOL_SIZE }, () =>
        pool.query<{ x: number }>('SELECT 1 / $1::int AS x', [1]),
      ),
    );
    expect(after).toEqual(Array.from({ length: GENERIC_PLAN_POOL_SIZE }, () => [{ x: 1 }]));
  });
});

describe('VotePool', () => {
  const pool = new VotePool({ ...testConfig(), databaseUrl: ADMIN_DATABASE_URL });
  const SETTINGS = `SELECT current_setting('plan_cache_mode') AS mode,
    current_setting('join_collapse_limit') AS joins, current_setting('from_collapse_limit') AS froms,
    current_setting('application_name') AS name, $1::int AS n`;

  afterAll(() => pool.onApplicationShutdown());

  it('runs every statement with generic plans and joins in the written order', async () => {
    const rows = await Promise.all(
      Array.from({ length: VOTE_BATCHES_IN_FLIGHT * 3 }, (_, i) => pool.query(SETTINGS, [i])),
    );
    rows.forEach((r, i) =>
      expect(r).toEqual([
        { mode: 'force_generic_plan', joins: '1', froms: '1', name: 'chorus-votes', n: i },
      ]),
    );
  });
});
