import { Pool, type QueryResultRow } from 'pg';
import { statementName } from './prepared-query';
import { SESSION_OPTIONS } from './data-source-options';

/** A dedicated pool: its size, its name in pg_stat_activity, and its sessions' planner settings. */
export interface PlannedPoolOptions {
  readonly applicationName: string;
  readonly size: number;
  /** Planner settings every session of the pool starts with (`-c name=value` startup options). */
  readonly settings: Readonly<Record<string, string>>;
}

/**
 * A small pool apart from the main one, for hot statements that need their own planner settings
 * (GenericPlanPool, VotePool). The settings travel as startup options, so they hold on every
 * connection without a round trip; each statement is prepared once per connection. Connections open
 * on first use. Through a pooler, only a session-mode one passes startup options on
 * (docs/scaling.md).
 */
export class PlannedPool {
  private readonly pool: Pool;

  constructor(databaseUrl: string, options: PlannedPoolOptions) {
    const settings = Object.entries(options.settings).map(([name, value]) => `-c ${name}=${value}`);
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: options.size,
      application_name: options.applicationName,
      options: [SESSION_OPTIONS, ...settings].join(' '),
    });
    // An idle connection that drops (a Postgres restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** Runs `text` as a named prepared statement on one of this pool's connections. */
  async query<T>(text: string, values: readonly unknown[]): Promise<T[]> {
    const result = await this.pool.query<QueryResultRow>({
      name: statementName(text),
      text,
      values: [...values],
    });
    return result.rows as T[];
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}
