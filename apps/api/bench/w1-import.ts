// W1 import: a generated nested catalogue (source + target locales) pushed through the real HTTP
// import path with a push token, as `chorus push` does (POST, then poll the job when it is queued);
// then a no-op re-import and a 5%-changed re-import. Floor: COPY FROM STDIN of the same rows into
// the same tables, in the same database, in the same run.
// Run: npm run bench -- w1-import [--full] [--keys N --locales N] [--source] [--cli]
// --cli also pushes the first import's files with the built `chorus push` into a fresh project.
// While iterating: --no-floor / --no-changed skip those phases (nothing is recorded then), and
// --per-file logs each file's time in the no-op re-import.
import { buildSourceUnits, parseI18nextJson, type SourceUnit } from '@chorus/translation-core';
import { dedupeKey } from '@chorus/voting';
import { Queue } from 'bullmq';
import { DELIVERY_QUEUE } from '../src/queue/jobs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { cliPush, ensureCliBuilt } from './support/cli-push';
import { copyChunks, copyIn } from './support/copy';
import {
  type BenchRow,
  flag,
  fmtMb,
  fmtMs,
  fmtRate,
  isFull,
  machine,
  printRows,
  record,
  table,
} from './support/report';
import { seedLocales, seedProject, seedPushToken } from './support/seed';
import {
  type BenchEnv,
  benchEnv,
  createBenchDatabase,
  ensureBuilt,
  must,
  startApiProcess,
  startAll,
  startWorkerProcess,
} from './support/stack';

export interface W1Options {
  readonly env: BenchEnv;
  readonly keys: number;
  readonly locales: number;
  readonly log?: (line: string) => void;
  /** Also push the first import through the real `chorus push` into a fresh project. */
  readonly cli?: boolean;
  /** Skip the COPY floor (--no-floor, while iterating on the import; floorMs is then NaN). */
  readonly skipFloor?: boolean;
  /** Skip the 5%-changed re-import (--no-changed; changedMs is then NaN). */
  readonly skipChanged?: boolean;
  /** Log each file's time in the no-op re-import (--per-file). */
  readonly perFile?: boolean;
}

export interface W1Result {
  readonly keys: number;
  readonly locales: number;
  /** Catalogue entries written: keys × (1 + locales). */
  readonly entries: number;
  readonly floorMs: number;
  readonly importMs: number;
  readonly noopMs: number;
  readonly changedMs: number;
  /** `chorus push` of the same files into a fresh project (null when not run). */
  readonly cliMs: number | null;
  readonly ratio: number;
  readonly apiPeakRssMb: number;
  readonly workerPeakRssMb: number;
  /** Counts after the runs, for the smoke test. */
  readonly sourceStrings: number;
  readonly winners: number;
  readonly noopUnchanged: number;
  readonly changedSource: number;
}

export const TARGET_LOCALES = [
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'sv',
  'pl',
  'cs',
  'ja',
  'da',
  'fi',
  'nb',
  'tr',
  'uk',
  'ko',
  'hu',
  'ro',
  'el',
  'he',
];

/** A nested i18next file: section<i%50>.group<i/50%20>.key<i>, each with a {{name}} placeholder. */
export function nestedCatalogue(keys: number, text: (i: number) => string): string {
  const root: Record<string, Record<string, Record<string, string>>> = {};
  for (let i = 0; i < keys; i += 1) {
    const section = (root[`section${i % 50}`] ??= {});
    const group = (section[`group${Math.floor(i / 50) % 20}`] ??= {});
    group[`key${i}`] = text(i);
  }
  return JSON.stringify(root, null, 2);
}

export const sourceText = (i: number, version = 0): string =>
  `Source text number ${i}${version > 0 ? ` (v${version})` : ''} for {{name}}`;
export const targetText = (locale: string, i: number, version = 0): string =>
  `[${locale}] text ${i}${version > 0 ? ` (v${version})` : ''} for {{name}}`;

interface PushOutcome {
  readonly ms: number;
  /** Until the POST answered (stored and queued, or imported inline). */
  readonly postMs: number;
  /** Job status requests made while waiting (0 when imported inline). */
  readonly polls: number;
  readonly result: { added: number; changed: number; unchanged: number; imported: number };
}

