import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Runs `text` as a named prepared statement, so Postgres parses and plans it once per connection
 * instead of on every call: the hot paths (a vote, a close batch, a nextString claim, a session
 * lookup) run a handful of multi-join statements whose planning costs as much as their execution.
 * The name is derived from the text, so each distinct text is its own statement; values stay
 * parameters. On a DataSource it borrows a pooled connection; on a transaction's EntityManager it
 * uses the transaction's connection.
 */
export async function preparedQuery<T>(
  target: DataSource | EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const inTransaction = 'queryRunner' in target ? target.queryRunner : undefined;
  if (inTransaction !== undefined) return run<T>(inTransaction, text, values);
  const runner = ('createQueryRunner' in target ? target : target.connection).createQueryRunner();
  try {
    return await run<T>(runner, text, values);
  } finally {
    await runner.release();
  }
}

async function run<T>(runner: QueryRunner, text: string, values: readonly unknown[]): Promise<T[]> {
  // TypeORM's postgres driver hands out node-postgres pool clients.
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query<QueryResultRow>({
    name: statementName(text),
    text,
    values: [...values],
  });
  // The caller names the row shape, as with TypeORM's query<T>.
  return result.rows as T[];
}

const names = new Map<string, string>();

/** The prepared statement's name for `text`: derived from the text, the same on every connection. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `chorus_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}
