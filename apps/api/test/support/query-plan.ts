import type { DataSource, QueryRunner } from 'typeorm';

/** A node of `EXPLAIN (FORMAT JSON)` output: the fields the plan tests read. */
export interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Rows Removed by Filter'?: number;
  readonly 'Heap Fetches'?: number;
  readonly Plans?: readonly PlanNode[];
}

/** Every node of a plan, the root first. */
export function* nodesOf(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodesOf(child);
}

/**
 * An untyped SQL literal of a statement parameter (the prepared statement gives it its type).
 * Arrays are written `{a,b}`: enough for ids, not for elements holding commas or quotes.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? `{${value.map(String).join(',')}}`
        : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The generic plan of `sql` with `values`, as a prepared statement keeps it on the API's own
 * pools (GenericPlanPool, VotePool: the planner never sees the values), in a transaction that is
 * rolled back. With `analyze` the statement runs (EXPLAIN ANALYZE: a write leaves nothing), and
 * `inside` then sees what it wrote, in the same transaction.
 */
export async function genericPlan(
  ds: DataSource,
  sql: string,
  values: readonly unknown[],
  options: { analyze?: boolean; inside?: (runner: QueryRunner) => Promise<void> } = {},
): Promise<PlanNode> {
  const runner = ds.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query('SET LOCAL plan_cache_mode = force_generic_plan');
    await runner.query(`PREPARE generic_plan AS ${sql}`);
    // EXPLAIN passes no bind parameters on: EXECUTE takes its arguments as SQL.
    const args = values.length === 0 ? '' : `(${values.map(sqlLiteral).join(', ')})`;
    const rows: { 'QUERY PLAN': { Plan: PlanNode }[] }[] = await runner.query(
      `EXPLAIN (${options.analyze === true ? 'ANALYZE, ' : ''}FORMAT JSON) EXECUTE generic_plan${args}`,
    );
    const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (plan === undefined) throw new Error('no plan');
    await options.inside?.(runner);
    return plan;
  } finally {
    await runner.rollbackTransaction();
    // A prepared statement outlives the transaction, and the pooled connection is reused.
    await runner.query('DEALLOCATE ALL');
    await runner.release();
  }
}
