import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targetOf } from './commands/push';
import { RETRY_BUDGET_MS } from './http';
import { EXIT, run, type CliIo } from './program';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const PL = '{\n  "cart": {\n    "empty": "Pusty"\n  },\n  "title": "Sklep"\n}\n';
const EN =
  '{\n  "cart": {\n    "empty": "Empty",\n    "more": "More"\n  },\n  "title": "Shop"\n}\n';

function manifest() {
  const b = (locale: string, text: string, units: number) => ({
    contentHash: sha(text),
    shortHash: sha(text).slice(0, 12),
    path: `${locale}/translation.${sha(text).slice(0, 12)}.json`,
    keys: String(units),
    units: String(units),
    totalUnits: '3',
  });
  return {
    project: 'shop',
    sourceLocale: 'en',
    bundleSetHash: 'f'.repeat(64),
    namespaces: ['translation'],
    locales: { en: { coverage: '100.0' }, pl: { coverage: '66.6' } },
    bundles: { 'en/translation': b('en', EN, 3), 'pl/translation': b('pl', PL, 2) },
  };
}

/** A fake server: manifest, hashed bundles, an import endpoint that queues, and a job. */
function server(
  calls: { url: string; init?: RequestInit }[],
  overrides: Record<string, Response> = {},
) {
  return (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    calls.push({ url, ...(init === undefined ? {} : { init }) });
    const path = new URL(url).pathname;
    const override = overrides[path];
    if (override !== undefined) return Promise.resolve(override.clone());
    const m = manifest();
    if (path === '/bundles/shop/manifest.json') return Promise.resolve(Response.json(m));
    for (const [key, text] of [
      ['en', EN],
      ['pl', PL],
    ] as const) {
      if (path === `/bundles/shop/${m.bundles[`${key}/translation`].path}`)
        return Promise.resolve(new Response(text));
    }
    if (path.startsWith('/api/projects/shop/catalogues/'))
      return Promise.resolve(Response.json({ jobId: 'job-1' }, { status: 202 }));
    if (path === '/api/jobs/job-1') {
      const result = {
        namespace: 'translation',
        locale: 'pl',
        kind: 'translations',
        added: 2,
        changed: 0,
        removed: 0,
        unchanged: 0,
        imported: 2,
        skipped: 0,
        warnings: [{ code: 'EMPTY_VALUE', message: 'empty', key: 'x', line: 3 }],
      };
      return Promise.resolve(Response.json({ state: 'completed', progress: 100, result }));
    }
    return Promise.resolve(
      Response.json({ error: { code: 'NOT_FOUND', message: 'nope' } }, { status: 404 }),
    );
  };
}

