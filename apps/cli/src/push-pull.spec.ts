import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLL_FIRST_MS, POLL_WAIT_SECONDS, PUSH_CONCURRENCY, pushPlan } from './commands/push';
import { EXIT, run, type CliIo } from './program';

// Issue 16: formats, warning reports, push order and speed, flat pulls, where the lock goes.

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

interface Call {
  readonly url: URL;
  readonly init?: RequestInit;
}

function result(locale: string, warnings: { code: string; message: string }[] = []) {
  return {
    namespace: 'translation',
    locale,
    kind: locale === 'en' ? 'source' : 'translations',
    added: 1,
    changed: 0,
    removed: 0,
    unchanged: 0,
    imported: 1,
    skipped: 0,
    warnings,
    warningCount: warnings.length,
    warningsTruncated: false,
    jsonFormat: 'v3',
  };
}

describe('chorus push and pull (issue 16)', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  let calls: Call[];
  const io = (fetchImpl: CliIo['fetch'], extra: Partial<CliIo> = {}): CliIo => ({
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { CHORUS_URL: 'http://chorus.test', CHORUS_TOKEN: 'chorus_x' },
    fetch: fetchImpl,
    cwd: dir,
    sleep: () => Promise.resolve(),
    ...extra,
  });
  const record = (input: string | URL | Request, init?: RequestInit): URL => {
    const url = new URL(String(input));
    calls.push({ url, ...(init === undefined ? {} : { init }) });
    return url;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chorus-cli16-'));
    out = [];
    err = [];
    calls = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sends --json-format as format=, asks for every warning, and refuses unknown options', async () => {
    writeFileSync(join(dir, 'en.json'), '{"item":"an item","item_plural":"items"}');
    const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => {
      record(input, init);
      return Promise.resolve(Response.json(result('en')));
    }) as CliIo['fetch'];
    await expect(
      run(
        ['push', 'en.json', '-p', 'shop', '-n', 'translation', '--json-format', 'v3'],
        io(fetchImpl),
      ),
    ).resolves.toBe(EXIT.ok);
    const query = calls[0]?.url.searchParams;
    expect(query?.get('format')).toBe('v3');
    expect(query?.get('warnings')).toBe('all');
    expect(out.join('')).toContain('(en, source, read as v3)');
    await expect(
      run(['push', 'en.json', '-p', 'shop', '--json-format', 'v5'], io(fetchImpl)),
    ).resolves.toBe(EXIT.usage);
    await expect(
      run(['push', 'en.json', '-p', 'shop', '--jsonFormat', 'v3'], io(fetchImpl)),
    ).resolves.toBe(EXIT.usage);
    expect(err.join('')).toContain("unknown option '--jsonFormat'");
  });

  it('prints warnings by code and writes every one to --report', async () => {
    writeFileSync(join(dir, 'pl.json'), '{}');
    const warnings = [
      ...Array.from({ length: 250 }, (_, i) => ({
        code: 'PLURAL_FORMS_INCOMPLETE',
        message: `m${i}`,
      })),
      { code: 'EMPTY_VALUE', message: 'empty' },
    ];
    const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => {
      record(input, init);
      return Promise.resolve(Response.json(result('pl', warnings)));
    }) as CliIo['fetch'];
    await expect(
      run(
        [
          'push',
          'pl.json',
          '-p',
          'shop',
          '-n',
          'translation',
          '--report',
          'out/import-report.json',
        ],
        io(fetchImpl),
      ),
    ).resolves.toBe(EXIT.ok);
    const text = err.join('');
    expect(text).toContain('warnings by code: 250 PLURAL_FORMS_INCOMPLETE, 1 EMPTY_VALUE');
    expect(text).toContain('… and 246 more warning(s) in out/import-report.json');
    const report = JSON.parse(readFileSync(join(dir, 'out/import-report.json'), 'utf8')) as {
      files: { file: string; warningCount: number; warningsByCode: object; warnings: unknown[] }[];
    };
    expect(report.files[0]).toMatchObject({
      file: 'pl.json',
      warningCount: 251,
      warningsByCode: { PLURAL_FORMS_INCOMPLETE: 250, EMPTY_VALUE: 1 },
    });
    expect(report.files[0]?.warnings).toHaveLength(251);
    err = [];
    await run(['push', 'pl.json', '-p', 'shop', '-n', 'translation'], io(fetchImpl));
    expect(err.join('')).toContain('(write them all with --report <file>)');
  });

  it("pushes a namespace's first file alone, then the others at most 4 at a time", async () => {
    const locales = ['en', 'de', 'fr', 'pl', 'cs', 'ja', 'ko'];
    for (const l of locales) writeFileSync(join(dir, `${l}.json`), '{}');
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    const gates: (() => void)[] = [];
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = record(input, init);
      const locale = url.searchParams.get('locale') ?? '';
      order.push(`start ${locale}`);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      // Hold each request until a later one arrives or the event loop drains, so overlap shows.
      await new Promise<void>((r) => {
        gates.push(r);
        setImmediate(() => gates.shift()?.());
      });
      inFlight -= 1;
      order.push(`end ${locale}`);
      return Response.json(result(locale));
    }) as CliIo['fetch'];
    await expect(
      run(
        ['push', ...locales.map((l) => `${l}.json`), '-p', 'shop', '-n', 'translation'],
        io(fetchImpl),
      ),
    ).resolves.toBe(EXIT.ok);
    expect(order.slice(0, 2)).toEqual(['start en', 'end en']);
    expect(peak).toBe(PUSH_CONCURRENCY);
    // Results are printed in the order the files were given.
    expect(
      out
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.slice(0, 7)),
    ).toEqual(locales.map((l) => `${l}.json`));
    expect(
      pushPlan(
        ['a', 'b', 'c'],
        [{ namespace: 'x' }, { namespace: 'x' }, { namespace: 'x', locale: 'de' }],
      ),
    ).toEqual({
      first: [0, 1],
      rest: [2],
    });
  });

  it('polls a queued import from 25 ms up, never the old 250 ms first wait', async () => {
    writeFileSync(join(dir, 'pl.json'), '{}');
    let polls = 0;
    const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => {
      const url = record(input, init);
      if (url.pathname.startsWith('/api/projects/'))
        return Promise.resolve(Response.json({ jobId: 'job-1' }, { status: 202 }));
      polls += 1;
      return Promise.resolve(
        Response.json(
          polls < 5
            ? { state: 'active', progress: 10 }
            : { state: 'completed', result: result('pl') },
        ),
      );
    }) as CliIo['fetch'];
    const slept: number[] = [];
    const sleep = (ms: number) => (slept.push(ms), Promise.resolve());
    await expect(
      run(['push', 'pl.json', '-p', 'shop', '-n', 'translation'], io(fetchImpl, { sleep })),
    ).resolves.toBe(EXIT.ok);
    expect(slept).toEqual([POLL_FIRST_MS, 38, 57, 86]);
    expect(calls.at(-1)?.url.searchParams.get('warnings')).toBe('all');
  });

  it('asks the server to hold each poll until the job ends, and asks again at once after a held one', async () => {
    writeFileSync(join(dir, 'pl.json'), '{}');
    let polls = 0;
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = record(input, init);
      if (url.pathname.startsWith('/api/projects/'))
        return Response.json({ jobId: 'job-1' }, { status: 202 });
      polls += 1;
      // A server that honours ?wait= answers a running job only after a while.
      await new Promise((r) => setTimeout(r, 2 * POLL_FIRST_MS));
      return Response.json(
        polls < 3
          ? { state: 'active', progress: 10 }
          : { state: 'completed', result: result('pl') },
      );
    }) as CliIo['fetch'];
    const slept: number[] = [];
    const sleep = (ms: number) => (slept.push(ms), Promise.resolve());
    await expect(
      run(['push', 'pl.json', '-p', 'shop', '-n', 'translation'], io(fetchImpl, { sleep })),
    ).resolves.toBe(EXIT.ok);
    expect(polls).toBe(3);
    expect(slept).toEqual([]);
    expect(calls.at(-1)?.url.searchParams.get('wait')).toBe(String(POLL_WAIT_SECONDS));
  });

  it('pulls a flat namespace where one key is a prefix of another with --format flat', async () => {
    const flat =
      '{\n  "Saved": "Gespeichert",\n  "Saved. Reload the page.": "Gespeichert. Seite neu laden."\n}\n';
    const manifest = {
      project: 'shop',
      sourceLocale: 'en',
      bundleSetHash: 'f'.repeat(64),
      namespaces: ['translation'],
      locales: { de: { coverage: '100.0' } },
      bundles: {
        'de/translation': {
          contentHash: sha(flat),
          path: `de/translation.${sha(flat).slice(0, 12)}.json`,
          keys: '2',
          units: '2',
          totalUnits: '2',
        },
      },
    };
    const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => {
      const url = record(input, init);
      if (url.pathname.endsWith('manifest.json')) return Promise.resolve(Response.json(manifest));
      return Promise.resolve(new Response(flat));
    }) as CliIo['fetch'];
    await expect(
      run(['pull', '-p', 'shop', '-o', 'web/public/locales', '--format', 'flat'], io(fetchImpl)),
    ).resolves.toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'web/public/locales/de/translation.json'), 'utf8')).toBe(flat);
  });

  it('writes the lock beside the --out directory, not in the working directory', async () => {
    const text = '{\n  "a": "b"\n}\n';
    const manifest = {
      project: 'shop',
      sourceLocale: 'en',
      bundleSetHash: 'f'.repeat(64),
      namespaces: ['translation'],
      locales: { en: { coverage: '100.0' } },
      bundles: {
        'en/translation': {
          contentHash: sha(text),
          path: `en/translation.${sha(text).slice(0, 12)}.json`,
          keys: '1',
          units: '1',
          totalUnits: '1',
        },
      },
    };
    const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => {
      const url = record(input, init);
      if (url.pathname.endsWith('manifest.json')) return Promise.resolve(Response.json(manifest));
      return Promise.resolve(new Response(text));
    }) as CliIo['fetch'];
    mkdirSync(join(dir, 'ci'));
    const fromCi = { ...io(fetchImpl), cwd: join(dir, 'ci') };
    await expect(run(['pull', '-p', 'shop', '-o', '../app/public/locales'], fromCi)).resolves.toBe(
      EXIT.ok,
    );
    expect(existsSync(join(dir, 'ci/chorus.lock.json'))).toBe(false);
    const lock = JSON.parse(readFileSync(join(dir, 'app/public/chorus.lock.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    expect(lock.files).toEqual({ 'locales/en/translation.json': sha(text) });
    await expect(run(['pull', '--verify', '--out', '../app/public/locales'], fromCi)).resolves.toBe(
      EXIT.ok,
    );
    let help = '';
    await run(['pull', '--help'], { ...fromCi, out: (t) => (help += t) });
    expect(help.replace(/\s+/g, ' ')).toContain(
      'chorus.lock.json in the directory that holds --out',
    );
  });
});
