import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  getJson,
  gqlUpload,
  pollUntil,
  pushCatalogue,
  type HttpResult,
} from './support/catalogue-http';
import { signedInClient, type TestClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  testConfig,
  type RunningApi,
} from './support/test-app';

const CREATE_PROJECT = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { slug } }';
const CREATE_TOKEN = `mutation($p: String!, $s: [ApiTokenScope!]!) {
  createApiToken(project: $p, name: "ci", scopes: $s) { secret token { id } } }`;
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!, $l: String) {
  addMember(project: $p, email: $e, role: $r, locale: $l) { id } }`;
const IMPORT = `mutation($p: String!, $n: String!, $l: String, $file: Upload!, $a: Boolean) {
  importCatalogue(project: $p, namespace: $n, locale: $l, file: $file, async: $a) {
    jobId result { kind added changed removed unchanged imported skipped warnings { code key } } } }`;

const SOURCE = {
  greeting: 'Hello {{name}}',
  items_one: '{{count}} item',
  items_other: '{{count}} items',
  nav: { home: 'Home', away: 'Away' },
};
const GERMAN = {
  greeting: 'Hallo {{name}}',
  items_one: '{{count}} Artikel',
  items_other: '{{count}} Artikel',
  nav: { home: 'Start', away: 'Weg {{oops}}' },
  unknown: 'Nicht in der Quelle',
};

describe('catalogue import (REST for the CLI, GraphQL multipart)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let owner: TestClient;
  let push: string;
  let db: DataSource;
  const url = '/api/projects/shop/catalogues/common';

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: string }[] = await db.query(sql, params);
    return Number(rows[0]?.n ?? 0);
  };

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    await flushQueueKeys(api.config);
    worker = await startWorker(api.config);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    await owner.ok(CREATE_PROJECT, { i: { slug: 'shop', name: 'Shop', sourceLocale: 'en' } });
    await owner.ok(CREATE_PROJECT, { i: { slug: 'other', name: 'Other', sourceLocale: 'en' } });
    const token = await owner.ok<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
      p: 'shop',
      s: ['push'],
    });
    push = token.createApiToken.secret;
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('imports a source catalogue with a push token, idempotently', async () => {
    const first = await pushCatalogue(api.baseUrl, url, JSON.stringify(SOURCE), { token: push });
    expect(first).toEqual({
      status: 200,
      body: {
        namespace: 'common',
        locale: 'en',
        kind: 'source',
        added: 4,
        changed: 0,
        removed: 0,
        unchanged: 0,
        imported: 4,
        skipped: 0,
        warnings: [],
        warningCount: 0,
        warningsTruncated: false,
        jsonFormat: 'v4',
      },
    });
    const stamps: unknown = await db.query(
      'SELECT unit_key, updated_at FROM source_string ORDER BY unit_key',
    );
    const again = await pushCatalogue(api.baseUrl, url, JSON.stringify(SOURCE), { token: push });
    expect(again.body).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 4 });
    expect(
      await db.query('SELECT unit_key, updated_at FROM source_string ORDER BY unit_key'),
    ).toEqual(stamps);
    const plural: { forms: unknown; source_text: string; kind: string }[] = await db.query(
      "SELECT forms, source_text, kind FROM source_string WHERE unit_key = 'p:items'",
    );
    expect(plural[0]).toEqual({
      kind: 'plural',
      forms: { one: '{{count}} item', other: '{{count}} items' },
      source_text: '{{count}} item\n{{count}} items',
    });
    const ns = await owner.ok<{
      namespaces: { name: string; nestedKeys: boolean; stringCount: number }[];
    }>('query { namespaces(project: "shop") { name nestedKeys stringCount } }');
    expect(ns.namespaces).toEqual([{ name: 'common', nestedKeys: true, stringCount: 4 }]);
  });

  it('imports existing translations as decided winners (IMPORTED), once', async () => {
    const result = await pushCatalogue(api.baseUrl, `${url}?locale=de`, JSON.stringify(GERMAN), {
      token: push,
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      kind: 'translations',
      locale: 'de',
      added: 4,
      imported: 3,
      skipped: 2,
      unchanged: 0,
    });
    const codes = (result.body['warnings'] as { code: string; key?: string }[]).map((w) => [
      w.code,
      w.key,
    ]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['KEY_NOT_IN_SOURCE', 'unknown'],
        ['CANDIDATE_NOT_ELIGIBLE', 'nav.away'],
      ]),
    );
    // The locale was added on the way (a push token may), and the rounds say why each won.
    expect(await count("SELECT count(*) AS n FROM locale WHERE code = 'de'")).toBe(1);
    const rounds: { state: string; reasons: string[]; decision: unknown; number: number }[] =
      await db.query('SELECT state, reasons, decision, number FROM round');
    expect(rounds).toHaveLength(3);
    expect(rounds[0]).toEqual({
      state: 'DECIDED',
      reasons: ['IMPORTED'],
      decision: { reason: 'IMPORTED' },
      number: 1,
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM translation_unit u JOIN source_string s ON s.id = u.string_id
         WHERE u.winner_translation_id IS NOT NULL AND u.winner_source_hash = s.source_hash`,
      ),
    ).toBe(3);
    const blocked: { blocking_errors: string[]; origin: string }[] = await db.query(
      `SELECT t.blocking_errors, t.origin FROM translation t JOIN translation_unit u ON u.id = t.unit_id
       JOIN source_string s ON s.id = u.string_id WHERE s.unit_key = 's:nav.away'`,
    );
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.origin).toBe('import');
    expect(blocked[0]?.blocking_errors.length).toBeGreaterThan(0);

    const again = await pushCatalogue(api.baseUrl, `${url}?locale=de`, JSON.stringify(GERMAN), {
      token: push,
    });
    expect(again.body).toMatchObject({ added: 0, imported: 0, unchanged: 3, skipped: 2 });
    expect(await count('SELECT count(*) AS n FROM round')).toBe(3);
  });

  it('outdates candidates of changed source text, retires dropped keys and re-adds them later', async () => {
    const unit =
      "(SELECT u.id FROM translation_unit u JOIN source_string s ON s.id = u.string_id WHERE s.unit_key = 's:greeting')";
    await db.query(
      `INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at)
       SELECT gen_random_uuid(), ${unit}, 2, 'x', 'OPEN', '{}', now()`,
    );
    const changed = { ...SOURCE, greeting: 'Hi {{name}}', nav: { home: 'Home' } };
    const result = await pushCatalogue(api.baseUrl, url, JSON.stringify(changed), { token: push });
    expect(result.body).toMatchObject({ added: 0, changed: 1, removed: 1, unchanged: 2 });
    const greeting: { status: string }[] = await db.query(
      `SELECT t.status FROM translation t WHERE t.unit_id = ${unit}`,
    );
    expect(greeting).toEqual([{ status: 'outdated' }]);
    const live: { state: string; reasons: string[]; closed: boolean }[] = await db.query(
      `SELECT state, reasons, closed_at IS NOT NULL AS closed FROM round WHERE unit_id = ${unit} AND number = 2`,
    );
    expect(live).toEqual([{ state: 'UNDECIDED', reasons: ['SOURCE_CHANGED'], closed: true }]);
    // The old winner is now stale: its source hash no longer matches.
    expect(
      await count(
        `SELECT count(*) AS n FROM translation_unit u JOIN source_string s ON s.id = u.string_id
         WHERE s.unit_key = 's:greeting' AND u.winner_source_hash <> s.source_hash`,
      ),
    ).toBe(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM source_string WHERE removed_at IS NOT NULL AND unit_key = 's:nav.away'",
      ),
    ).toBe(1);

    const back = await pushCatalogue(api.baseUrl, url, JSON.stringify(SOURCE), { token: push });
    expect(back.body).toMatchObject({ added: 1, changed: 1, removed: 0, unchanged: 2 });
    expect(
      await count('SELECT count(*) AS n FROM source_string WHERE removed_at IS NOT NULL'),
    ).toBe(0);
  });

  it('refuses a malformed file with its line and key, writing nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM event');
    const bad = '{\n  "a": "x",\n  "a": "y"\n}';
    const result = await pushCatalogue(api.baseUrl, '/api/projects/shop/catalogues/fresh', bad, {
      token: push,
    });
    expect(result.status).toBe(400);
    const error = result.body['error'] as {
      code: string;
      message: string;
      details: { errors: { key: string; line: number }[] };
    };
    expect(error.code).toBe('INVALID_CATALOGUE');
    expect(error.message).toMatch(/Line 3/);
    expect(error.details.errors[0]).toMatchObject({ code: 'DUPLICATE_KEY', key: 'a', line: 3 });
    expect(await count("SELECT count(*) AS n FROM namespace WHERE name = 'fresh'")).toBe(0);
    expect(await count('SELECT count(*) AS n FROM event')).toBe(before);
    const syntax = await pushCatalogue(api.baseUrl, url, '{"a": ', { token: push });
    expect((syntax.body['error'] as { code: string }).code).toBe('INVALID_CATALOGUE');
  });

  it('answers every auth and input error with its code', async () => {
    const body = JSON.stringify(SOURCE);
    const code = (r: HttpResult) => [
      r.status,
      (r.body['error'] as { code: string } | undefined)?.code,
    ];
    expect(code(await pushCatalogue(api.baseUrl, url, body))).toEqual([401, 'UNAUTHENTICATED']);
    expect(code(await pushCatalogue(api.baseUrl, url, body, { token: 'chorus_nope' }))).toEqual([
      401,
      'INVALID_TOKEN',
    ]);
    expect(
      code(
        await pushCatalogue(api.baseUrl, '/api/projects/nope/catalogues/common', body, {
          token: push,
        }),
      ),
    ).toEqual([404, 'PROJECT_NOT_FOUND']);
    expect(
      code(
        await pushCatalogue(api.baseUrl, '/api/projects/other/catalogues/common', body, {
          token: push,
        }),
      ),
    ).toEqual([403, 'TOKEN_PROJECT']);
    const pull = await owner.ok<{ createApiToken: { secret: string; token: { id: string } } }>(
      CREATE_TOKEN,
      { p: 'shop', s: ['pull'] },
    );
    expect(
      code(await pushCatalogue(api.baseUrl, url, body, { token: pull.createApiToken.secret })),
    ).toEqual([403, 'TOKEN_SCOPE']);
    const revocable = await owner.ok<{ createApiToken: { secret: string; token: { id: string } } }>(
      CREATE_TOKEN,
      { p: 'shop', s: ['push'] },
    );
    await owner.ok('mutation($id: ID!) { revokeApiToken(project: "shop", id: $id) { id } }', {
      id: revocable.createApiToken.token.id,
    });
    expect(
      code(await pushCatalogue(api.baseUrl, url, body, { token: revocable.createApiToken.secret })),
    ).toEqual([401, 'INVALID_TOKEN']);
    expect(
      code(await pushCatalogue(api.baseUrl, `${url}?locale=qaa`, body, { token: push })),
    ).toEqual([400, 'UNKNOWN_LOCALE']);
    expect(
      code(
        await pushCatalogue(api.baseUrl, '/api/projects/shop/catalogues/nosuch?locale=de', body, {
          token: push,
        }),
      ),
    ).toEqual([404, 'NAMESPACE_NOT_FOUND']);
    expect(
      code(
        await pushCatalogue(api.baseUrl, '/api/projects/shop/catalogues/bad%20name', body, {
          token: push,
        }),
      ),
    ).toEqual([400, 'BAD_USER_INPUT']);
    expect(code(await pushCatalogue(api.baseUrl, url, '', { token: push }))).toEqual([
      400,
      'INVALID_UPLOAD',
    ]);

    // Sessions: a translator may not import; a German language manager may import German only.
    const translator = await signedInClient(api.baseUrl, 'translator');
    const manager = await signedInClient(api.baseUrl, 'manager');
    await owner.ok(ADD_MEMBER, { p: 'shop', e: translator.email, r: 'translator' });
    await owner.ok(ADD_MEMBER, { p: 'shop', e: manager.email, r: 'language_manager', l: 'de' });
    expect(
      code(await pushCatalogue(api.baseUrl, url, body, { cookie: translator.client.rawCookie })),
    ).toEqual([403, 'FORBIDDEN']);
    expect(
      code(await pushCatalogue(api.baseUrl, url, body, { cookie: manager.client.rawCookie })),
    ).toEqual([403, 'FORBIDDEN']);
    expect(
      code(
        await pushCatalogue(api.baseUrl, `${url}?locale=fr`, body, {
          cookie: manager.client.rawCookie,
        }),
      ),
    ).toEqual([403, 'FORBIDDEN']);
    const german = await pushCatalogue(api.baseUrl, `${url}?locale=de`, JSON.stringify(GERMAN), {
      cookie: manager.client.rawCookie,
    });
    expect(german.status).toBe(200);
  });

  it('refuses a body over the size limit with 413', async () => {
    const small = await startApi(testConfig({ IMPORT_MAX_MB: '1' }));
    try {
      const big = JSON.stringify({ k: 'x'.repeat(1_100_000) });
      const result = await pushCatalogue(small.baseUrl, url, big, { token: push });
      expect(result.status).toBe(413);
      expect((result.body['error'] as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
      const upload = await gqlUpload(
        small.baseUrl,
        IMPORT,
        { p: 'shop', n: 'common' },
        { name: 'en.json', text: big },
        { cookie: owner.rawCookie },
      );
      expect(upload.status).toBe(413);
      expect(upload.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('runs an import as a background job with progress, over REST and GraphQL', async () => {
    const source = { ...SOURCE, extra: 'Extra' };
    const queued = await pushCatalogue(api.baseUrl, `${url}?async=1`, JSON.stringify(source), {
      token: push,
    });
    expect(queued.status).toBe(202);
    const jobId = queued.body['jobId'] as string;
    expect(jobId).toMatch(/^import-[0-9a-f]{40}$/);
    const done = await pollUntil(
      () => getJson(api.baseUrl, `/api/jobs/${jobId}`, { token: push }),
      (r) => r.body['state'] === 'completed' || r.body['state'] === 'failed',
    );
    expect(done.body).toMatchObject({
      state: 'completed',
      progress: 100,
      result: { kind: 'source', added: 1, unchanged: 4 },
    });
    const viaGraphql = await owner.ok<{ importJob: { state: string; result: { added: number } } }>(
      'query($id: ID!) { importJob(id: $id) { state progress result { added } } }',
      { id: jobId },
    );
    expect(viaGraphql.importJob).toMatchObject({ state: 'completed', result: { added: 1 } });
    expect(
      (
        await getJson(api.baseUrl, '/api/jobs/import-0000000000000000000000000000000000000000', {
          token: push,
        })
      ).status,
    ).toBe(404);
    const stranger = await signedInClient(api.baseUrl, 'stranger');
    expect(
      await stranger.client.errorCode('query($id: ID!) { importJob(id: $id) { state } }', {
        id: jobId,
      }),
    ).toBe('FORBIDDEN');
  });

  it('imports through a GraphQL multipart upload, and needs the CSRF preflight header', async () => {
    const cookie = owner.rawCookie;
    const french = { greeting: 'Bonjour {{name}}', nav: { home: 'Accueil' } };
    const refused = await gqlUpload(
      api.baseUrl,
      IMPORT,
      { p: 'shop', n: 'common', l: 'fr' },
      { name: 'fr.json', text: JSON.stringify(french) },
      { cookie, preflight: false },
    );
    // multipart/form-data is a form's content type: with the cookie it needs a custom header.
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('CSRF_REJECTED');
    const result = await gqlUpload(
      api.baseUrl,
      IMPORT,
      { p: 'shop', n: 'common', l: 'fr' },
      { name: 'fr.json', text: JSON.stringify(french) },
      { cookie },
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.['importCatalogue']).toMatchObject({
      jobId: null,
      result: { kind: 'translations', imported: 2 },
    });
    const queued = await gqlUpload(
      api.baseUrl,
      IMPORT,
      { p: 'shop', n: 'common', l: 'fr', a: true },
      { name: 'fr.json', text: JSON.stringify(french) },
      { cookie },
    );
    expect(queued.body.data?.['importCatalogue']).toMatchObject({
      result: null,
      jobId: expect.stringMatching(/^import-/),
    });
    const malformed = await gqlUpload(
      api.baseUrl,
      IMPORT,
      { p: 'shop', n: 'common' },
      { name: 'en.json', text: '{"a": 1}' },
      { cookie },
    );
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('INVALID_CATALOGUE');
    expect(await owner.errorCode(IMPORT, { p: 'shop', n: 'common', file: 'inline' })).toBe(
      'BAD_USER_INPUT',
    );
  });
});
