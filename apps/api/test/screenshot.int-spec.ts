import { DataSource } from 'typeorm';
import { signedInClient, TestClient } from './support/graphql-client';
import { addMember, seedProject, seedString } from './support/seed';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

/** A PNG header (signature + IHDR) of the given size: all the server reads of the image. */
function png(width: number, height: number, padding = 0): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ihdr,
    Buffer.alloc(padding),
  ]);
}

const REGION = {
  namespace: 'translation',
  key: 'cart.title',
  x: 10,
  y: 20,
  width: 100,
  height: 30,
};
const BY_KEY = `query($p: String!, $k: String!) { stringByKey(project: $p, locale: "de", namespace: "translation", key: $k) {
  screenshots { id url x y width height imageWidth imageHeight } } }`;
const ENABLE =
  'mutation($p: String!, $e: Boolean!) { setInContextScreenshots(project: $p, enabled: $e) { inContextScreenshots } }';

interface Answer {
  readonly status: number;
  readonly code: string | undefined;
  readonly body: { id?: string; regions?: number; error?: { code?: string } };
}

describe('in-context screenshots with key regions', () => {
  let api: RunningApi;
  let ds: DataSource;
  let owner: TestClient;
  let volunteer: TestClient;
  let stranger: TestClient;

  const upload = async (
    client: TestClient | null,
    slug: string,
    options: { image?: Buffer; type?: string; regions?: unknown; csrf?: boolean } = {},
  ): Promise<Answer> => {
    const form = new FormData();
    form.set(
      'image',
      new Blob([options.image ?? png(800, 600)], { type: options.type ?? 'image/png' }),
      's.png',
    );
    form.set('regions', JSON.stringify(options.regions ?? [REGION]));
    const cookie = client?.rawCookie ?? null;
    const response = await fetch(`${api.baseUrl}/api/projects/${slug}/screenshots`, {
      method: 'POST',
      headers: {
        origin: api.baseUrl,
        ...(options.csrf === false ? {} : { 'x-chorus-csrf': '1' }),
        ...(cookie === null ? {} : { cookie }),
      },
      body: form,
    });
    const body = (await response.json()) as Answer['body'];
    return { status: response.status, code: body.error?.code, body };
  };

  const image = (client: TestClient | null, url: string) =>
    fetch(`${api.baseUrl}${url}`, {
      headers: client?.rawCookie ? { cookie: client.rawCookie } : {},
    });

  beforeAll(async () => {
    api = await startApi(testConfig({ SCREENSHOT_MAX_KB: '16', RATE_LIMIT_SCREENSHOTS: '20' }));
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    const o = await signedInClient(api.baseUrl, 'owner');
    owner = o.client;
    volunteer = (await signedInClient(api.baseUrl, 'volunteer')).client;
    stranger = (await signedInClient(api.baseUrl, 'stranger')).client;
    for (const [slug, visibility] of [
      ['shop', 'public'],
      ['closed', 'public'],
      ['secret', 'private'],
    ] as const) {
      const project = await seedProject(ds, { slug, visibility, ownerId: o.id });
      await seedString(ds, project, { key: 'cart.title', position: 0 });
      await seedString(ds, project, { key: 'cart.empty', position: 1 });
    }
    await owner.ok(ENABLE, { p: 'shop', e: true });
    await owner.ok(ENABLE, { p: 'secret', e: true });
  });

  afterAll(async () => {
    await api.close();
  });

  it('lets only the owner switch screenshots on', async () => {
    expect(await volunteer.errorCode(ENABLE, { p: 'closed', e: true })).toBe('FORBIDDEN');
    const data = await owner.ok<{ project: { inContextScreenshots: boolean } }>(
      'query { project(slug: "closed") { inContextScreenshots } }',
    );
    expect(data.project.inContextScreenshots).toBe(false);
  });

  it('stores an upload and shows it on the string, image served with its type and nosniff', async () => {
    const sent = png(800, 600);
    const answer = await upload(volunteer, 'shop', {
      image: sent,
      regions: [REGION, { ...REGION, key: 'cart.empty', x: 0, y: 0, width: 800, height: 600 }],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.regions).toBe(2);
    const data = await new TestClient(api.baseUrl).ok<{
      stringByKey: {
        screenshots: { id: string; url: string; x: number; width: number; imageWidth: number }[];
      };
    }>(BY_KEY, { p: 'shop', k: 'cart.title' });
    expect(data.stringByKey.screenshots).toEqual([
      expect.objectContaining({
        id: answer.body.id,
        url: `/api/screenshots/${answer.body.id}`,
        x: 10,
        width: 100,
        imageWidth: 800,
      }),
    ]);
    const served = await image(null, data.stringByKey.screenshots[0]!.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(sent)).toBe(true);
  });

  it('answers screenshots wherever a string is read: a page, one string, the next one, a lock', async () => {
    type Shot = { id: string; x: number };
    type Node = { id: string; key: string; screenshots: Shot[] };
    const page = await volunteer.ok<{ strings: { edges: { node: Node }[] } }>(
      `query { strings(project: "shop", locale: "de", first: 10) {
         edges { node { id key screenshots { id x } } } } }`,
    );
    const byKey = new Map(page.strings.edges.map((e) => [e.node.key, e.node]));
    const title = byKey.get('cart.title')!;
    expect(title.screenshots).toEqual([{ id: expect.any(String), x: 10 }]);
    expect(byKey.get('cart.empty')!.screenshots).toEqual([{ id: title.screenshots[0]!.id, x: 0 }]);
    // Through a fragment as well.
    const viaFragment = await volunteer.ok<{ strings: { edges: { node: Node }[] } }>(
      `query { strings(project: "shop", locale: "de", first: 1) { edges { node { ...S } } } }
       fragment S on TranslatableString { id key screenshots { id x } }`,
    );
    expect(viaFragment.strings.edges[0]!.node).toEqual(title);
    const one = await volunteer.ok<{ string: Node }>(
      `query($id: ID!) { string(id: $id, locale: "de") { id key screenshots { id x } } }`,
      { id: title.id },
    );
    expect(one.string).toEqual(title);
    const next = await volunteer.ok<{ nextString: Node }>(
      'query { nextString(project: "shop", locale: "de") { id key screenshots { id x } } }',
    );
    expect(next.nextString).toEqual(byKey.get(next.nextString.key));
    const LOCK = `mutation($id: ID!, $l: Boolean!) {
      lockString(stringId: $id, locale: "de", locked: $l) { id key screenshots { id x } } }`;
    expect(
      (await owner.ok<{ lockString: Node }>(LOCK, { id: title.id, l: true })).lockString,
    ).toEqual(title);
    await owner.ok(LOCK, { id: title.id, l: false });
  });

  it('keeps the newest three screenshots of a key and drops older images', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await upload(volunteer, 'shop', {
        regions: [{ ...REGION, key: 'cart.empty' }],
      });
      ids.push(answer.body.id ?? '');
    }
    const data = await owner.ok<{ stringByKey: { screenshots: { id: string }[] } }>(BY_KEY, {
      p: 'shop',
      k: 'cart.empty',
    });
    expect(data.stringByKey.screenshots.map((s) => s.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect((await image(owner, `/api/screenshots/${ids[0]}`)).status).toBe(404);
  });

  it('refuses a project whose owner has not enabled screenshots', async () => {
    expect(await upload(volunteer, 'closed')).toMatchObject({
      status: 403,
      code: 'SCREENSHOTS_DISABLED',
    });
  });

  it('refuses anonymous callers, non-members of a private project and cookie writes without the CSRF header', async () => {
    expect(await upload(null, 'shop')).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await upload(stranger, 'secret')).toMatchObject({
      status: 404,
      code: 'PROJECT_NOT_FOUND',
    });
    expect(await upload(volunteer, 'shop', { csrf: false })).toMatchObject({
      status: 403,
      code: 'CSRF_REJECTED',
    });
  });

  it('refuses wrong types, forged magic bytes, too large images and bad regions with clear codes', async () => {
    const text = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect(await upload(volunteer, 'shop', { image: text, type: 'image/png' })).toMatchObject({
      status: 415,
      code: 'INVALID_IMAGE',
    });
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0, 0, 0,
    ]);
    expect(await upload(volunteer, 'shop', { image: jpeg, type: 'image/png' })).toMatchObject({
      status: 415,
      code: 'INVALID_IMAGE',
    });
    expect(await upload(volunteer, 'shop', { image: png(800, 600, 17 * 1024) })).toMatchObject({
      status: 413,
      code: 'SCREENSHOT_TOO_LARGE',
    });
    const many = Array.from({ length: 501 }, (_, i) => ({ ...REGION, key: `k${i}` }));
    const tooMany = await upload(volunteer, 'shop', { regions: many });
    expect(tooMany).toMatchObject({ status: 400, code: 'INVALID_REGIONS' });
    const outside = await upload(volunteer, 'shop', { regions: [{ ...REGION, x: 750 }] });
    expect(outside).toMatchObject({ status: 400, code: 'INVALID_REGIONS' });
    const fractional = await upload(volunteer, 'shop', { regions: [{ ...REGION, y: 1.5 }] });
    expect(fractional).toMatchObject({ status: 400, code: 'INVALID_REGIONS' });
  });

  it('rate-limits uploads per user (RATE_LIMIT_SCREENSHOTS)', async () => {
    const burst = (await signedInClient(api.baseUrl, 'burst')).client;
    for (let i = 0; i < 20; i += 1) expect((await upload(burst, 'closed')).status).toBe(403);
    expect(await upload(burst, 'closed')).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it("serves a private project's screenshots to its members only", async () => {
    const memberId = (
      await ds.query<{ id: string }[]>(`SELECT id FROM "user" WHERE display_name = 'volunteer'`)
    )[0]!.id;
    const secret = (
      await ds.query<{ id: string }[]>(`SELECT id FROM project WHERE slug = 'secret'`)
    )[0]!.id;
    await addMember(ds, secret, memberId, 'translator', 'de');
    const answer = await upload(volunteer, 'secret');
    expect(answer.status).toBe(201);
    const url = `/api/screenshots/${answer.body.id}`;
    expect((await image(null, url)).status).toBe(404);
    expect((await image(stranger, url)).status).toBe(404);
    expect((await image(volunteer, url)).status).toBe(200);
    expect((await image(null, '/api/screenshots/not-a-uuid')).status).toBe(404);
    expect(await stranger.errorCode(BY_KEY, { p: 'secret', k: 'cart.title' })).toBe(
      'PROJECT_NOT_FOUND',
    );
  });
});
