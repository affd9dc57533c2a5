import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs `text` as a named prepared statement on a pooled connection, so Postgres parses and plans
 * it once per connection instead of on every call: the queue's claim statement takes longer to
 * plan than to run. The name is derived from the text, so each distinct text (one per filter) is
 * its own statement; values stay parameters.
 */
export async function preparedQuery<T extends QueryResultRow>(
  dataSource: DataSource,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    // TypeORM's postgres driver hands out node-postgres pool clients.
    const client = (await runner.connect()) as PoolClient;
    const result = await client.query<T>({ name: statementName(text), text, values: [...values] });
    return result.rows;
  } finally {
    await runner.release();
  }
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `chorus_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}
