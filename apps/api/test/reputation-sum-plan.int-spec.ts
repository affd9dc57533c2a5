import { DataSource } from 'typeorm';
import { ReputationFolder } from '../src/voting/reputation-folder';
import { voterReputationSql } from '../src/voting/voter-reputation.sql';
import { type PlanNode, nodesOf } from './support/query-plan';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

/**
 * Every vote reads the voter's reputation in its locale (voterReputationSql, shared by the vote
 * statement, voterProfile and the community read): their folded total, one row by primary key,
 * plus the sum of their ledger rows not folded yet. That sum must not visit the table: a voter's
 * rows lie scattered among everyone else's, one heap page each.
 */
describe("a voter's reputation reads one total and the ledger index only", () => {
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
    // Folded, then 20 more rows each, as closes go on writing them.
    await new ReputationFolder(ds).fold(64);
    await ds.query(
      `INSERT INTO reputation_ledger (round_id, user_id, kind, project_id, locale, disagree)
       SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad((i % 50)::text, 12, '0'))::uuid,
              'voter', gen_random_uuid(), 'pl', 1
         FROM generate_series(1, 1000) AS i`,
    );
    await ds.query('VACUUM ANALYZE reputation_ledger');
    await ds.query('VACUUM ANALYZE voter_reputation_total');
  });

  afterAll(() => api.close());

  it('reads a voter with 220 evaluated votes from their total and the covering index, fetching no ledger row', async () => {
    const read = voterReputationSql('$1::uuid', '$2::text');
    expect(await ds.query(read, [voter, 'pl'])).toEqual([{ agree: 200, disagree: 20 }]);
    const [row] = await ds.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${read}`,
      [voter, 'pl'],
    );
    const scans = [...nodesOf(row!['QUERY PLAN'][0]!.Plan)].filter((n) =>
      n['Node Type'].includes('Scan'),
    );
    // The total is one row by key (a seq scan while the table has a page or two).
    expect(scans.map((n) => n['Relation Name']).sort()).toEqual([
      'reputation_ledger',
      'voter_reputation_total',
    ]);
    const ledger = scans.filter((n) => n['Relation Name'] === 'reputation_ledger');
    expect(ledger.map((n) => [n['Node Type'], n['Index Name'], n['Heap Fetches']])).toEqual([
      ['Index Only Scan', 'IDX_reputation_ledger_voter_sum', 0],
    ]);
  });
});
