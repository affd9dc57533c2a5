// W6 web cold load: a 20k-key locale bundle served by the API (/bundles/<project>/<lng>/<ns>.json,
// built by the worker from imported winners), loaded in Chromium by i18next + i18next-http-backend,
// against fetch + JSON.parse of the same bytes from the same URL in the same browser.
// Run: npm run bench -- w6-web-cold-load [--full] [--keys=N --trials=N] [--source]
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { nestedCatalogue, push, sourceText, targetText } from './w1-import';
import {
  type BenchRow,
  flag,
  fmtMs,
  isFull,
  machine,
  printRows,
  record,
  table,
} from './support/report';
import { seedProject, seedPushToken } from './support/seed';
import {
  type BenchEnv,
  type ChorusProcess,
  REPO_ROOT,
  benchEnv,
  createBenchDatabase,
  ensureBuilt,
  pollUntil,
  startApiProcess,
  startAll,
  startWorkerProcess,
} from './support/stack';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface W6Options {
  readonly env: BenchEnv;
  readonly keys: number;
  readonly trials: number;
  readonly log?: (line: string) => void;
}

export interface W6Result {
  readonly keys: number;
  readonly bytes: number;
  /** Leaves of the bundle i18next loaded (must equal keys). */
  readonly loadedKeys: number;
  /** Median navigation → bundle in i18next. */
  readonly i18nextMs: number;
  /** Median navigation → fetch + JSON.parse of the same URL done. */
  readonly floorMs: number;
  /** Median JSON.parse alone, in the page. */
  readonly parseMs: number;
  readonly trials: number;
}

