import { DataSource } from 'typeorm';
import { gqlUpload } from './support/catalogue-http';
import { seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { TestClient, signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const IMPORT =
  'mutation($p: String!, $f: GlossaryFormat!, $file: Upload!) { importGlossary(project: $p, format: $f, file: $file) { created updated translations skippedLocales } }';
const EXPORT =
  'query($p: String!, $f: GlossaryFormat!) { glossaryExport(project: $p, format: $f) }';
const TERMS = `query($p: String!, $l: String) { glossaryTerms(project: $p, locale: $l) {
  term description partOfSpeech caseSensitive doNotTranslate translation } }`;
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!, $l: String) {
  addMember(project: $p, email: $e, role: $r, locale: $l) { id } }`;

/** Written by hand for this test: TBX v3 (TBX-Basic, DCA style) as a terminology tool would send it. */
const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Team terminology</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="ws">
        <descrip type="definition">Where a team keeps its projects &amp; files</descrip>
        <langSec xml:lang="en">
          <termSec><term>workspace</term><termNote type="partOfSpeech">noun</termNote></termSec>
        </langSec>
        <langSec xml:lang="pl"><termSec><term>przestrzeń robocza</term></termSec></langSec>
        <langSec xml:lang="de"><termSec><term>Arbeitsbereich</term></termSec></langSec>
        <langSec xml:lang="ja"><termSec><term>ワークスペース</term></termSec></langSec>
      </conceptEntry>
      <conceptEntry id="brand">
        <langSec xml:lang="en">
          <termSec>
            <term>Chorus</term>
            <termNote type="partOfSpeech">properNoun</termNote>
            <termNote type="x-caseSensitive">true</termNote>
            <termNote type="x-doNotTranslate">true</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
`;

interface ImportResult {
  importGlossary: {
    created: number;
    updated: number;
    translations: number;
    skippedLocales: string[];
  };
}

/** Issue 19: a TBX file written for the test round-trips through import and export; CSV too. */
describe('glossary import and export', () => {
  let api: RunningApi;
  let owner: TestClient;
  let ownerCookie: string | null;
  let seed: SeededCatalogue;

  const upload = (text: string, format: 'CSV' | 'TBX', cookie: string | null, p = seed.slug) =>
    gqlUpload(
      api.baseUrl,
      IMPORT,
      { p, f: format },
      { name: `g.${format.toLowerCase()}`, text },
      { cookie },
    );

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    ownerCookie = owner.rawCookie;
    seed = await seedCatalogue(api.app, owner, { locales: ['pl', 'de'], source: { a: 'A' } });
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  it('imports the TBX file: terms, flags and the translations of project locales', async () => {
    const res = await upload(TBX, 'TBX', ownerCookie);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as unknown as ImportResult).importGlossary).toEqual({
      created: 2,
      updated: 0,
      translations: 2,
      skippedLocales: ['ja'],
    });
    const pl = await owner.ok<{ glossaryTerms: Record<string, unknown>[] }>(TERMS, {
      p: seed.slug,
      l: 'pl',
    });
    expect(pl.glossaryTerms).toEqual([
      {
        term: 'Chorus',
        description: '',
        partOfSpeech: 'properNoun',
        caseSensitive: true,
        doNotTranslate: true,
        translation: null,
      },
      {
        term: 'workspace',
        description: 'Where a team keeps its projects & files',
        partOfSpeech: 'noun',
        caseSensitive: false,
        doNotTranslate: false,
        translation: 'przestrzeń robocza',
      },
    ]);
  });

  it('exports what it imported (TBX and CSV), and re-importing the export changes nothing', async () => {
    const tbx = (await owner.ok<{ glossaryExport: string }>(EXPORT, { p: seed.slug, f: 'TBX' }))
      .glossaryExport;
    for (const part of [
      '<term>workspace</term>',
      '<termNote type="partOfSpeech">noun</termNote>',
      '<langSec xml:lang="pl">',
      '<term>Arbeitsbereich</term>',
      '<termNote type="x-doNotTranslate">true</termNote>',
      'projects &amp; files',
    ])
      expect(tbx).toContain(part);
    const again = await upload(tbx, 'TBX', ownerCookie);
    expect((again.body.data as unknown as ImportResult).importGlossary).toEqual({
      created: 0,
      updated: 2,
      translations: 0,
      skippedLocales: [],
    });
    const secondExport = await owner.ok<{ glossaryExport: string }>(EXPORT, {
      p: seed.slug,
      f: 'TBX',
    });
    expect(secondExport.glossaryExport).toBe(tbx);

    const csv = (await owner.ok<{ glossaryExport: string }>(EXPORT, { p: seed.slug, f: 'CSV' }))
      .glossaryExport;
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      'term,description,partOfSpeech,caseSensitive,doNotTranslate,de,pl',
      'Chorus,,properNoun,true,true,,',
      'workspace,Where a team keeps its projects & files,noun,false,false,Arbeitsbereich,przestrzeń robocza',
    ]);
    const fromCsv = await upload(csv, 'CSV', ownerCookie);
    expect((fromCsv.body.data as unknown as ImportResult).importGlossary.translations).toBe(0);
  });

  it('refuses malformed files, DTDs, and callers who may not manage the glossary', async () => {
    const broken = await upload('<tbx><text></tbx>', 'TBX', ownerCookie);
    expect(broken.body.errors?.[0]?.extensions?.code).toBe('INVALID_GLOSSARY_FILE');
    const xxe = await upload(
      '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>',
      'TBX',
      ownerCookie,
    );
    expect(xxe.body.errors?.[0]?.extensions?.code).toBe('INVALID_GLOSSARY_FILE');
    const badCsv = await upload('name\nx\n', 'CSV', ownerCookie);
    expect(badCsv.body.errors?.[0]?.extensions?.code).toBe('INVALID_GLOSSARY_FILE');
    const translator = await signedInClient(api.baseUrl, 'translator');
    const refused = await upload('term\nx\n', 'CSV', translator.client.rawCookie);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await upload('term\nx\n', 'CSV', null);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const missing = await upload('term\nx\n', 'CSV', ownerCookie, 'no-such-project');
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('PROJECT_NOT_FOUND');
    expect(
      await new TestClient(api.baseUrl).errorCode(EXPORT, { p: 'no-such-project', f: 'CSV' }),
    ).toBe('PROJECT_NOT_FOUND');
  });

  it('refuses a file over 8 MB and a glossary past 5,000 terms', async () => {
    const huge = await upload(`term\n${'x'.repeat(8 * 1024 * 1024 + 1)}\n`, 'CSV', ownerCookie);
    expect(huge.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    const db = api.app.get(DataSource);
    const [{ n }] = await db.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM glossary_term WHERE project_id = $1',
      [seed.projectId],
    );
    await db.query(
      `WITH ns AS (SELECT id FROM namespace WHERE project_id = $1 AND name = '$glossary'),
       s AS (
         INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms,
           source_text, source_hash, position)
         SELECT $1, ns.id, 's:bulk.' || g, 'bulk.' || g, 'simple', jsonb_build_array('bulk.' || g),
                jsonb_build_object('', 'bulk ' || g), 'bulk ' || g, 'h', 0
           FROM ns, generate_series(1, $2::int) g
         RETURNING id, source_text)
       INSERT INTO glossary_term (project_id, string_id, term) SELECT $1, id, source_text FROM s`,
      [seed.projectId, 5000 - n],
    );
    const full = await owner.gql(
      'mutation($p: String!) { createGlossaryTerm(project: $p, term: "one too many") { id } }',
      { p: seed.slug },
    );
    expect(full.errors?.[0]?.extensions?.code).toBe('GLOSSARY_FULL');
    const overImport = await upload('term\nanother\n', 'CSV', ownerCookie);
    expect(overImport.body.errors?.[0]?.extensions?.code).toBe('GLOSSARY_FULL');
    await db.query(`DELETE FROM source_string WHERE project_id = $1 AND key LIKE 'bulk.%'`, [
      seed.projectId,
    ]);
  });

  it("imports only a language manager's own locale", async () => {
    const manager = await signedInClient(api.baseUrl, 'manager');
    await owner.ok(ADD_MEMBER, { p: seed.slug, e: manager.email, r: 'language_manager', l: 'de' });
    const res = await upload('term,de,pl\nbudget,Budget,budżet\n', 'CSV', manager.client.rawCookie);
    expect((res.body.data as unknown as ImportResult).importGlossary).toEqual({
      created: 1,
      updated: 0,
      translations: 1,
      skippedLocales: ['pl'],
    });
  });
});
