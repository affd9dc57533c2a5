import { DataSource } from 'typeorm';
import { genericPlanQuery, preparedQuery } from '../src/database/prepared-query';
import { ADMIN_DATABASE_URL } from './support/test-env';

/**
 * genericPlanQuery (nextString's claim): the statement runs with a forced generic plan, and the
 * pooled connection comes back as it was, after success and after an error alike.
 */
describe('genericPlanQuery', () => {
  // One connection: every statement below runs on the same session.
  const db = new DataSource({ type: 'postgres', url: ADMIN_DATABASE_URL, extra: { max: 1 } });

  beforeAll(async () => {
    await db.initialize();
  });

  afterAll(async () => {
    await db.destroy();
  });

  const mode = async (): Promise<string> => {
    const [row] = await db.query<{ mode: string }[]>(
      "SELECT current_setting('plan_cache_mode') AS mode",
    );
    return row!.mode;
  };

  it('plans the statement generically, and leaves the session in its own mode', async () => {
    const text = "SELECT current_setting('plan_cache_mode') AS mode, $1::int + 1 AS n";
    for (let call = 0; call < 3; call += 1) {
      const [row] = await genericPlanQuery<{ mode: string; n: number }>(db, text, [call]);
      expect(row).toEqual({ mode: 'force_generic_plan', n: call + 1 });
      expect(await mode()).toBe('auto');
    }
    // The same prepared statement outside: the session's own mode again.
    const [outside] = await preparedQuery<{ mode: string }>(db, text, [1]);
    expect(outside!.mode).toBe('auto');
  });

  it('rolls back on an error, so the connection is not left inside a failed transaction', async () => {
    await expect(genericPlanQuery(db, 'SELECT 1 / $1::int AS x', [0])).rejects.toThrow(
      /division by zero/,
    );
    const [status] = await db.query<{ open: boolean }[]>(
      'SELECT now() <> statement_timestamp() AS open',
    );
    expect(status!.open).toBe(false);
    expect(await mode()).toBe('auto');
  });
});