describe('chorus pull, status, push', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  let calls: { url: string; init?: RequestInit }[];
  const io = (fetchImpl: CliIo['fetch'], env: Record<string, string> = {}): CliIo => ({
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { CHORUS_URL: 'http://chorus.test', CHORUS_TOKEN: 'chorus_x', ...env },
    fetch: fetchImpl,
    cwd: dir,
    sleep: () => Promise.resolve(),
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chorus-cli-'));
    out = [];
    err = [];
    calls = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('pulls every bundle by its hashed URL with the token, and writes a stable lock', async () => {
    const fetchImpl = server(calls) as CliIo['fetch'];
    await expect(run(['pull', '-p', 'shop', '-o', 'locales'], io(fetchImpl))).resolves.toBe(
      EXIT.ok,
    );
    expect(readFileSync(join(dir, 'locales/pl/translation.json'), 'utf8')).toBe(PL);
    const lock = readFileSync(join(dir, 'chorus.lock.json'), 'utf8');
    expect(JSON.parse(lock)).toEqual({
      bundleSetHash: 'f'.repeat(64),
      files: { 'locales/en/translation.json': sha(EN), 'locales/pl/translation.json': sha(PL) },
      format: 'nested',
      project: 'shop',
    });
    expect(new Headers(calls[1]?.init?.headers).get('authorization')).toBe('Bearer chorus_x');
    expect(calls.map((c) => new URL(c.url).pathname)[1]).toMatch(
      /\/en\/translation\.[0-9a-f]{12}\.json$/,
    );
    expect(err.join('')).toContain('pull 2/2 pl/translation.json');
    await run(['pull', '-p', 'shop', '-o', 'locales'], io(fetchImpl));
    expect(readFileSync(join(dir, 'chorus.lock.json'), 'utf8')).toBe(lock);
  });

  it('exits 2 below --min-coverage and 0 at or under the real coverage', async () => {
    const fetchImpl = server(calls) as CliIo['fetch'];
    await expect(
      run(['pull', '-p', 'shop', '-o', 'l', '--min-coverage', '66.6'], io(fetchImpl)),
    ).resolves.toBe(EXIT.ok);
    await expect(
      run(['pull', '-p', 'shop', '-o', 'l', '--min-coverage', '90'], io(fetchImpl)),
    ).resolves.toBe(EXIT.coverage);
    expect(err.join('')).toContain(
      'chorus: pl coverage 66.6% is below --min-coverage 90% (2/3 strings)',
    );
    await expect(
      run(['pull', '-p', 'shop', '-o', 'l', '--min-coverage', '101'], io(fetchImpl)),
    ).resolves.toBe(EXIT.usage);
  });

  it('re-serializes with flat keys on --format flat', async () => {
    await run(
      ['pull', '-p', 'shop', '-o', 'l', '--format', 'flat', '--locales', 'pl'],
      io(server(calls) as CliIo['fetch']),
    );
    expect(readFileSync(join(dir, 'l/pl/translation.json'), 'utf8')).toBe(
      '{\n  "cart.empty": "Pusty",\n  "title": "Sklep"\n}\n',
    );
  });

  it('refuses unknown locales with exit 1', async () => {
    await expect(
      run(
        ['pull', '-p', 'shop', '-o', 'l', '--locales', 'xx'],
        io(server(calls) as CliIo['fetch']),
      ),
    ).resolves.toBe(EXIT.usage);
    expect(err.join('')).toBe('chorus: unknown locale(s): xx (the project has en, pl)\n');
  });

  it('verifies a checkout against the lock, listing changed and missing files (exit 2)', async () => {
    const fetchImpl = server(calls) as CliIo['fetch'];
    await run(['pull', '-p', 'shop', '-o', 'l'], io(fetchImpl));
    await expect(run(['pull', '--verify'], io(fetchImpl))).resolves.toBe(EXIT.ok);
    writeFileSync(join(dir, 'l/pl/translation.json'), '{}\n');
    rmSync(join(dir, 'l/en/translation.json'));
    err = [];
    await expect(run(['pull', '--verify'], io(fetchImpl))).resolves.toBe(EXIT.coverage);
    expect(err.join('')).toContain('l/pl/translation.json: changed');
    expect(err.join('')).toContain('l/en/translation.json: missing');
    expect(calls.length).toBe(3); // verify never calls the server
  });

  it('maps 401/403 to exit 3 and 5xx or no answer to exit 4, with one-line messages', async () => {
    const denied = server(calls, {
      '/bundles/shop/manifest.json': Response.json(
        { error: { code: 'INVALID_TOKEN', message: 'The API token is unknown or revoked.' } },
        { status: 401 },
      ),
    }) as CliIo['fetch'];
    await expect(run(['status', '-p', 'shop'], io(denied))).resolves.toBe(EXIT.auth);
    expect(err.join('')).toBe('chorus: The API token is unknown or revoked. (INVALID_TOKEN)\n');
    err = [];
    const broken = server(calls, {
      '/bundles/shop/manifest.json': Response.json(
        { error: { code: 'INTERNAL_SERVER_ERROR', message: 'boom' } },
        { status: 500 },
      ),
    }) as CliIo['fetch'];
    await expect(run(['status', '-p', 'shop'], io(broken))).resolves.toBe(EXIT.server);
    err = [];
    const refused = (() =>
      Promise.reject(
        Object.assign(new TypeError('fetch failed'), {
          cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
        }),
      )) as CliIo['fetch'];
    await expect(run(['status', '-p', 'shop'], io(refused))).resolves.toBe(EXIT.server);
    expect(err.join('')).toBe('chorus: cannot reach http://chorus.test: ECONNREFUSED\n');
  });

  it('waits on 503 + Retry-After for bundles being built, within a bounded budget', async () => {
    const slept: number[] = [];
    const inner = server(calls);
    let notReady = 2;
    const building = ((input: string | URL | Request, init?: RequestInit) => {
      if (new URL(String(input)).pathname === '/bundles/shop/manifest.json' && notReady > 0) {
        notReady -= 1;
        calls.push({ url: String(input) });
        return Promise.resolve(
          Response.json(
            { error: { code: 'BUNDLE_NOT_READY', message: 'being built' } },
            { status: 503, headers: { 'retry-after': '2' } },
          ),
        );
      }
      return inner(input, init);
    }) as CliIo['fetch'];
    const waiting = { ...io(building), sleep: (ms: number) => (slept.push(ms), Promise.resolve()) };
    await expect(run(['pull', '-p', 'shop', '-o', 'l'], waiting)).resolves.toBe(EXIT.ok);
    expect(slept).toEqual([2_000, 2_000]);
    // The pull asks for a build that includes its pushes.
    expect(calls[0]?.url).toBe('http://chorus.test/bundles/shop/manifest.json?fresh=1');

    slept.length = 0;
    err = [];
    const never = server(calls, {
      '/bundles/shop/manifest.json': Response.json(
        { error: { code: 'BUNDLE_NOT_READY', message: 'being built' } },
        { status: 503, headers: { 'retry-after': '30' } },
      ),
    }) as CliIo['fetch'];
    const stuck = { ...io(never), sleep: (ms: number) => (slept.push(ms), Promise.resolve()) };
    await expect(run(['pull', '-p', 'shop', '-o', 'l'], stuck)).resolves.toBe(EXIT.server);
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(RETRY_BUDGET_MS);
    expect(err.join('')).toContain('(BUNDLE_NOT_READY)');
  });

  it('prints coverage per locale, or JSON', async () => {
    await run(['status', '-p', 'shop'], io(server(calls) as CliIo['fetch']));
    expect(out.join('')).toContain('  pl       66.6%  2/3');
    out = [];
    await run(['--json', 'status', '-p', 'shop'], io(server(calls) as CliIo['fetch']));
    expect(JSON.parse(out.join('')).locales).toEqual([
      { locale: 'en', units: 3, totalUnits: 3, coverage: 100 },
      { locale: 'pl', units: 2, totalUnits: 3, coverage: 66.6 },
    ]);
  });

  it('pushes a file, waits for a queued import and prints its counts and warnings', async () => {
    writeFileSync(join(dir, 'pl.json'), '{"title":"Sklep"}');
    await expect(
      run(
        ['push', 'pl.json', '-p', 'shop', '-n', 'translation'],
        io(server(calls) as CliIo['fetch']),
      ),
    ).resolves.toBe(EXIT.ok);
    const post = calls.find((c) => c.init?.method === 'POST');
    expect(post?.url).toBe(
      'http://chorus.test/api/projects/shop/catalogues/translation?locale=pl&warnings=all',
    );
    expect(new Headers(post?.init?.headers).get('content-type')).toBe('application/json');
    expect(out.join('')).toContain('pl.json → translation (pl, translations): 2 imported, 2 added');
    expect(err.join('')).toContain('warning EMPTY_VALUE (key "x", line 3): empty');
    await expect(
      run(['push', 'missing.json', '-p', 'shop'], io(server(calls) as CliIo['fetch'])),
    ).resolves.toBe(EXIT.usage);
  });

  it('infers namespace and locale from the path', () => {
    expect(targetOf('/app/locales/de/common.json', {})).toEqual({
      namespace: 'common',
      locale: 'de',
    });
    expect(targetOf('/app/i18n/common.json', {})).toEqual({ namespace: 'common' });
    expect(targetOf('/app/i18n/pt-BR.json', { namespace: 'translation' })).toEqual({
      namespace: 'translation',
      locale: 'pt-BR',
    });
    expect(targetOf('/x/en.json', { namespace: 'ns', locale: 'fr' })).toEqual({
      namespace: 'ns',
      locale: 'fr',
    });
  });

  it('draws a progress bar on a TTY', async () => {
    const tty = { ...io(server(calls) as CliIo['fetch']), errIsTty: true, columns: 80 };
    await run(['pull', '-p', 'shop', '-o', 'l'], tty);
    expect(err.join('')).toContain(
      '\r\x1b[2Kpull ██████████████████████████████ 2/2 pl/translation.json',
    );
  });
});