function countLeaves(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1;
  return Object.values(value).reduce<number>((n, v) => n + countLeaves(v), 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The page: both modes load the same two scripts, then either i18next or fetch + JSON.parse. */
function page(mode: 'i18next' | 'parse', bundleUrl: string): string {
  const run =
    mode === 'i18next'
      ? `i18next.use(i18nextHttpBackend).init({
           lng: 'pl', fallbackLng: false, ns: ['translation'], defaultNS: 'translation',
           backend: { loadPath: ${JSON.stringify(bundleUrl.replace('/pl/translation.json', '/{{lng}}/{{ns}}.json'))} },
         }).then(() => {
           const done = performance.now();
           const bundle = i18next.getResourceBundle('pl', 'translation');
           window.__done = { ms: done, bundle: JSON.stringify(bundle).length, probe: i18next.t('section0.group0.key0') };
         });`
      : `fetch(${JSON.stringify(bundleUrl)}).then((r) => r.text()).then((text) => {
           const p0 = performance.now();
           const bundle = JSON.parse(text);
           const done = performance.now();
           window.__done = { ms: done, parseMs: done - p0, bytes: text.length, probe: bundle.section0.group0.key0 };
         });`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>W6</title>
<script src="/i18next.js"></script><script src="/backend.js"></script></head>
<body><script>${run}</script></body></html>`;
}

async function servePages(bundleUrl: string): Promise<{ server: Server; origin: string }> {
  const scripts: Record<string, string> = {
    '/i18next.js': readFileSync(
      join(REPO_ROOT, 'node_modules/i18next/dist/umd/i18next.min.js'),
      'utf8',
    ),
    '/backend.js': readFileSync(
      join(REPO_ROOT, 'node_modules/i18next-http-backend/i18nextHttpBackend.min.js'),
      'utf8',
    ),
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const script = scripts[path];
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(script);
      return;
    }
    const mode = path === '/i18next.html' ? 'i18next' : path === '/parse.html' ? 'parse' : null;
    if (mode === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end(page(mode, bundleUrl));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function runW6WebColdLoad(options: W6Options): Promise<W6Result> {
  const log = options.log ?? (() => undefined);
  const database = await createBenchDatabase(options.env);
  const procs: ChorusProcess[] = [];
  let server: Server | null = null;
  try {
    const [api, worker] = await startAll(procs, [
      () => startApiProcess({ env: options.env, database }),
      () => startWorkerProcess({ env: options.env, database }),
    ]);
    if (api === undefined || worker === undefined) throw new Error('processes did not start');
    const project = await seedProject(database.db, 'w6');
    const token = await seedPushToken(database.db, project);
    await push(api.baseUrl, project.slug, token, 'en', nestedCatalogue(options.keys, sourceText));
    await push(
      api.baseUrl,
      project.slug,
      token,
      'pl',
      nestedCatalogue(options.keys, (i) => targetText('pl', i)),
    );
    const bundleUrl = `${api.baseUrl}/bundles/${project.slug}/pl/translation.json`;
    const bytes = await pollUntil(
      'the pl bundle with every key',
      async () => {
        const res = await fetch(bundleUrl);
        if (res.status !== 200) return 0;
        const text = await res.text();
        return countLeaves(JSON.parse(text)) === options.keys ? text.length : 0;
      },
      (n) => n > 0,
      120_000,
      200,
    );
    log(`bundle ready: ${options.keys} keys, ${bytes} bytes`);

    const pages = await servePages(bundleUrl);
    server = pages.server;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const i18n: number[] = [];
    const floor: number[] = [];
    const parse: number[] = [];
    let loadedKeys = 0;
    try {
      const trial = async (mode: 'i18next' | 'parse'): Promise<Record<string, number | string>> => {
        const context = await browser.newContext();
        try {
          const tab = await context.newPage();
          await tab.goto(`${pages.origin}/${mode}.html`);
          await tab.waitForFunction(
            () => (globalThis as { __done?: unknown }).__done !== undefined,
            {
              timeout: 60_000,
            },
          );
          return await tab.evaluate(
            () => (globalThis as unknown as { __done: Record<string, number | string> }).__done,
          );
        } finally {
          await context.close();
        }
      };
      // One warm-up of each (browser start-up, code caches), then alternate.
      await trial('parse');
      await trial('i18next');
      for (let t = 0; t < options.trials; t += 1) {
        const p = await trial('parse');
        floor.push(Number(p['ms']));
        parse.push(Number(p['parseMs']));
        const q = await trial('i18next');
        i18n.push(Number(q['ms']));
        if (q['probe'] !== targetText('pl', 0)) throw new Error(`i18next gave ${q['probe']}`);
      }
      const check = await browser.newContext();
      try {
        const tab = await check.newPage();
        await tab.goto(`${pages.origin}/i18next.html`);
        await tab.waitForFunction(() => (globalThis as { __done?: unknown }).__done !== undefined);
        loadedKeys = await tab.evaluate(() => {
          const count = (v: unknown): number =>
            typeof v === 'object' && v !== null
              ? Object.values(v).reduce<number>((n, x) => n + count(x), 0)
              : 1;
          const w = globalThis as unknown as {
            i18next: { getResourceBundle(l: string, n: string): unknown };
          };
          return count(w.i18next.getResourceBundle('pl', 'translation'));
        });
      } finally {
        await check.close();
      }
    } finally {
      await browser.close();
    }
    return {
      keys: options.keys,
      bytes,
      loadedKeys,
      i18nextMs: median(i18n),
      floorMs: median(floor),
      parseMs: median(parse),
      trials: options.trials,
    };
  } finally {
    if (server !== null) server.close();
    for (const p of procs.reverse()) await p.stop();
    await database.drop();
  }
}

export function w6Row(r: W6Result | null, keys: number, full: boolean): BenchRow {
  if (r === null)
    return {
      scenario: 'W6 web cold load',
      size: `${keys / 1000}k-key locale`,
      floor: '—',
      result: `skipped: no ${CHROMIUM}`,
      ratio: '—',
      goal: '≤ 1.2×',
      pass: null,
    };
  const ratio = r.i18nextMs / r.floorMs;
  return {
    scenario: 'W6 web cold load',
    size: `${r.keys / 1000}k-key locale, ${(r.bytes / 1024).toFixed(0)} KiB, median of ${r.trials}${full ? ', full' : ''}`,
    floor: `${fmtMs(r.floorMs)} (JSON.parse alone ${fmtMs(r.parseMs)})`,
    result: `${fmtMs(r.i18nextMs)}; ${r.loadedKeys} keys loaded`,
    ratio: `${ratio.toFixed(2)}×`,
    goal: '≤ 1.2×',
    pass: ratio <= 1.2 && r.loadedKeys === r.keys,
  };
}

async function main(): Promise<void> {
  const env = benchEnv();
  const full = isFull();
  const keys = flag('keys', 20_000);
  let result: W6Result | null = null;
  if (!chromiumAvailable()) console.log(`skipped: ${CHROMIUM} is not installed`);
  else {
    ensureBuilt(env, console.log);
    result = await runW6WebColdLoad({ env, keys, trials: flag('trials', 7), log: console.log });
  }
  const rows = [w6Row(result, keys, full)];
  printRows(rows);
  const body = [
    'Chromium (playwright-core, `/usr/bin/chromium`, headless, fresh context per trial: cold HTTP cache) opens a tiny',
    'page that loads i18next and i18next-http-backend (UMD builds) and inits with `lng: pl`, the backend pointing at',
    "the API's plain bundle URL; result = navigation start → `init()` resolved with the bundle in the store.",
    'Floor = the same page and scripts, but `fetch` + `JSON.parse` of the same URL (the same bytes) instead of i18next.',
    'The bundle is built by the worker from an import through HTTP. Median of the trials after one warm-up each.',
    '',
    table(rows),
  ].join('\n');
  await record('## W6 web cold load', body, rows, await machine(env));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
