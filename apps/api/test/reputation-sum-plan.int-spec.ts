import { DataSource } from 'typeorm';
import { type PlanNode, nodesOf } from './support/query-plan';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

/**
 * Every vote reads the voter's reputation in its locale as the sum of their ledger rows (the vote
 * statement, voterProfile and the community read all ask `user_id, locale, kind = 'voter'` for
 * sum(agree), sum(disagree)). That sum must not visit the table: a voter's rows lie scattered
 * among everyone else's, one heap page each.
 */
describe("a voter's reputation sum reads the ledger index only", () => {
  let api: RunningApi;
  let ds: DataSource;
  const voter = '00000000-0000-4000-8000-000000000007';

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    // 50 voters' rows interleaved, as closes write them: 200 rows each.
    await ds.query(
      `INSERT INTO reputation_ledger (round_id, user_id, kind, project_id, locale, agree)
       SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad((i % 50)::text, 12, '0'))::uuid,
              'voter', gen_random_uuid(), 'pl', 1
         FROM generate_series(1, 10000) AS i`,
    );
    await ds.query('VACUUM ANALYZE reputation_ledger');
  });

  afterAll(() => api.close());

  it('sums a voter with 200 evaluated votes from the covering index, fetching no row', async () => {
    const [row] = await ds.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON)
       SELECT sum(l.agree) AS agree, sum(l.disagree) AS disagree FROM reputation_ledger l
        WHERE l.user_id = $1 AND l.locale = $2 AND l.kind = 'voter'`,
      [voter, 'pl'],
    );
    const scans = [...nodesOf(row!['QUERY PLAN'][0]!.Plan)].filter((n) =>
      n['Node Type'].includes('Scan'),
    );
    expect(scans.map((n) => [n['Node Type'], n['Index Name'], n['Heap Fetches']])).toEqual([
      ['Index Only Scan', 'IDX_reputation_ledger_voter_sum', 0],
    ]);
  });
});
