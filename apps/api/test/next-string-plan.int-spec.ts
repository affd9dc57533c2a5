import { DataSource } from 'typeorm';
import { StringFilter } from '../src/translation/dto/translation-enums';
import { claimStatement } from '../src/translation/string-claim.sql';
import { seedCollectingRounds } from './support/bulk-rounds';
import { FAST_VOTING } from './support/catalogue-fixture';
import { seedProject, seedUser } from './support/seed';
import { type PlanNode, nodesOf } from './support/query-plan';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

/** An untyped SQL literal of a claim parameter (the prepared statement gives it its type). */
function literal(value: unknown): string {
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
 * nextString's claim as the API runs it, with a generic plan (GenericPlanPool forces them): the
 * planner cannot see the values, so a lookup it may plan as a scan of the whole catalogue costs
 * what the catalogue's size costs on every claim.
 */
describe('nextString: the claim plan does not read the catalogue to find the resume point', () => {
  // Big enough that the planner walks an index rather than the table when it scans.
  const SIZE = 5_000;
  let api: RunningApi;
  let ds: DataSource;
  let userId: string;
  let nearStart: string;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    const project = await seedProject(ds, { slug: 'long', locales: ['de'] });
    // Every string under vote (a candidate by someone else, no votes): the voter's queue.
    const inADay = new Date(Date.now() + 86_400_000);
    await seedCollectingRounds(ds, {
      projectId: project.id,
      localeId: project.locales['de']!,
      authorId: await seedUser(ds, 'author'),
      voterIds: [],
      count: SIZE,
      voting: FAST_VOTING,
      deadlineAt: () => inADay,
    });
    await ds.query('ANALYZE');
    userId = await seedUser(ds, 'skipper');
    const [row] = await ds.query<{ id: string }[]>(
      'SELECT id FROM source_string WHERE project_id = $1 AND position = 3',
      [project.id],
    );
    nearStart = row!.id;
  });

  afterAll(() => api.close());

  /** The executed generic plan of a walk-only claim (rolled back: it leases a string). */
  async function claimPlan(skip: readonly string[]): Promise<PlanNode> {
    const now = new Date();
    const { text, values } = claimStatement({
      projectSlug: 'long',
      localeCode: 'de',
      userId,
      filter: StringFilter.NEEDS_VOTES,
      skip,
      now,
      expiresAt: new Date(now.getTime() + 600_000),
      walkOnly: true,
    });
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('SET LOCAL plan_cache_mode = force_generic_plan');
      await runner.query(`PREPARE claim_plan AS ${text}`);
      // EXECUTE takes its arguments as SQL (EXPLAIN passes no bind parameters on).
      const args = values.map(literal).join(', ');
      const explain = `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE claim_plan(${args})`;
      const [row] = (await runner.query(explain)) as {
        'QUERY PLAN': { Plan: PlanNode }[];
      }[];
      const plan = row?.['QUERY PLAN'][0]?.Plan;
      if (plan === undefined) throw new Error('no plan');
      return plan;
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('finds a skipped string near the start by key, not by scanning the strings after it', async () => {
    const plan = await claimPlan([nearStart]);
    const scans = [...nodesOf(plan)].filter((n) => n['Relation Name'] === 'source_string');
    // Ordered by the (project, position, id) index, the generic plan scanned it backwards for
    // the skipped id: 4,996 rows read and thrown away on every claim.
    const wasted = scans.map((n) => n['Rows Removed by Filter'] ?? 0);
    expect(scans.length).toBeGreaterThan(0);
    expect(Math.max(...wasted)).toBeLessThan(50);
  });
});
