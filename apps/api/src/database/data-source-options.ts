import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * Settings of every Chorus session. JIT compilation off: Postgres compiles a statement whose
 * estimated cost passes jit_above_cost on every execution (the code is never cached), and the
 * catalogue-order walks are estimated as if they read every string (they stop at the first
 * page): a 1.4 ms list page took 30 ms of compiling on top. Chorus's statements are short
 * transactions, not the long scans JIT pays off on.
 */
export const SESSION_OPTIONS = '-c jit=off';

/** TypeORM options shared by the app, the CLI data source and the tests. Never `synchronize`. */
export function dataSourceOptions(
  databaseUrl: string,
  applicationName = 'chorus',
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into Postgres 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: { max: 10, options: SESSION_OPTIONS },
  };
}
