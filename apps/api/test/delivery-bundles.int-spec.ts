import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { BundleRebuildProducer } from '../src/delivery/bundle-rebuild.producer';
import { buildBundles } from './support/bundle-build';
import { seedNamespace, seedWinner, localeId, type SeededCatalogue } from './support/delivery-seed';
import { signedInClient, type TestClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';

const EN = JSON.stringify({
  title: 'Shop',
  cart: { empty: 'Your cart is empty', checkout: 'Check out' },
  item_one: '{{count}} item',
  item_other: '{{count}} items',
  greeting: 'Hello',
});

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, text: body.toString('utf8') };
}

async function errorCode(url: string, headers: Record<string, string> = {}) {
  const r = await get(url, headers);
  return { status: r.status, code: (JSON.parse(r.text) as { error: { code: string } }).error.code };
}

/** Reads a ustar archive: entries with their header fields. */
function untar(tar: Buffer) {
  const entries: { path: string; mode: string; uid: string; mtime: string; body: string }[] = [];
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12), 8);
    const prefix = field(345, 155);
    const name = field(0, 100);
    entries.push({
      path: prefix === '' ? name : `${prefix}/${name}`,
      mode: field(100, 8),
      uid: field(108, 8),
      mtime: field(136, 12),
      body: tar.subarray(offset + 512, offset + 512 + size).toString('utf8'),
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

describe('delivery: bundles over HTTP', () => {
  let api: RunningApi;
  let ds: DataSource;
  let owner: { client: TestClient; id: string };
  let projectId: string;
  let catalogue: SeededCatalogue;
  let plId: string;
  const base = () => `${api.baseUrl}/bundles/shop`;

  const str = (unitId: string) => {
    const s = catalogue.strings.get(unitId);
    if (s === undefined) throw new Error(`no ${unitId}`);
    return s;
  };

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    owner = await signedInClient(api.baseUrl, 'owner');
    const created = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation { createProject(input: { slug: "shop", name: "Shop", sourceLocale: "en" }) { id } }',
    );
    projectId = created.createProject.id;
    catalogue = await seedNamespace(ds, projectId, 'translation', 'en', EN);
    await seedNamespace(ds, projectId, 'empty', 'en', '{}');
    plId = await localeId(ds, projectId, 'pl');
    const arId = await localeId(ds, projectId, 'ar');
    const win = (unitId: string, forms: Record<string, string>, hash?: string) =>
      seedWinner(ds, {
        projectId,
        stringId: str(unitId).id,
        localeId: plId,
        authorId: owner.id,
        forms,
        sourceHash: hash ?? str(unitId).unit.sourceHash,
      });
    await win('s:title', { '': 'Sklep' });
    await win('s:cart.empty', { '': 'Twój koszyk jest pusty' });
    await seedWinner(ds, {
      projectId,
      stringId: str('p:item').id,
      localeId: plId,
      authorId: owner.id,
      forms: {
        one: '{{count}} przedmiot',
        few: '{{count}} przedmioty',
        many: '{{count}} przedmiotów',
        other: '{{count}} przedmiotu',
      },
      sourceHash: str('p:item').unit.sourceHash,
    });
    // Stale: decided for an older source text.
    await win('s:greeting', { '': 'Cześć' }, 'f'.repeat(64));
    // ar needs zero, one, two, few, many, other: an incomplete group is never shipped.
    await seedWinner(ds, {
      projectId,
      stringId: str('p:item').id,
      localeId: arId,
      authorId: owner.id,
      forms: { one: 'عنصر', other: 'عناصر' },
      sourceHash: str('p:item').unit.sourceHash,
    });
    await buildBundles(api.app, projectId);
  });

  afterAll(async () => {
    await flushQueueKeys(api.config);
    await api.close();
  });

  it('serves the source locale with its source forms, an ETag of the sha-256, CORS and no-cache', async () => {
    const r = await get(`${base()}/en/translation.json`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-expose-headers')).toBe('ETag, Retry-After');
    expect(r.headers.get('etag')).toBe(`"${sha256(r.body)}"`);
    expect(r.text).toBe(
      '{\n  "cart": {\n    "checkout": "Check out",\n    "empty": "Your cart is empty"\n  },\n' +
        '  "greeting": "Hello",\n  "item_one": "{{count}} item",\n  "item_other": "{{count}} items",\n' +
        '  "title": "Shop"\n}\n',
    );
  });

  it('ships decided winners only: plural groups with the forms the winner has (C4), no stale or undecided keys', async () => {
    const pl = await get(`${base()}/pl/translation.json`);
    expect(JSON.parse(pl.text)).toEqual({
      title: 'Sklep',
      cart: { empty: 'Twój koszyk jest pusty' },
      item_one: '{{count}} przedmiot',
      item_few: '{{count}} przedmioty',
      item_many: '{{count}} przedmiotów',
      item_other: '{{count}} przedmiotu',
    });
    // The ar winner has one and other but not zero, two, few, many: it ships what it has, and
    // i18next falls back to the source only at the counts whose form is missing (DOMAIN C4).
    const ar = await get(`${base()}/ar/translation.json`);
    expect(JSON.parse(ar.text)).toEqual({ item_one: 'عنصر', item_other: 'عناصر' });
  });

  it('answers 304 to a matching If-None-Match, and 200 to a different one', async () => {
    const first = await get(`${base()}/pl/translation.json`);
    const etag = first.headers.get('etag') ?? '';
    const again = await get(`${base()}/pl/translation.json`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    const weakList = await get(`${base()}/pl/translation.json`, {
      'if-none-match': `"nope", W/${etag}`,
    });
    expect(weakList.status).toBe(304);
    const other = await get(`${base()}/pl/translation.json`, { 'if-none-match': '"nope"' });
    expect(other.status).toBe(200);
    expect(other.body.equals(first.body)).toBe(true);
  });

  it('serves an empty namespace as {}\\n with its C4 hash', async () => {
    const r = await get(`${base()}/pl/empty.json`);
    expect(r.text).toBe('{}\n');
    expect(r.headers.get('etag')).toMatch(/^"ca3d163b[0-9a-f]+e442356"$/);
  });

  it('serves hashed URLs as immutable, and keeps old hashes after a rebuild', async () => {
    const before = await get(`${base()}/pl/translation.json`);
    const hash = sha256(before.body);
    const hashed = await get(`${base()}/pl/translation.${hash.slice(0, 12)}.json`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.body.equals(before.body)).toBe(true);

    await seedWinner(ds, {
      projectId,
      stringId: str('s:cart.checkout').id,
      localeId: plId,
      authorId: owner.id,
      forms: { '': 'Do kasy' },
      sourceHash: str('s:cart.checkout').unit.sourceHash,
    });
    await api.app.get(BundleRebuildProducer).requestRebuild(projectId);
    // No worker runs here, and reads never build: run the worker's build.
    await buildBundles(api.app, projectId);
    const after = await get(`${base()}/pl/translation.json`);
    expect(JSON.parse(after.text)).toMatchObject({ cart: { checkout: 'Do kasy' } });
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const old = await get(`${base()}/pl/translation.${hash.slice(0, 12)}.json`);
    expect(old.body.equals(before.body)).toBe(true);
  });

  it('ships stale winners only when the project opts in (settings.export.exportStale)', async () => {
    await ds.query(
      `UPDATE project SET settings = settings || '{"export": {"exportStale": true}}'::jsonb WHERE id = $1`,
      [projectId],
    );
    await api.app.get(BundleRebuildProducer).requestRebuild(projectId);
    await buildBundles(api.app, projectId);
    expect(JSON.parse((await get(`${base()}/pl/translation.json`)).text)).toMatchObject({
      greeting: 'Cześć',
    });
    await ds.query(`UPDATE project SET settings = settings - 'export' WHERE id = $1`, [projectId]);
    await api.app.get(BundleRebuildProducer).requestRebuild(projectId);
    await buildBundles(api.app, projectId);
    expect(JSON.parse((await get(`${base()}/pl/translation.json`)).text)).not.toHaveProperty(
      'greeting',
    );
  });

  it('answers unknown projects, locales, namespaces and hashes with 404 and a code', async () => {
    expect(await errorCode(`${api.baseUrl}/bundles/nope/en/translation.json`)).toEqual({
      status: 404,
      code: 'PROJECT_NOT_FOUND',
    });
    expect(await errorCode(`${base()}/de/translation.json`)).toEqual({
      status: 404,
      code: 'LOCALE_NOT_FOUND',
    });
    expect(await errorCode(`${base()}/pl/nope.json`)).toEqual({
      status: 404,
      code: 'NAMESPACE_NOT_FOUND',
    });
    expect(await errorCode(`${base()}/pl/translation.0123456789ab.json`)).toEqual({
      status: 404,
      code: 'BUNDLE_NOT_FOUND',
    });
    expect(await errorCode(`${base()}/pl/translation.yaml`)).toEqual({
      status: 404,
      code: 'BUNDLE_NOT_FOUND',
    });
  });

  it('publishes a canonical manifest with hashes, key counts and coverage', async () => {
    const r = await get(`${base()}/manifest.json`);
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe(`"${sha256(r.body)}"`);
    const manifest = JSON.parse(r.text) as {
      bundleSetHash: string;
      namespaces: string[];
      locales: Record<string, { coverage: string; units: string; totalUnits: string }>;
      bundles: Record<string, { contentHash: string; keys: string; path: string }>;
      files: Record<string, string>;
    };
    expect(manifest.namespaces).toEqual(['empty', 'translation']);
    expect(Object.keys(manifest.locales)).toEqual(['ar', 'en', 'pl']);
    expect(manifest.locales['en']).toMatchObject({
      coverage: '100.0',
      units: '5',
      totalUnits: '5',
    });
    // title, cart.empty, cart.checkout and the plural; greeting is stale.
    expect(manifest.locales['pl']).toMatchObject({ coverage: '80.0', units: '4' });
    // The partial ar plural group ships (C4): one of five units.
    expect(manifest.locales['ar']).toMatchObject({ coverage: '20.0', units: '1' });
    const pl = await get(`${base()}/pl/translation.json`);
    expect(manifest.bundles['pl/translation']?.contentHash).toBe(sha256(pl.body));
    expect(manifest.bundles['pl/translation']?.keys).toBe('7');
    expect(manifest.files['pl/translation']).toBe(sha256(pl.body).slice(0, 12));
    const lines = Object.entries(manifest.bundles)
      .map(([k, b]) => `${k.replace('/', '\t')}\t${b.contentHash}\n`)
      .sort()
      .join('');
    expect(manifest.bundleSetHash).toBe(sha256(lines));
    expect(r.text).toBe((await get(`${base()}/manifest.json`)).text);
  });

  it('serves a deterministic archive of every bundle plus the manifest', async () => {
    const first = await get(`${base()}/archive.tar.gz`);
    const second = await get(`${base()}/archive.tar.gz`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/gzip');
    expect(first.body.equals(second.body)).toBe(true);
    expect(first.body.readUInt32LE(4)).toBe(0); // gzip MTIME
    const entries = untar(gunzipSync(first.body));
    expect(entries.map((e) => e.path)).toEqual([
      'ar/empty.json',
      'ar/translation.json',
      'en/empty.json',
      'en/translation.json',
      'manifest.json',
      'pl/empty.json',
      'pl/translation.json',
    ]);
    expect(new Set(entries.map((e) => `${e.mode} ${e.uid} ${e.mtime}`))).toEqual(
      new Set(['0000644 0000000 00000000000']),
    );
    const pl = await get(`${base()}/pl/translation.json`);
    expect(entries.find((e) => e.path === 'pl/translation.json')?.body).toBe(pl.text);
    const etag = first.headers.get('etag') ?? '';
    expect((await get(`${base()}/archive.tar.gz`, { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers CORS preflights', async () => {
    const r = await fetch(`${base()}/pl/translation.json`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  describe('private projects', () => {
    let pullToken: string;
    let pushToken: string;
    let otherToken: string;
    const secret = () => `${api.baseUrl}/bundles/secret`;

    beforeAll(async () => {
      const created = await owner.client.ok<{ createProject: { id: string } }>(
        'mutation { createProject(input: { slug: "secret", name: "S", sourceLocale: "en", visibility: "private" }) { id } }',
      );
      await seedNamespace(ds, created.createProject.id, 'translation', 'en', EN);
      await buildBundles(api.app, created.createProject.id);
      await owner.client.ok(
        'mutation { createProject(input: { slug: "other", name: "O", sourceLocale: "en" }) { id } }',
      );
      const token = async (project: string, scopes: string) =>
        (
          await owner.client.ok<{ createApiToken: { secret: string } }>(
            `mutation { createApiToken(project: "${project}", name: "ci", scopes: [${scopes}]) { secret } }`,
          )
        ).createApiToken.secret;
      pullToken = await token('secret', 'pull');
      pushToken = await token('secret', 'push');
      otherToken = await token('other', 'pull');
    });

    it('hides them from anonymous callers and tokens of other projects (404)', async () => {
      expect(await errorCode(`${secret()}/en/translation.json`)).toEqual({
        status: 404,
        code: 'PROJECT_NOT_FOUND',
      });
      expect(
        await errorCode(`${secret()}/manifest.json`, { authorization: `Bearer ${otherToken}` }),
      ).toEqual({ status: 404, code: 'PROJECT_NOT_FOUND' });
      const stranger = await signedInClient(api.baseUrl, 'stranger');
      expect(
        await errorCode(`${secret()}/en/translation.json`, {
          cookie: stranger.client.rawCookie ?? '',
        }),
      ).toEqual({ status: 404, code: 'PROJECT_NOT_FOUND' });
    });

    it('refuses unknown tokens (401) and tokens without pull (403)', async () => {
      expect(
        await errorCode(`${secret()}/en/translation.json`, {
          authorization: 'Bearer chorus_wrong',
        }),
      ).toEqual({ status: 401, code: 'INVALID_TOKEN' });
      expect(
        await errorCode(`${secret()}/en/translation.json`, {
          authorization: `Bearer ${pushToken}`,
        }),
      ).toEqual({ status: 403, code: 'TOKEN_SCOPE' });
    });

    it('serves a pull token of the project and a member session, privately cached, without CORS', async () => {
      const r = await get(`${secret()}/en/translation.json`, {
        authorization: `Bearer ${pullToken}`,
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      expect(r.headers.get('cache-control')).toBe('no-cache');
      const hashed = await get(`${secret()}/en/translation.${sha256(r.body).slice(0, 12)}.json`, {
        cookie: owner.client.rawCookie ?? '',
      });
      expect(hashed.status).toBe(200);
      expect(hashed.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    });
  });
});
