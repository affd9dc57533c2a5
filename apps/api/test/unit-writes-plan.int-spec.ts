import { DataSource } from 'typeorm';
import { seedLocales, seedProject } from '../bench/support/seed';
import { WRITES, keysOf } from '../src/voting/unit-state.write-statements';
import { genericPlan, nodesOf } from './support/query-plan';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

/**
 * The set-based writes of a unit transition (a submit's one unit, a close's batch) join their
 * JSON rows to the table they update. The planner takes a recordset for 100 rows, so against a
 * table of a few thousand rows the join alone made a hash join over a sequential scan of the whole
 * table, on every submit. With the keys as `= ANY($2)` the rows are found by primary key, whatever
 * the table's size and whichever plan the statement's connection keeps.
 */
describe('the unit writes find their rows by key, not by scanning the table', () => {
  let api: RunningApi;
  let ds: DataSource;
  let unitId: string;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    const project = await seedProject(ds, 'plans', {});
    const locales = await seedLocales(ds, project.id, ['en', 'pl']);
    const units = await ds.query<{ id: string }[]>(
      `WITH ns AS (INSERT INTO namespace (project_id, name) VALUES ($1, 'app') RETURNING id),
       s AS (
         INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms,
                                    source_text, source_hash, position)
         SELECT $1, ns.id, 's:k' || i, 'k' || i, 'simple', jsonb_build_array('k' || i),
                jsonb_build_object('', 'text ' || i), 'text ' || i, md5('text ' || i), i
           FROM ns, generate_series(1, 4000) AS i
         RETURNING id)
       INSERT INTO translation_unit (project_id, string_id, locale_id)
       SELECT $1, s.id, $2 FROM s RETURNING id`,
      [project.id, locales['pl']],
    );
    unitId = units[0]!.id;
    await ds.query('VACUUM ANALYZE translation_unit');
  });

  afterAll(() => api.close());

  it("updates a submit's one unit of 4,000 by primary key, as a prepared statement's generic plan", async () => {
    const write = WRITES.find((w) => w.rows === 'units');
    expect(write?.key).toBe('id');
    const rows = [
      {
        id: unitId,
        current_round_id: null,
        locked: true,
        winner_translation_id: null,
        winner_round_id: null,
        winner_source_hash: null,
        decided_at: null,
      },
    ];
    // The scans of translation_unit in the generic plan of `sql`, run on these rows (rolled back).
    const unitScans = async (sql: string, values: readonly unknown[]): Promise<string[]> => {
      const plan = await genericPlan(ds, sql, values, {
        analyze: true,
        inside: async (runner) => {
          const units: { locked: boolean }[] = await runner.query(
            'SELECT locked FROM translation_unit WHERE id = $1',
            [unitId],
          );
          expect(units).toEqual([{ locked: true }]);
        },
      });
      return [...nodesOf(plan)]
        .filter((n) => n['Relation Name'] === 'translation_unit' && n['Node Type'].includes('Scan'))
        .map((n) => n['Node Type']);
    };
    const json = JSON.stringify(rows);
    const scans = await unitScans(write!.sql, [json, keysOf(write!, rows)]);
    expect(scans.length).toBeGreaterThan(0);
    expect(scans).not.toContain('Seq Scan');
    // Without the keys, the same join read the whole table.
    const joinOnly = write!.sql.replace(' AND tu.id = ANY($2::uuid[])', '');
    expect(joinOnly).not.toBe(write!.sql);
    expect(await unitScans(joinOnly, [json])).toEqual(['Seq Scan']);
  });

  it('passes every keyed write its keys in order', () => {
    const keyed = WRITES.filter((w) => w.key !== undefined).map((w) => w.rows);
    expect(keyed.sort()).toEqual(['deletedVotes', 'roundUpdates', 'statuses', 'units']);
    for (const write of WRITES) expect(write.sql.includes('$2')).toBe(write.key !== undefined);
    expect(
      keysOf({ rows: 'deletedVotes', sql: '', key: 'translation_id' }, [
        { translation_id: 'a', voter_id: 'x' },
        { translation_id: 'b', voter_id: 'y' },
      ]),
    ).toEqual(['a', 'b']);
  });
});
