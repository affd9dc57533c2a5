// A stand-in for autovacuum, for servers that run without it. This machine's CI Postgres sets
// `autovacuum = off` (conf.d/90-ci.conf); a production server has it on. Without it, tables that a
// long benchmark grows never get fresh statistics, dead row versions pile up, and index-only scans
// never happen (the visibility map stays empty), so long runs would measure the server's set-up
// rather than Chorus. The stand-in applies autovacuum's default trigger thresholds to the bench
// database once per `autovacuum_naptime`, and vacuums or analyzes each table past them, one at a
// time like a single autovacuum worker, with autovacuum's default cost-based delay (2 ms per 200
// cost units) so it takes its share of I/O and CPU the way autovacuum would.
import { Client } from 'pg';

export interface MaintenanceLoop {
  /** What keeps the bench database vacuumed: the server's own autovacuum, or this stand-in. */
  readonly kind: 'autovacuum' | 'stand-in';
  /** Time between the stand-in's passes (the server's autovacuum_naptime unless overridden). */
  readonly naptimeMs: number;
  /** Tables vacuumed and analyzed so far by the stand-in. */
  readonly runs: () => { readonly vacuums: number; readonly analyzes: number };
  /**
   * Finishes the pass under way, then runs one at once: what autovacuum would have done by the
   * time a later workload starts (a bench phase that measures a settled server calls this).
   */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

interface TableStats {
  relname: string;
  reltuples: number;
  n_dead_tup: number;
  n_ins_since_vacuum: number;
  n_mod_since_analyze: number;
}

// Postgres' defaults: autovacuum_vacuum_threshold / _scale_factor, the insert variants (PG 13+)
// and autovacuum_analyze_threshold / _scale_factor.
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const INSERT_BASE = 1_000;
const INSERT_SCALE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;

/** What autovacuum would do to one table now. */
export function maintenanceFor(t: TableStats): 'vacuum' | 'analyze' | null {
  const tuples = Math.max(0, t.reltuples);
  if (
    t.n_dead_tup > VACUUM_BASE + VACUUM_SCALE * tuples ||
    t.n_ins_since_vacuum > INSERT_BASE + INSERT_SCALE * tuples
  ) {
    return 'vacuum';
  }
  return t.n_mod_since_analyze > ANALYZE_BASE + ANALYZE_SCALE * tuples ? 'analyze' : null;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Starts the stand-in on `url` when the server's autovacuum is off; a no-op loop otherwise.
 * `naptimeMs` overrides the server's autovacuum_naptime (tests).
 */
export async function startMaintenance(url: string, naptimeMs?: number): Promise<MaintenanceLoop> {
  const client = new Client({ connectionString: url });
  await client.connect();
  // The setting reads as text with a unit ('1min' by default): as an interval it is exact.
  const { rows } = await client.query<{ enabled: string; naptime_ms: number }>(
    `SELECT current_setting('autovacuum') AS enabled,
            extract(epoch FROM current_setting('autovacuum_naptime')::interval)::float8 * 1000 AS naptime_ms`,
  );
  const settings = rows[0];
  const napMs = naptimeMs ?? Math.max(1_000, settings?.naptime_ms ?? 60_000);
  if (settings?.enabled === 'on') {
    await client.end();
    return {
      kind: 'autovacuum',
      naptimeMs: napMs,
      runs: () => ({ vacuums: 0, analyzes: 0 }),
      settle: () => Promise.resolve(),
      stop: () => Promise.resolve(),
    };
  }
  // autovacuum_vacuum_cost_delay's default; the limit (200) is already vacuum_cost_limit's.
  await client.query("SET vacuum_cost_delay = '2ms'");
  let vacuums = 0;
  let analyzes = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const pass = async (): Promise<void> => {
    const stats = await client.query<TableStats>(
      `SELECT s.relname, c.reltuples::float8 AS reltuples, s.n_dead_tup::float8 AS n_dead_tup,
              s.n_ins_since_vacuum::float8 AS n_ins_since_vacuum,
              s.n_mod_since_analyze::float8 AS n_mod_since_analyze
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.schemaname = 'public'`,
    );
    for (const table of stats.rows) {
      if (stopped) return;
      const action = maintenanceFor(table);
      if (action === 'vacuum') {
        await client.query(`VACUUM (ANALYZE) ${quoteIdent(table.relname)}`);
        vacuums += 1;
        analyzes += 1;
      } else if (action === 'analyze') {
        await client.query(`ANALYZE ${quoteIdent(table.relname)}`);
        analyzes += 1;
      }
    }
  };
  const schedule = (): void => {
    timer = setTimeout(() => {
      current = pass()
        .catch((error: unknown) => {
          // The database may be dropped under a last pass; the benchmark goes on either way.
          if (!stopped) console.error(`autovacuum stand-in: ${String(error)}`);
        })
        .finally(() => {
          if (!stopped) schedule();
        });
    }, napMs);
    timer.unref();
  };
  schedule();
  return {
    kind: 'stand-in',
    naptimeMs: napMs,
    runs: () => ({ vacuums, analyzes }),
    settle: async () => {
      await current;
      current = pass();
      await current;
    },
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await current;
      await client.end().catch(() => undefined);
    },
  };
}

/** What analyzeSeeded needs of a connection (a TypeORM DataSource or a pg Client). */
interface Queryable {
  query(sql: string): Promise<unknown>;
}

/**
 * Statistics for what a seed wrote, and none for the tables it left empty: ANALYZE of every table
 * that holds data. A plain `ANALYZE` of the database also records each empty table as analyzed
 * with no rows, a state a live server never has: autovacuum analyzes a table only after 50
 * changes, so a table a workload fills is either never analyzed (the planner then assumes ten
 * pages) or analyzed with rows in it. A plan made against "analyzed, empty" scans the table in
 * full, and a prepared statement keeps that plan until the next ANALYZE while the run fills the
 * table: W2's vote statement counted the voter's recent votes by reading all of `vote`, 60–200 ms
 * per batch after 50 s, until the stand-in's first pass a minute in.
 */
export async function analyzeSeeded(db: Queryable): Promise<void> {
  await db.query(`DO $$
    DECLARE t regclass;
    BEGIN
      FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_relation_size(c.oid) > 0
      LOOP
        EXECUTE format('ANALYZE %s', t);
      END LOOP;
    END $$`);
}