/** `chorus push` of one file: POST, and when the server queues it, poll the job until it ends. */
export async function push(
  baseUrl: string,
  slug: string,
  token: string,
  locale: string,
  body: string,
): Promise<PushOutcome> {
  const started = performance.now();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res = await fetch(
    `${baseUrl}/api/projects/${slug}/catalogues/translation?locale=${locale}`,
    { method: 'POST', headers, body },
  );
  const answer = (await res.json()) as PushOutcome['result'] & { jobId?: string };
  const postMs = performance.now() - started;
  if (res.status === 200) return { ms: postMs, postMs, polls: 0, result: answer };
  if (res.status !== 202 || answer.jobId === undefined)
    throw new Error(`import ${locale} failed: ${res.status} ${JSON.stringify(answer)}`);
  // As `chorus push`: each poll asks the server to hold it until the job ends (?wait=), and a held
  // answer is followed at once by the next poll; a server that answers at once is polled every 25 ms.
  let polls = 0;
  const deadline = Date.now() + 600_000;
  let job: { state: string; result?: PushOutcome['result']; error?: unknown };
  for (;;) {
    const asked = performance.now();
    polls += 1;
    const r = await fetch(`${baseUrl}/api/jobs/${answer.jobId}?wait=5`, { headers });
    job = (await r.json()) as typeof job;
    if (job.state === 'completed' || job.state === 'failed') break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for import job ${answer.jobId}`);
    if (performance.now() - asked < 25) await new Promise((done) => setTimeout(done, 25));
  }
  if (job.state !== 'completed' || job.result === undefined)
    throw new Error(`import job ${answer.jobId} failed: ${JSON.stringify(job.error)}`);
  return { ms: performance.now() - started, postMs, polls, result: job.result };
}

/** apps/cli's PUSH_CONCURRENCY (an app may not import another app's code). */
const PUSH_CONCURRENCY = 4;

/**
 * Pushes the files as `chorus push` does (see its pushPlan): the source file first and alone, then
 * the locale files PUSH_CONCURRENCY at a time. Results in file order.
 */
async function pushAll(
  baseUrl: string,
  slug: string,
  token: string,
  files: readonly { locale: string; body: string }[],
  log?: (line: string) => void,
): Promise<{ ms: number; results: PushOutcome['result'][] }> {
  const started = performance.now();
  const results: PushOutcome['result'][] = new Array(files.length);
  const one = async (i: number): Promise<void> => {
    const file = must(files[i], 'file');
    const pushed = await push(baseUrl, slug, token, file.locale, file.body);
    log?.(
      `  ${file.locale}: ${fmtMs(pushed.ms)} (POST ${fmtMs(pushed.postMs)}, ${pushed.polls} polls)`,
    );
    results[i] = pushed.result;
  };
  await one(0);
  let next = 1;
  const lane = async (): Promise<void> => {
    while (next < files.length) await one(next++);
  };
  await Promise.all(Array.from({ length: PUSH_CONCURRENCY }, lane));
  return { ms: performance.now() - started, results };
}

/**
 * Waits until the bundle rebuilds the import asked for have run and the autovacuum stand-in has
 * done what the import made due (VACUUM/ANALYZE of 550k fresh rows at full size): the re-imports
 * measure a server that has caught up with the import, as a later `chorus push` meets it, not the
 * import's after-work. Right after the import, the full no-op re-import took 18.6 s.
 */
async function settle(
  env: BenchEnv,
  database: Awaited<ReturnType<typeof createBenchDatabase>>,
): Promise<number> {
  const started = performance.now();
  const queue = new Queue(DELIVERY_QUEUE, {
    connection: { url: env.redisUrl, maxRetriesPerRequest: null },
    prefix: database.queuePrefix,
  });
  try {
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) break;
      if (performance.now() - started > 300_000) throw new Error('bundle rebuilds did not finish');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await queue.close();
  }
  await database.maintenance.settle();
  return performance.now() - started;
}

/** User + system CPU time of a live process so far (Linux /proc), in ms; NaN where unavailable. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The floor: the rows an import ends with, COPYed into the same tables of a second project. */
async function copyFloor(
  url: string,
  db: Awaited<ReturnType<typeof createBenchDatabase>>['db'],
  units: readonly SourceUnit[],
  locales: readonly string[],
): Promise<number> {
  const project = await seedProject(db, 'w1-floor');
  const localeIds = await seedLocales(db, project.id, ['en', ...locales]);
  const [ns] = await db.query<{ id: string }[]>(
    `INSERT INTO namespace (project_id, name, nested_keys) VALUES ($1, 'translation', true) RETURNING id`,
    [project.id],
  );
  const stringIds = units.map(() => randomUUID());
  const sourceRows = units.map((u, position) => [
    must(stringIds[position], 'string id'),
    project.id,
    must(ns, 'namespace').id,
    u.id,
    u.key,
    u.kind,
    JSON.stringify(u.path),
    JSON.stringify(u.forms),
    u.forms[''] ?? '',
    u.sourceHash,
    position,
  ]);
  const unitRows: string[][] = [];
  const translationRows: (string | number)[][] = [];
  const roundRows: (string | number)[][] = [];
  const now = new Date().toISOString();
  for (const locale of locales) {
    units.forEach((u, i) => {
      const unitId = randomUUID();
      const translationId = randomUUID();
      const forms = { '': targetText(locale, i) };
      unitRows.push([
        unitId,
        project.id,
        must(stringIds[i], 'string id'),
        must(localeIds[locale], 'locale'),
      ]);
      translationRows.push([
        translationId,
        unitId,
        project.ownerId,
        u.sourceHash,
        JSON.stringify(forms),
        dedupeKey(forms),
        'active',
        'import',
      ]);
      roundRows.push([
        randomUUID(),
        unitId,
        1,
        u.sourceHash,
        'DECIDED',
        '{}',
        now,
        now,
        translationId,
        '{IMPORTED}',
      ]);
    });
  }
  const chunks = {
    source: copyChunks(sourceRows),
    units: copyChunks(unitRows),
    translations: copyChunks(translationRows),
    rounds: copyChunks(roundRows),
  };
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    await copyIn(
      client,
      'source_string',
      [
        'id',
        'project_id',
        'namespace_id',
        'unit_key',
        'key',
        'kind',
        'path',
        'forms',
        'source_text',
        'source_hash',
        'position',
      ],
      chunks.source,
    );
    await copyIn(
      client,
      'translation_unit',
      ['id', 'project_id', 'string_id', 'locale_id'],
      chunks.units,
    );
    await copyIn(
      client,
      'translation',
      ['id', 'unit_id', 'author_id', 'source_hash', 'forms', 'dedupe_key', 'status', 'origin'],
      chunks.translations,
    );
    await copyIn(
      client,
      'round',
      [
        'id',
        'unit_id',
        'number',
        'source_hash',
        'state',
        'params',
        'opened_at',
        'closed_at',
        'winner_id',
        'reasons',
      ],
      chunks.rounds,
    );
    await client.query('COMMIT');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

export async function runW1Import(options: W1Options): Promise<W1Result> {
  const log = options.log ?? (() => undefined);
  const locales = TARGET_LOCALES.slice(0, options.locales);
  const database = await createBenchDatabase(options.env);
  const procs: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  try {
    const [api, worker] = await startAll(procs, [
      () => startApiProcess({ env: options.env, database }),
      () => startWorkerProcess({ env: options.env, database }),
    ]);
    if (api === undefined || worker === undefined) throw new Error('processes did not start');
    const { db } = database;
    const project = await seedProject(db, 'w1');
    const token = await seedPushToken(db, project);

    const files = (version: (i: number) => number) => [
      { locale: 'en', body: nestedCatalogue(options.keys, (i) => sourceText(i, version(i))) },
      ...locales.map((locale) => ({
        locale,
        body: nestedCatalogue(options.keys, (i) => targetText(locale, i, version(i))),
      })),
    ];
    const first = files(() => 0);
    const parsed = parseI18nextJson(must(first[0], 'source file').body, {
      locale: 'en',
      namespace: 'translation',
      keySeparator: '.',
    });
    if (!parsed.ok) throw new Error('generated catalogue does not parse');
    const units = buildSourceUnits(parsed.value.catalogue);

    let floorMs = Number.NaN;
    if (options.skipFloor !== true) {
      floorMs = await copyFloor(database.url, db, units, locales);
      log(`floor: COPY of ${units.length * (1 + 3 * locales.length)} rows in ${fmtMs(floorMs)}`);
    }

    const imported = await pushAll(api.baseUrl, project.slug, token, first);
    log(`import: ${first.length} files in ${fmtMs(imported.ms)}`);
    log(`settled in ${fmtMs(await settle(options.env, database))}`);
    const cpuBefore = { api: cpuMsOf(api.pid), worker: cpuMsOf(worker.pid) };
    const noop = await pushAll(
      api.baseUrl,
      project.slug,
      token,
      first,
      options.perFile === true ? log : undefined,
    );
    const cpu = {
      api: cpuMsOf(api.pid) - cpuBefore.api,
      worker: cpuMsOf(worker.pid) - cpuBefore.worker,
    };
    log(
      `no-op re-import: ${fmtMs(noop.ms)} (CPU: worker ${fmtMs(cpu.worker)}, api ${fmtMs(cpu.api)})`,
    );
    let changed: { ms: number; results: PushOutcome['result'][] } = { ms: Number.NaN, results: [] };
    if (options.skipChanged !== true) {
      const edited = files((i) => (i % 20 === 0 ? 1 : 0));
      // Building the files blocks the event loop for seconds at full size: let fetch see the
      // keep-alive connections the API closed meanwhile, or it writes the next POST into one (EPIPE).
      await new Promise((done) => setTimeout(done, 100));
      changed = await pushAll(api.baseUrl, project.slug, token, edited);
      log(`5%-changed re-import: ${fmtMs(changed.ms)}`);
    }
    let cliMs: number | null = null;
    if (options.cli === true) {
      const cli = ensureCliBuilt(log);
      const cliProject = await seedProject(db, 'w1-cli');
      const cliToken = await seedPushToken(db, cliProject);
      cliMs = (await cliPush(cli, api.baseUrl, cliProject.slug, cliToken, first)).ms;
      log(`chorus push: ${first.length} files in ${fmtMs(cliMs)} (REST ${fmtMs(imported.ms)})`);
    }

    const [counts] = await db.query<{ strings: number; winners: number }[]>(
      `SELECT (SELECT count(*)::int FROM source_string WHERE project_id = $1 AND removed_at IS NULL) AS strings,
              (SELECT count(*)::int FROM translation_unit u JOIN translation t ON t.id = u.winner_translation_id
                WHERE u.project_id = $1 AND t.source_hash = u.winner_source_hash) AS winners`,
      [project.id],
    );
    return {
      keys: options.keys,
      locales: locales.length,
      entries: options.keys * (1 + locales.length),
      floorMs,
      importMs: imported.ms,
      noopMs: noop.ms,
      changedMs: changed.ms,
      cliMs,
      ratio: floorMs / imported.ms,
      apiPeakRssMb: api.peakRssMb(),
      workerPeakRssMb: worker.peakRssMb(),
      sourceStrings: must(counts, 'counts').strings,
      winners: must(counts, 'counts').winners,
      noopUnchanged: noop.results.reduce((n, r) => n + r.unchanged, 0),
      changedSource: changed.results[0]?.changed ?? 0,
    };
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await database.drop();
  }
}

export function w1Rows(r: W1Result, full: boolean): BenchRow[] {
  const size = `${r.keys / 1000}k keys × ${r.locales} locales (${Math.round(r.entries / 1000)}k entries)${full ? ', full' : ''}`;
  const rss = `api ${fmtMb(r.apiPeakRssMb)}, worker ${fmtMb(r.workerPeakRssMb)}`;
  const cli: BenchRow[] =
    r.cliMs === null
      ? []
      : [
          {
            scenario: 'W1 import via chorus push',
            size,
            floor: `REST ${fmtMs(r.importMs)}`,
            result: fmtMs(r.cliMs),
            ratio: `${(r.cliMs / r.importMs).toFixed(2)}× REST`,
            goal: '≤ 1.2× REST',
            pass: r.cliMs <= r.importMs * 1.2,
          },
        ];
  return [
    ...cli,
    {
      scenario: 'W1 import',
      size,
      floor: fmtRate((r.entries * 1000) / r.floorMs, 'entries'),
      result: fmtRate((r.entries * 1000) / r.importMs, 'entries'),
      ratio: `${r.ratio.toFixed(2)}×`,
      goal: '≥ 0.3× floor rate',
      pass: r.ratio >= 0.3,
      peakRss: rss,
    },
    {
      scenario: 'W1 no-op re-import',
      size,
      floor: '—',
      result: fmtMs(r.noopMs),
      ratio: '—',
      goal: '< 10 s',
      pass: r.noopMs < 10_000,
    },
    {
      scenario: 'W1 5%-changed re-import',
      size,
      floor: fmtMs(r.floorMs),
      result: fmtMs(r.changedMs),
      ratio: `${(r.changedMs / r.floorMs).toFixed(2)}× floor time`,
      goal: 'informational',
      pass: null,
    },
  ];
}

async function main(): Promise<void> {
  const env = benchEnv();
  const full = isFull();
  ensureBuilt(env, console.log);
  const r = await runW1Import({
    env,
    keys: flag('keys', full ? 50_000 : 10_000),
    locales: flag('locales', 10),
    log: console.log,
    cli: process.argv.includes('--cli'),
    skipFloor: process.argv.includes('--no-floor'),
    skipChanged: process.argv.includes('--no-changed'),
    perFile: process.argv.includes('--per-file'),
  });
  const rows = w1Rows(r, full);
  printRows(rows);
  // A partial run (a phase skipped) is for iterating; it does not replace the recorded results.
  if (Number.isNaN(r.floorMs) || Number.isNaN(r.changedMs)) return;
  const body = [
    '`chorus push`-style: POST the source file, then the locale files 4 at a time, with a push token to',
    '`/api/projects/:slug/catalogues/translation`, and long-poll `/api/jobs/:id` while the worker imports them (files above',
    "`IMPORT_ASYNC_UNITS` are queued; the re-imports start once the import's bundle rebuilds and an autovacuum pass are",
    'done). entries = keys × (1 + locales); each translated entry writes a unit, a candidate',
    'and a DECIDED round [IMPORTED] and sets the winner. Floor = `COPY … FROM STDIN` (node-postgres, no',
    'pg-copy-streams) of the same final rows (source strings, units, candidates, rounds) into the same tables, one',
    'transaction, in the same database; rows prepared before the clock starts.',
    '',
    table(rows),
  ].join('\n');
  await record('## W1 import', body, rows, await machine(env));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
