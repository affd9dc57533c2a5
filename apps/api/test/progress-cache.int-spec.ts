import { DataSource } from 'typeorm';
import { LocaleCountsService } from '../src/translation/locale-counts.service';
import { LEADERBOARD_SQL } from '../src/translation/leaderboard.sql';
import { ProgressService } from '../src/translation/progress.service';
import { TestClient, signedInClient } from './support/graphql-client';
import { seedCandidate, seedProject, seedString, seedUnit, seedUser } from './support/seed';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const STATS = 'query($p: String!) { localeStats(project: $p) { locale total voting } }';
const BOARD = `query($p: String!, $l: String!) {
  leaderboard(project: $p, locale: $l) { user { displayName } candidates } }`;

interface Stats {
  localeStats: { locale: string; total: number; voting: number }[];
}
interface Board {
  leaderboard: { user: { displayName: string }; candidates: number }[];
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

/** Every node of an EXPLAIN (FORMAT JSON) plan, depth first. */
function planNodes(node: PlanNode | undefined): PlanNode[] {
  return node === undefined ? [] : [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** The computations behind the reads, counted (private methods of the running services). */
type Boards = Record<'computeLeaderboard', () => Promise<unknown>>;
type Counts = Record<'compute', (projectId: string) => Promise<unknown>>;

/**
 * localeStats and leaderboard walk a whole project or locale; each API process reuses a result for
 * STATS_CACHE_MS (here an hour, so no step of this test can outlive it), shares one computation
 * among concurrent callers, and still checks every caller's access first.
 */
describe('dashboard aggregates: reused per process (STATS_CACHE_MS)', () => {
  let api: RunningApi;
  let ds: DataSource;
  let anonymous: TestClient;

  beforeAll(async () => {
    api = await startApi(testConfig({ STATS_CACHE_MS: String(3_600_000) }));
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    anonymous = new TestClient(api.baseUrl);
  });

  afterAll(() => api.close());

  afterEach(() => jest.restoreAllMocks());

  it('serves a computed result again until it expires, per project and locale', async () => {
    const project = await seedProject(ds, { slug: 'cached', locales: ['de', 'fr'] });
    const greeting = await seedString(ds, project, { key: 'greeting', position: 0 });
    const author = await seedUser(ds, 'Ada');
    const unit = await seedUnit(ds, project, greeting.id, 'de');
    await seedCandidate(ds, {
      unitId: unit,
      authorId: author,
      sourceHash: greeting.sourceHash,
      forms: { '': 'Hallo' },
    });
    const stats = await anonymous.ok<Stats>(STATS, { p: 'cached' });
    expect(stats.localeStats).toEqual([
      { locale: 'de', total: 1, voting: 1 },
      { locale: 'fr', total: 1, voting: 0 },
    ]);
    const board = await anonymous.ok<Board>(BOARD, { p: 'cached', l: 'de' });
    expect(board.leaderboard).toEqual([{ user: { displayName: 'Ada' }, candidates: 1 }]);

    // New work lands; within the TTL both reads answer what they computed before.
    await seedString(ds, project, { key: 'farewell', position: 1 });
    const fr = await seedUnit(ds, project, greeting.id, 'fr');
    await seedCandidate(ds, {
      unitId: fr,
      authorId: author,
      sourceHash: greeting.sourceHash,
      forms: { '': 'Bonjour' },
    });
    expect(await anonymous.ok<Stats>(STATS, { p: 'cached' })).toEqual(stats);
    expect(await anonymous.ok<Board>(BOARD, { p: 'cached', l: 'de' })).toEqual(board);
    // Another locale's board is its own entry, computed now.
    expect((await anonymous.ok<Board>(BOARD, { p: 'cached', l: 'fr' })).leaderboard).toEqual([
      { user: { displayName: 'Ada' }, candidates: 1 },
    ]);

    // Once the TTL has passed (the clock the service reads, moved), they are computed again.
    const later = Date.now() + 3_600_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    expect((await anonymous.ok<Stats>(STATS, { p: 'cached' })).localeStats).toEqual([
      { locale: 'de', total: 2, voting: 1 },
      { locale: 'fr', total: 2, voting: 1 },
    ]);
  });

  it('checks access on every call: a cached private board is never served to an outsider', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    const secret = await seedProject(ds, {
      slug: 'secret-board',
      visibility: 'private',
      ownerId: owner.id,
    });
    await seedString(ds, secret, { key: 'k', position: 0 });
    expect((await owner.client.ok<Stats>(STATS, { p: 'secret-board' })).localeStats).toEqual([
      { locale: 'de', total: 1, voting: 0 },
    ]);
    await owner.client.ok<Board>(BOARD, { p: 'secret-board', l: 'de' });
    const outsider = await signedInClient(api.baseUrl, 'outsider');
    for (const client of [anonymous, outsider.client]) {
      expect(await client.errorCode(STATS, { p: 'secret-board' })).toBe('PROJECT_NOT_FOUND');
      expect(await client.errorCode(BOARD, { p: 'secret-board', l: 'de' })).toBe(
        'PROJECT_NOT_FOUND',
      );
    }
  });

  it('computes once for a crowd asking at the same moment', async () => {
    const project = await seedProject(ds, { slug: 'crowded', locales: ['de'] });
    await seedString(ds, project, { key: 'k', position: 0 });
    const stats = jest.spyOn(api.app.get(LocaleCountsService) as unknown as Counts, 'compute');
    const boards = jest.spyOn(
      api.app.get(ProgressService) as unknown as Boards,
      'computeLeaderboard',
    );
    const crowd = Array.from({ length: 20 }, () => new TestClient(api.baseUrl));
    const answers = await Promise.all(
      crowd.flatMap((client) => [
        client.ok<Stats>(STATS, { p: 'crowded' }),
        client.ok<Board>(BOARD, { p: 'crowded', l: 'de' }),
      ]),
    );
    expect(answers).toHaveLength(40);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(2);
    expect(stats).toHaveBeenCalledTimes(1);
    expect(boards).toHaveBeenCalledTimes(1);
  });

  it("shares a project's counts between the dashboard, its goals and the directory", async () => {
    const project = await seedProject(ds, { slug: 'shared-counts', locales: ['de'] });
    await seedString(ds, project, { key: 'k', position: 0 });
    await ds.query('UPDATE project SET open = true WHERE id = $1', [project.id]);
    await ds.query(
      `INSERT INTO locale_goal (project_id, locale, target_percent, due_date)
       VALUES ($1, 'de', 50, current_date + 30)`,
      [project.id],
    );
    const compute = jest.spyOn(api.app.get(LocaleCountsService) as unknown as Counts, 'compute');
    const volunteer = await signedInClient(api.baseUrl, 'helper');
    const directory = await volunteer.client.ok<{
      projectsThatNeedYou: {
        items: { project: { slug: string }; locales: { untranslated: number }[] }[];
      };
    }>(
      'query { projectsThatNeedYou(languages: ["de"]) { items { project { slug } locales { untranslated } } } }',
    );
    expect(directory.projectsThatNeedYou.items).toContainEqual({
      project: { slug: 'shared-counts' },
      locales: [{ untranslated: 1 }],
    });
    const goals = await anonymous.ok<{ project: { goals: { coverage: number }[] } }>(
      'query { project(slug: "shared-counts") { goals { coverage } } }',
    );
    expect(goals.project.goals).toEqual([{ coverage: 0 }]);
    expect((await anonymous.ok<Stats>(STATS, { p: 'shared-counts' })).localeStats).toEqual([
      { locale: 'de', total: 1, voting: 0 },
    ]);
    expect(compute.mock.calls.filter(([id]) => id === project.id)).toHaveLength(1);
  });

  it("reuses a list's totalCount per locale, filter and search, never a viewer's MINE for another", async () => {
    const TOTAL = `query($p: String!, $f: StringFilter!, $s: String) {
      strings(project: $p, locale: "de", filter: $f, search: $s, first: 5) { totalCount edges { node { key } } } }`;
    type Page = { strings: { totalCount: number; edges: { node: { key: string } }[] } };
    const project = await seedProject(ds, { slug: 'totals', locales: ['de'] });
    const greeting = await seedString(ds, project, { key: 'greeting', position: 0 });
    await seedString(ds, project, { key: 'farewell', position: 1 });
    const ada = await signedInClient(api.baseUrl, 'ada-totals');
    const bob = await signedInClient(api.baseUrl, 'bob-totals');
    await seedCandidate(ds, {
      unitId: await seedUnit(ds, project, greeting.id, 'de'),
      authorId: ada.id,
      sourceHash: greeting.sourceHash,
      forms: { '': 'Hallo' },
    });
    const total = async (client: TestClient, f: string, search: string | null = null) =>
      (await client.ok<Page>(TOTAL, { p: 'totals', f, s: search })).strings;
    expect((await total(anonymous, 'ALL')).totalCount).toBe(2);
    expect((await total(anonymous, 'ALL', 'greet')).totalCount).toBe(1);
    expect((await total(ada.client, 'MINE')).totalCount).toBe(1);

    // A string lands: the page shows it at once, the totals within STATS_CACHE_MS still count 2.
    await seedString(ds, project, { key: 'greeting.again', position: 2 });
    const all = await total(anonymous, 'ALL');
    expect([all.totalCount, all.edges.length]).toEqual([2, 3]);
    expect((await total(anonymous, 'ALL', 'greet')).totalCount).toBe(1);
    // Each filter and search is its own entry, counted now; each viewer's MINE their own.
    expect((await total(anonymous, 'UNTRANSLATED')).totalCount).toBe(2);
    expect((await total(anonymous, 'ALL', 'again')).totalCount).toBe(1);
    expect((await total(bob.client, 'MINE')).totalCount).toBe(0);
    expect((await total(ada.client, 'MINE')).totalCount).toBe(1);

    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 3_600_000);
    expect((await total(anonymous, 'ALL')).totalCount).toBe(3);
    expect((await total(anonymous, 'ALL', 'greet')).totalCount).toBe(2);
  });

  it("reads a board's ledger sums from the project's own rows, never the whole ledger", async () => {
    // Without an index on (project, locale) the sum scanned every project's history (a
    // 4k-row project's board cost 174 ms on a 1.2M-row ledger). With sequential scans priced
    // out, the planner reads the ledger through an index only if one matches the board's filter.
    const project = await seedProject(ds, { slug: 'board-plan', locales: ['de'] });
    const localeId = project.locales['de'];
    const plan = await ds.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows = await manager.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
        `EXPLAIN (FORMAT JSON) ${LEADERBOARD_SQL}`,
        [project.id, 'de', localeId],
      );
      return rows[0]?.['QUERY PLAN'][0]?.Plan;
    });
    const nodes = planNodes(plan);
    // The ledger is read once, and not by a sequential scan…
    const ledgerReads = nodes.filter((n) => n['Relation Name'] === 'reputation_ledger');
    expect(ledgerReads.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(ledgerReads).toHaveLength(1);
    // …but through the (project, locale) index (an index or bitmap scan, as the stats say).
    expect(nodes.map((n) => n['Index Name'])).toContain('IDX_reputation_ledger_project_locale');
  });
});
