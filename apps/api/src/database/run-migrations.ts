import type { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Any fixed 64-bit key: every Chorus process takes the same lock, so migrations never race. */
const MIGRATION_LOCK_KEY = 727_451_001;

/**
 * Runs pending migrations while holding a Postgres advisory lock. A second instance starting at
 * the same time waits for the lock, then finds nothing left to run.
 */
export async function runMigrations(
  databaseUrl: string,
  logger: Pick<Logger, 'log'>,
): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 'chorus-migrations'));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      const names = applied.map((m) => m.name);
      logger.log(
        names.length === 0
          ? 'Database schema is up to date'
          : `Applied migrations: ${names.join(', ')}`,
      );
      return names;
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
