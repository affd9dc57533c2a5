import { EXIT, run, type CliIo } from './program';

const issue = (n: number) => ({
  id: `00000000-0000-0000-0000-00000000000${n}`,
  stringKey: `cart.title${n}`,
  createdAt: '2026-12-01T10:00:00.000Z',
  commentCount: 2,
  officialAnswer:
    n === 1 ? { body: 'An unsent\nmessage.', authorName: 'Dev', official: true } : null,
  comments: [{ body: 'What does "Draft" mean?', authorName: 'Ada', official: false }],
});

describe('chorus issues', () => {
  let out: string[];
  let calls: { url: string; auth: string | null }[];
  const io = (fetchImpl: CliIo['fetch']): CliIo => ({
    out: (t) => out.push(t),
    err: () => undefined,
    env: { CHORUS_URL: 'http://chorus.test', CHORUS_TOKEN: 'chorus_x' },
    fetch: fetchImpl,
    sleep: () => Promise.resolve(),
  });
  /** Two pages: the CLI follows nextCursor. */
  const server = ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({
      url: url.pathname + url.search,
      auth: new Headers(init?.headers).get('authorization'),
    });
    if (url.pathname !== '/api/projects/shop/issues')
      return Promise.resolve(
        Response.json({ error: { code: 'PROJECT_NOT_FOUND', message: 'nope' } }, { status: 404 }),
      );
    const second = url.searchParams.get('after') !== null;
    return Promise.resolve(
      Response.json(
        second
          ? { items: [issue(2)], nextCursor: null }
          : { items: [issue(1)], nextCursor: issue(1).id },
      ),
    );
  }) as CliIo['fetch'];

  beforeEach(() => {
    out = [];
    calls = [];
  });

  it('lists every page of source issues with the question and the official answer', async () => {
    await expect(run(['issues', '-p', 'shop'], io(server))).resolves.toBe(EXIT.ok);
    expect(calls.map((c) => c.url)).toEqual([
      '/api/projects/shop/issues?first=100',
      `/api/projects/shop/issues?first=100&after=${issue(1).id}`,
    ]);
    expect(calls[0]!.auth).toBe('Bearer chorus_x');
    expect(out.join('')).toBe(
      [
        'shop: 2 source issue(s)',
        '  cart.title1  (2 comment(s))',
        '    ? Ada: What does "Draft" mean?',
        '    ✓ Dev: An unsent message.',
        '  cart.title2  (2 comment(s))',
        '    ? Ada: What does "Draft" mean?',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with --json, and fails like the other commands on a server error', async () => {
    await expect(run(['--json', 'issues', '-p', 'shop'], io(server))).resolves.toBe(EXIT.ok);
    const parsed = JSON.parse(out.join('')) as { issues: { stringKey: string }[] };
    expect(parsed.issues.map((i) => i.stringKey)).toEqual(['cart.title1', 'cart.title2']);
    await expect(run(['issues', '-p', 'nope'], io(server))).resolves.not.toBe(EXIT.ok);
  });
});
