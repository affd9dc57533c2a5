import { DataSource } from 'typeorm';
import { getJson, gqlUpload, pushCatalogue } from './support/catalogue-http';
import { buildBundles } from './support/bundle-build';
import { signedInClient, type TestClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

// Issue 16 through the real HTTP and GraphQL doors, on small catalogues written for the test.

const CREATE_PROJECT = `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`;
const CREATE_TOKEN = `mutation($p: String!, $s: [ApiTokenScope!]!) {
  createApiToken(project: $p, name: "ci", scopes: $s) { secret } }`;
const IMPORT = `mutation($p: String!, $n: String!, $l: String, $file: Upload!, $f: JsonFormat) {
  importCatalogue(project: $p, namespace: $n, locale: $l, file: $file, format: $f) {
    result { kind jsonFormat imported warningCount warningsTruncated warnings { code } } } }`;
const STRINGS = `query($p: String!, $l: String!, $f: StringFilter!) {
  strings(project: $p, locale: $l, filter: $f, first: 50) {
    edges { node { key status missingForms } } } }`;

// v3, flat keys that are sentences; "Saved" is a prefix of another key.
const SOURCE_V3 = {
  Saved: 'Saved',
  'Saved. Reload the page.': 'Saved. Reload the page.',
  '{{count}} file': '{{count}} file',
  '{{count}} file_plural': '{{count}} files',
  'Hello <em>{{name}}</em>, {{name}}!': 'Hello <em>{{name}}</em>, {{name}}!',
};

describe('catalogue formats, partial plural groups and exact text (issue 16)', () => {
  let api: RunningApi;
  let owner: TestClient;
  let cookie: string | null;
  let token: string;
  let db: DataSource;
  const url = (ns: string, query = '') => `/api/projects/shop/catalogues/${ns}${query}`;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    const signed = await signedInClient(api.baseUrl, 'owner');
    owner = signed.client;
    cookie = owner.rawCookie;
    await owner.ok(CREATE_PROJECT, { i: { slug: 'shop', name: 'Shop', sourceLocale: 'en' } });
    token = (
      await owner.ok<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
        p: 'shop',
        s: ['push', 'pull'],
      })
    ).createApiToken.secret;
  });

  afterAll(() => api.close());

  it('refuses unknown query parameters and bad formats with a code, and writes nothing', async () => {
    const body = JSON.stringify(SOURCE_V3);
    const unknown = await pushCatalogue(api.baseUrl, url('app', '?jsonFormat=v3'), body, {
      token,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body['error']).toMatchObject({ code: 'UNKNOWN_PARAMETER' });
    expect(JSON.stringify(unknown.body)).toContain('Use format=v3');
    const bad = await pushCatalogue(api.baseUrl, url('app', '?format=v5'), body, { token });
    expect(bad.body['error']).toMatchObject({ code: 'INVALID_UPLOAD' });
    const twice = await pushCatalogue(api.baseUrl, url('app', '?format=v3&format=v4'), body, {
      token,
    });
    expect(twice.body['error']).toMatchObject({ code: 'UNKNOWN_PARAMETER' });
    expect(await db.query(`SELECT 1 FROM namespace WHERE name = 'app'`)).toEqual([]);
  });

  it('detects v3 when unsaid, says so, and a pull returns the flat keys as stored', async () => {
    const r = await pushCatalogue(api.baseUrl, url('app'), JSON.stringify(SOURCE_V3), { token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ jsonFormat: 'v3', imported: 4, warningsTruncated: false });
    const plural: { forms: unknown }[] = await db.query(
      `SELECT forms FROM source_string WHERE unit_key = 'p:{{count}} file'`,
    );
    expect(plural[0]?.forms).toEqual({ one: '{{count}} file', other: '{{count}} files' });
    // The same file said to be v4 keeps _plural as a plain key.
    const v4 = await pushCatalogue(
      api.baseUrl,
      url('asv4', '?format=v4'),
      JSON.stringify(SOURCE_V3),
      { token },
    );
    expect(v4.body).toMatchObject({ jsonFormat: 'v4', imported: 5 });
  });

  it('takes the format as a GraphQL input field', async () => {
    const r = await gqlUpload(
      api.baseUrl,
      IMPORT,
      { p: 'shop', n: 'gql', f: 'v3' },
      { name: 'en.json', text: JSON.stringify({ dog: 'dog', dog_plural: 'dogs', x_other: 'x' }) },
      { cookie },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.['importCatalogue']).toMatchObject({
      result: { kind: 'source', jsonFormat: 'v3', imported: 2, warningCount: 0 },
    });
  });

  it('imports a partial plural group as the winner, lists it INCOMPLETE, exports its forms', async () => {
    await owner.ok(`mutation { addLocale(project: "shop", code: "fr") { code } }`);
    await owner.ok(`mutation { addLocale(project: "shop", code: "ja") { code } }`);
    const fr = await pushCatalogue(
      api.baseUrl,
      url('app', '?locale=fr&format=v4'),
      JSON.stringify({
        '{{count}} file_one': '{{count}} fichier',
        '{{count}} file_other': '{{count}} fichiers',
        // {{name}} once where the source has it twice, and <em> dropped: both fine now.
        'Hello <em>{{name}}</em>, {{name}}!': 'Bonjour {{name}} !',
      }),
      { token },
    );
    expect(fr.body).toMatchObject({ imported: 2, skipped: 0 });
    const codes = (fr.body['warnings'] as { code: string }[]).map((w) => w.code);
    expect(codes).toContain('PLURAL_FORMS_INCOMPLETE');
    const ja = await pushCatalogue(
      api.baseUrl,
      url('app', '?locale=ja'),
      JSON.stringify({
        '{{count}} file_one': '{{count}} 件',
        '{{count}} file_other': '{{count}} 件',
      }),
      { token },
    );
    expect(ja.body).toMatchObject({ imported: 1 });
    expect((ja.body['warnings'] as { code: string }[]).map((w) => w.code)).toContain(
      'PLURAL_FORM_NOT_IN_LOCALE',
    );
    const incomplete = await owner.ok<{
      strings: { edges: { node: { key: string; status: string; missingForms: string[] } }[] };
    }>(STRINGS, { p: 'shop', l: 'fr', f: 'INCOMPLETE' });
    expect(incomplete.strings.edges.map((e) => e.node)).toEqual([
      { key: '{{count}} file', status: 'DECIDED', missingForms: ['many'] },
    ]);
    const jaIncomplete = await owner.ok<{ strings: { edges: unknown[] } }>(STRINGS, {
      p: 'shop',
      l: 'ja',
      f: 'INCOMPLETE',
    });
    expect(jaIncomplete.strings.edges).toEqual([]);
    // The web UI path still needs every form.
    const [unit] = await db.query<{ id: string }[]>(
      `SELECT id FROM source_string WHERE unit_key = 'p:{{count}} file' AND namespace_id =
         (SELECT id FROM namespace WHERE name = 'app')`,
    );
    const submit = await owner.errorCode(
      `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`,
      {
        i: {
          stringId: unit?.id,
          locale: 'fr',
          forms: [
            { category: 'one', text: '{{count}} document' },
            { category: 'other', text: '{{count}} documents' },
          ],
        },
      },
    );
    expect(submit).toBe('CHECK_FAILED');
  });

  it('stores imported NFD text byte-exact (Hebrew, Vietnamese)', async () => {
    await owner.ok(`mutation { addLocale(project: "shop", code: "he") { code } }`);
    await owner.ok(`mutation { addLocale(project: "shop", code: "vi") { code } }`);
    // Shin dot before qamats, as Hebrew keyboards type it; NFC (and NFD) reorder the two marks.
    const he = 'ש\u05C1\u05B8לום';
    const vi = 'Đã lưu. Tải lại trang.'.normalize('NFD');
    expect(he).not.toBe(he.normalize('NFC'));
    expect(vi).not.toBe(vi.normalize('NFC'));
    for (const [locale, text] of [
      ['he', he],
      ['vi', vi],
    ] as const) {
      const r = await pushCatalogue(
        api.baseUrl,
        url('app', `?locale=${locale}`),
        JSON.stringify({ 'Saved. Reload the page.': text }),
        { token },
      );
      expect(r.body).toMatchObject({ imported: 1 });
      const rows: { forms: Record<string, string> }[] = await db.query(
        `SELECT t.forms FROM translation t JOIN translation_unit u ON u.id = t.unit_id
           JOIN locale l ON l.id = u.locale_id WHERE l.code = $1`,
        [locale],
      );
      expect(rows.map((row) => row.forms[''])).toEqual([text]);
      // Re-importing the NFC spelling is the same candidate (NFC is only in the dedupe key).
      const again = await pushCatalogue(
        api.baseUrl,
        url('app', `?locale=${locale}`),
        JSON.stringify({ 'Saved. Reload the page.': text.normalize('NFC') }),
        { token },
      );
      expect(again.body).toMatchObject({ added: 0, unchanged: 1 });
    }
  });

  it('counts every warning past 200, and answers them all on ?warnings=all', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 230; i += 1) many[`empty ${i}`] = '';
    const capped = await pushCatalogue(api.baseUrl, url('big'), JSON.stringify(many), { token });
    expect(capped.body).toMatchObject({ warningCount: 230, warningsTruncated: true });
    expect(capped.body['warnings']).toHaveLength(200);
    const all = await pushCatalogue(
      api.baseUrl,
      url('big2', '?warnings=all'),
      JSON.stringify(many),
      { token },
    );
    expect(all.body).toMatchObject({ warningCount: 230, warningsTruncated: false });
    expect(all.body['warnings']).toHaveLength(230);
  });

  it('serves the flat namespace over REST with both prefix keys', async () => {
    const [project] = await db.query<{ id: string }[]>(
      `SELECT id FROM project WHERE slug = 'shop'`,
    );
    await buildBundles(api.app, project?.id ?? '');
    const manifest = await getJson(api.baseUrl, '/bundles/shop/manifest.json', { token });
    expect(manifest.status).toBe(200);
    const en = await getJson(api.baseUrl, '/bundles/shop/en/app.json', { token });
    expect(en.body).toMatchObject({
      Saved: 'Saved',
      'Saved. Reload the page.': 'Saved. Reload the page.',
    });
    const fr = await getJson(api.baseUrl, '/bundles/shop/fr/app.json', { token });
    expect(fr.body).toEqual({
      '{{count}} file_one': '{{count}} fichier',
      '{{count}} file_other': '{{count}} fichiers',
      'Hello <em>{{name}}</em>, {{name}}!': 'Bonjour {{name}} !',
    });
  });
});
