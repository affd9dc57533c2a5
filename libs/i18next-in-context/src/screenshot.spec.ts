import { ChorusApiError, ChorusClient, type FetchLike } from './api-client';
import { clipRegions, MAX_UPLOAD_REGIONS } from './screenshot';

describe('clipRegions', () => {
  const viewport = { width: 800, height: 600 };
  const region = {
    ns: 'translation',
    key: 'cart.title',
    x: 10.4,
    y: 20.6,
    width: 99.2,
    height: 30,
  };

  it('rounds outwards to whole pixels and renames ns to namespace', () => {
    expect(clipRegions([region], viewport)).toEqual([
      { namespace: 'translation', key: 'cart.title', x: 10, y: 20, width: 100, height: 31 },
    ]);
  });

  it('keeps the visible part of a key half off screen and drops keys out of view', () => {
    const out = clipRegions(
      [
        { ...region, key: 'left', x: -50, width: 100 },
        { ...region, key: 'below', y: 700 },
        { ...region, key: 'right', x: 780, width: 100 },
        { ...region, key: 'zero', width: 0 },
      ],
      viewport,
    );
    expect(out).toEqual([
      expect.objectContaining({ key: 'left', x: 0, width: 50 }),
      expect.objectContaining({ key: 'right', x: 780, width: 20 }),
    ]);
  });

  it('keeps the first region of a key and at most the regions Chorus accepts', () => {
    expect(clipRegions([region, { ...region, x: 300 }], viewport)).toHaveLength(1);
    const many = Array.from({ length: 600 }, (_, i) => ({ ...region, key: `k${i}` }));
    expect(clipRegions(many, viewport)).toHaveLength(MAX_UPLOAD_REGIONS);
  });
});

/** jsdom has no Response: the client reads only ok, status and json(). */
function reply(body: unknown, status = 200): Promise<Response> {
  return Promise.resolve({
    ok: status >= 200 && status < 300,
    status,
    json: () => Promise.resolve(body),
  } as unknown as Response);
}

describe('ChorusClient.uploadScreenshot', () => {
  const regions = [{ namespace: 'translation', key: 'a', x: 0, y: 0, width: 5, height: 5 }];

  it('posts multipart image + regions with the session cookie and the CSRF header', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return reply({ id: 'shot-1', regions: 1 }, 201);
    };
    const client = new ChorusClient('https://chorus.test/', fetchImpl);
    const image = new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' });
    await expect(client.uploadScreenshot('my shop', image, regions)).resolves.toEqual({
      id: 'shot-1',
      regions: 1,
    });
    const call = calls[0]!;
    expect(call.url).toBe('https://chorus.test/api/projects/my%20shop/screenshots');
    expect(call.init).toMatchObject({
      method: 'POST',
      credentials: 'include',
      headers: { 'x-chorus-csrf': '1' },
    });
    const form = call.init.body as FormData;
    expect(JSON.parse(form.get('regions') as string)).toEqual(regions);
    const sent = form.get('image') as Blob;
    expect(sent.type).toBe('image/png');
    expect(sent.size).toBe(2);
  });

  it("raises Chorus's error code", async () => {
    const fetchImpl: FetchLike = () =>
      reply({ error: { code: 'SCREENSHOTS_DISABLED', message: 'Not enabled.' } }, 403);
    const client = new ChorusClient('https://chorus.test', fetchImpl);
    const failure = client.uploadScreenshot('shop', new Blob([]), regions);
    await expect(failure).rejects.toBeInstanceOf(ChorusApiError);
    await expect(failure).rejects.toMatchObject({ code: 'SCREENSHOTS_DISABLED' });
  });

  it('reads whether the owner allows screenshots, false when the query fails', async () => {
    const answer =
      (body: unknown): FetchLike =>
      () =>
        reply(body);
    const allowed = new ChorusClient(
      'https://c.test',
      answer({ data: { project: { inContextScreenshots: true } } }),
    );
    expect(await allowed.screenshotsAllowed('shop')).toBe(true);
    const failing = new ChorusClient('https://c.test', answer({ errors: [{ message: 'no' }] }));
    expect(await failing.screenshotsAllowed('shop')).toBe(false);
  });
});
