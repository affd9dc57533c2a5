import { DataSource } from 'typeorm';
import { StringFilter } from '../src/translation/dto/translation-enums';
import { SqlParams } from '../src/translation/sql-params';
import { stringListFrom, stringPageSql } from '../src/translation/string-list.sql';
import {
  SUGGESTION_THRESHOLD,
  SUGGESTIONS_SQL,
} from '../src/translation/translation-memory.service';
import { type PlanNode, nodesOf } from './support/query-plan';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

/**
 * Two reads match source texts by trigrams. Every string page asks for translation memory:
 * similar source texts of the same project with a decided winner; on an instance hosting many
 * projects it must read the project's own candidates, not every similar text of the instance (or,
 * as the planner mostly chose with a trigram index of the text alone, every source string with its
 * similarity computed). The string list's search (key or text, or a word of the text), which anyone
 * may send, must find its matches in indexes rather than read every string of the project.
 */
describe("trigram reads: translation memory and search use the project's trigram indexes", () => {
  let api: RunningApi;
  let ds: DataSource;

  /** App-like texts that repeat their words across strings, as real catalogues do. */
  const text = (g: string, slug: string): string => `trim(
    (ARRAY['Delete','Edit','Create','Show','Hide','Add','Remove','Save','Open','Close'])[1 + (${g} * 7 + length(${slug})) % 10]
    || ' ' || (ARRAY['budget','account','transaction','category','payee','rule','schedule','report','file','note'])[1 + (${g} / 10) % 10]
    || ' ' || (ARRAY['','settings','details','for this month','in all accounts','permanently','from the list','as a template'])[1 + (${g} / 100) % 8])`;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    await ds.query(
      `INSERT INTO "user" (email, display_name, password_hash) VALUES ('tm@example.test', 'TM', 'x')`,
    );
    // A small project among a big one: 800 strings beside 16,000.
    await ds.query(
      `INSERT INTO project (slug, name, source_locale) VALUES ('tm-small', 'Small', 'en'), ('tm-big', 'Big', 'en')`,
    );
    await ds.query(
      `INSERT INTO namespace (project_id, name) SELECT id, 'translation' FROM project`,
    );
    await ds.query(`INSERT INTO locale (project_id, code) SELECT id, 'de' FROM project`);
    await ds.query(
      `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
       SELECT p.id, n.id, 'k' || g, 'k' || g, 'plain', '[]'::jsonb, jsonb_build_object('other', t.txt), t.txt,
              md5(p.slug || g), g
         FROM project p JOIN namespace n ON n.project_id = p.id
        CROSS JOIN LATERAL generate_series(1, CASE p.slug WHEN 'tm-small' THEN 800 ELSE 16000 END) g
        CROSS JOIN LATERAL (SELECT ${text('g', 'p.slug')} AS txt) t`,
    );
    // Four strings in five decided in both projects, each winner marked with its project.
    await ds.query(
      `INSERT INTO translation_unit (project_id, string_id, locale_id)
       SELECT s.project_id, s.id, l.id FROM source_string s JOIN locale l ON l.project_id = s.project_id
        WHERE s.position % 5 <> 0`,
    );
    await ds.query(
      `INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key)
       SELECT u.id, (SELECT id FROM "user"), s.source_hash,
              jsonb_build_object('other', p.slug || ': ' || s.source_text), 'd' || u.id
         FROM translation_unit u JOIN source_string s ON s.id = u.string_id JOIN project p ON p.id = s.project_id`,
    );
    await ds.query(
      `UPDATE translation_unit u SET winner_translation_id = t.id, winner_source_hash = t.source_hash
         FROM translation t WHERE t.unit_id = u.id`,
    );
    await ds.query('VACUUM ANALYZE source_string');
    await ds.query('VACUUM ANALYZE translation_unit');
    await ds.query('VACUUM ANALYZE translation');
  });

  afterAll(() => api.close());

  /** The executed plan's nodes on source_string and its indexes. */
  async function stringScans(sql: string, params: unknown[]): Promise<PlanNode[]> {
    const [plan] = await ds.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
      params,
    );
    // A Bitmap Index Scan names only its index; the heap scan above it names the table.
    return [...nodesOf(plan!['QUERY PLAN'][0]!.Plan)].filter(
      (n) =>
        n['Relation Name'] === 'source_string' ||
        (n['Index Name'] ?? '').startsWith('IDX_source_string'),
    );
  }

  it('finds a string’s suggestions through the (project, text) index, never scanning other projects’ strings', async () => {
    const [target] = await ds.query<
      { id: string; source_text: string; project_id: string; locale_id: string }[]
    >(
      `SELECT s.id, s.source_text, s.project_id, l.id AS locale_id
         FROM source_string s JOIN project p ON p.id = s.project_id
         JOIN locale l ON l.project_id = p.id
        WHERE p.slug = 'tm-small' AND s.position = 123`,
    );
    const params = [
      target!.id,
      target!.source_text,
      target!.locale_id,
      target!.project_id,
      SUGGESTION_THRESHOLD,
    ];
    const rows = await ds.query<{ forms: { other: string }; similarity: number }[]>(
      SUGGESTIONS_SQL,
      params,
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.forms.other.startsWith('tm-small: '))).toBe(true);

    const onStrings = await stringScans(SUGGESTIONS_SQL, params);
    expect(onStrings.map((n) => n['Node Type'])).toContain('Bitmap Index Scan');
    expect(onStrings.map((n) => [n['Node Type'], n['Index Name'] ?? null])).toEqual(
      expect.arrayContaining([['Bitmap Index Scan', 'IDX_source_string_project_text_trgm']]),
    );
    expect(onStrings.filter((n) => n['Node Type'].includes('Seq Scan'))).toEqual([]);
  });

  it.each([
    ['a word no string has', 'zzqx', 0],
    ['a misspelt word (word similarity)', 'schedle', 80],
    ['part of a key', 'k12', 11],
  ])(
    'searches the list for %s through the key and text indexes, not every string of the project',
    async (_what, search, expected) => {
      const params = new SqlParams();
      const [project] = await ds.query<{ project_id: string; locale_id: string }[]>(
        `SELECT p.id AS project_id, l.id AS locale_id FROM project p
           JOIN locale l ON l.project_id = p.id WHERE p.slug = 'tm-big'`,
      );
      const from = stringListFrom(
        {
          projectId: project!.project_id,
          localeId: project!.locale_id,
          filter: StringFilter.ALL,
          viewerId: null,
          search,
        },
        params,
      );
      const count = `SELECT count(*)::int AS total ${from}`;
      // As StringListService: the page's own parameters after the list's.
      const pageParams = new SqlParams();
      pageParams.values.push(...params.values);
      const page = stringPageSql(from, null, 51, pageParams);
      const [counts] = await ds.query<{ total: number }[]>(count, params.values);
      expect(counts?.total).toBeGreaterThanOrEqual(expected);
      // The count has no LIMIT: every match is found through the indexes (a BitmapOr).
      const counted = await stringScans(count, params.values);
      expect(
        counted
          .filter((n) => n['Node Type'] === 'Bitmap Index Scan')
          .map((n) => n['Index Name'])
          .sort(),
      ).toEqual([
        'IDX_source_string_project_key_trgm',
        'IDX_source_string_project_text_trgm',
        // The word match (`<%`) is asked from four characters on.
        ...(search.length >= 4 ? ['IDX_source_string_project_text_trgm'] : []),
      ]);
      expect(counted.filter((n) => n['Node Type'] !== 'Bitmap Index Scan')).toEqual([
        expect.objectContaining({ 'Node Type': 'Bitmap Heap Scan' }),
      ]);
      // The page may walk the catalogue order instead when matches are many, but it never reads
      // the project's 16,000 strings to find its 51 (a search matching nothing read them all).
      const paged = await stringScans(page, [...pageParams.values]);
      const thrownAway = paged.reduce((sum, n) => sum + (n['Rows Removed by Filter'] ?? 0), 0);
      expect(thrownAway).toBeLessThan(4_000);
    },
  );
});
