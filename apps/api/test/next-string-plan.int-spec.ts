import { DataSource } from 'typeorm';
import { StringFilter } from '../src/translation/dto/translation-enums';
import { claimStatement } from '../src/translation/string-claim.sql';
import { seedCollectingRounds } from './support/bulk-rounds';
import { FAST_VOTING } from './support/catalogue-fixture';
import { seedProject, seedUser } from './support/seed';
import { type PlanNode, genericPlan, nodesOf } from './support/query-plan';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

/**
 * nextString's claim as the API runs it, with a generic plan (GenericPlanPool forces them): the
 * planner cannot see the values, so a lookup it may plan as a scan of the whole catalogue costs
 * what the catalogue's size costs on every claim.
 */
describe('nextString: the claim plan reads by key, not by scanning', () => {
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
    const project = await seedProject(ds, { slug: 'long', locales: ['de', 'fr'] });
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
    return genericPlan(ds, text, values, { analyze: true });
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

  it("probes the lease of each string it walks instead of reading every volunteer's leases", async () => {
    // A crowd: 300 volunteers on another locale's strings, 20 on this locale's further on.
    const crowd: string[] = [];
    for (let i = 0; i < 320; i += 1) crowd.push(await seedUser(ds, `crowd${i}`));
    await ds.query(
      `INSERT INTO string_lease (string_id, locale_id, user_id, expires_at)
       SELECT s.id, l.id, ($2::uuid[])[s.position - 999 + CASE l.code WHEN 'fr' THEN 20 ELSE 0 END],
              now() + interval '1 hour'
         FROM source_string s JOIN locale l ON l.project_id = s.project_id
        WHERE s.project_id = (SELECT id FROM project WHERE slug = $1)
          AND s.position BETWEEN 1000 AND CASE l.code WHEN 'fr' THEN 1299 ELSE 1019 END`,
      ['long', crowd],
    );
    await ds.query('ANALYZE string_lease');
    const plan = await claimPlan([nearStart]);
    const leaseScans = [...nodesOf(plan)].filter((n) => n['Relation Name'] === 'string_lease');
    // Joined as a set, the generic plan read the whole table (and its dead versions) per claim.
    expect(leaseScans.length).toBeGreaterThan(0);
    expect(leaseScans.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
  });
});
