import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { EXIT } from '../failure';
import type { ChorusHttp } from '../http';
import type { CliIo } from '../io';
import { progress } from '../progress';

export interface PushOptions {
  readonly project: string;
  readonly files: readonly string[];
  readonly namespace?: string;
  readonly locale?: string;
  readonly keySeparator?: string;
  /** 'v3' | 'v4'; absent or 'auto': the server detects it. */
  readonly jsonFormat?: string;
  /** Where to write every warning of every file as JSON. */
  readonly report?: string;
  readonly json: boolean;
}

export interface ImportResult {
  readonly namespace: string;
  readonly locale: string;
  readonly kind: string;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly imported: number;
  readonly skipped: number;
  readonly warnings: readonly { code: string; message: string; key?: string; line?: number }[];
  readonly warningCount?: number;
  readonly warningsTruncated?: boolean;
  readonly jsonFormat?: string;
}

interface JobStatus {
  readonly state: string;
  readonly progress?: number;
  readonly result?: ImportResult;
  readonly error?: string | { message?: string };
}

const LOCALE_LIKE = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;
const POLL_DEADLINE_MS = 30 * 60_000;

/**
 * Where a file goes. Namespace: --namespace, else the file name without .json. Locale: --locale;
 * else the parent directory in a `locales/<lng>/<ns>.json` layout; else, when --namespace is
 * given, a file named after a locale (`de.json`); else the server uses the source locale.
 */
export function targetOf(
  file: string,
  options: { readonly namespace?: string; readonly locale?: string },
): { namespace: string; locale?: string } {
  const name = basename(file).replace(/\.json$/i, '');
  const namespace = options.namespace ?? name;
  if (options.locale !== undefined) return { namespace, locale: options.locale };
  const parent = basename(dirname(resolve(file)));
  if (options.namespace === undefined && LOCALE_LIKE.test(parent))
    return { namespace, locale: parent };
  if (options.namespace !== undefined && LOCALE_LIKE.test(name)) return { namespace, locale: name };
  return { namespace };
}

function summary(file: string, r: ImportResult): string {
  const counts = `${r.imported} imported, ${r.added} added, ${r.changed} changed, ${r.removed} removed, ${r.unchanged} unchanged, ${r.skipped} skipped`;
  const format = r.jsonFormat === undefined ? '' : `, read as ${r.jsonFormat}`;
  const total = warningTotal(r);
  return `${file} → ${r.namespace} (${r.locale}, ${r.kind}${format}): ${counts}${total > 0 ? `, ${total} warning(s)` : ''}\n`;
}

function warningTotal(r: ImportResult): number {
  return Math.max(r.warningCount ?? 0, r.warnings.length);
}

/** Warning counts by code: most frequent first, then by code. */
export function countByCode(warnings: ImportResult['warnings']): [string, number][] {
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** "12 PLURAL_FORMS_INCOMPLETE, 3 EMPTY_VALUE". */
export function warningSummary(warnings: ImportResult['warnings']): string {
  return countByCode(warnings)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
}

const SHOWN_WARNINGS = 5;

function printWarnings(io: CliIo, r: ImportResult, report: string | undefined): void {
  if (r.warnings.length === 0) return;
  io.err(`  warnings by code: ${warningSummary(r.warnings)}\n`);
  for (const w of r.warnings.slice(0, SHOWN_WARNINGS)) {
    const where = [
      w.key === undefined ? '' : `key "${w.key}"`,
      w.line === undefined ? '' : `line ${w.line}`,
    ]
      .filter((s) => s !== '')
      .join(', ');
    io.err(`  warning ${w.code}${where === '' ? '' : ` (${where})`}: ${w.message}\n`);
  }
  const rest = warningTotal(r) - Math.min(SHOWN_WARNINGS, r.warnings.length);
  if (rest > 0)
    io.err(
      `  … and ${rest} more warning(s)${report === undefined ? ' (write them all with --report <file>)' : ` in ${report}`}\n`,
    );
}

/**
 * Runs tasks with at most `limit` at a time; answers their results in input order. A failing task
 * (an exit) stops new ones from starting and is rethrown once the running ones have settled.
 */
async function bounded<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      if (task === undefined) continue;
      try {
        results[i] = await task();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}

/**
 * Order of work: per namespace, its first file and every file without a locale (the server then
 * imports it as the source catalogue) go alone and in the given order, so translations are always
 * read against the source pushed in the same run; the remaining files go PUSH_CONCURRENCY at a
 * time (the server serialises writes per namespace anyway; the overlap hides request, parse and
 * queue latency).
 */
export function pushPlan(
  files: readonly string[],
  targets: readonly { namespace: string; locale?: string }[],
): { first: number[]; rest: number[] } {
  const first: number[] = [];
  const rest: number[] = [];
  const seen = new Set<string>();
  files.forEach((_file, i) => {
    const t = targets[i];
    if (t === undefined) return;
    if (!seen.has(t.namespace) || t.locale === undefined) first.push(i);
    else rest.push(i);
    seen.add(t.namespace);
  });
  return { first, rest };
}

export const PUSH_CONCURRENCY = 4;

/**
 * `chorus push`: uploads catalogue files (see pushPlan for the order); waits for queued imports by
 * polling their job; prints each file's counts and its warnings by code, and writes every warning
 * to --report.
 */
export async function push(io: CliIo, http: ChorusHttp, options: PushOptions): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const bodies: Buffer[] = [];
  for (const file of options.files) {
    try {
      bodies.push(await readFile(resolve(cwd, file)));
    } catch (error) {
      return http.fail(
        EXIT.usage,
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }
  const targets = options.files.map((file) => targetOf(resolve(cwd, file), options));
  const bar = progress(io, 'push', options.files.length, options.json);
  const one = async (i: number): Promise<ImportResult> => {
    const file = options.files[i] as string;
    const target = targets[i] as { namespace: string; locale?: string };
    const query = new URLSearchParams();
    if (target.locale !== undefined) query.set('locale', target.locale);
    if (options.keySeparator !== undefined) query.set('keySeparator', options.keySeparator);
    if (options.jsonFormat !== undefined) query.set('format', options.jsonFormat);
    // Every warning, so the summary by code and --report are complete (responses stop at 200).
    query.set('warnings', 'all');
    const path = `/api/projects/${encodeURIComponent(options.project)}/catalogues/${encodeURIComponent(target.namespace)}?${query.toString()}`;
    const { status, body } = await http.json<ImportResult | { jobId: string }>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(bodies[i] as Buffer),
    });
    const result =
      status === 202 && 'jobId' in body
        ? await waitForJob(http, body.jobId, sleep)
        : (body as ImportResult);
    bar.tick(`${file} → ${result.namespace} (${result.locale})`);
    return result;
  };
  const plan = pushPlan(options.files, targets);
  const byIndex = new Map<number, ImportResult>();
  for (const i of plan.first) byIndex.set(i, await one(i));
  const rest = await bounded(
    plan.rest.map((i) => () => one(i)),
    PUSH_CONCURRENCY,
  );
  plan.rest.forEach((i, k) => byIndex.set(i, rest[k] as ImportResult));
  bar.done();

  const results = options.files.map((file, i) => ({ ...(byIndex.get(i) as ImportResult), file }));
  if (options.report !== undefined) {
    const reportPath = resolve(cwd, options.report);
    await mkdir(dirname(reportPath), { recursive: true });
    await writeFile(
      reportPath,
      `${JSON.stringify(
        {
          project: options.project,
          files: results.map((r) => ({
            file: r.file,
            namespace: r.namespace,
            locale: r.locale,
            kind: r.kind,
            jsonFormat: r.jsonFormat ?? null,
            warningCount: warningTotal(r),
            warningsByCode: Object.fromEntries(countByCode(r.warnings)),
            warnings: r.warnings,
          })),
        },
        null,
        2,
      )}\n`,
    );
  }
  if (options.json) {
    io.out(`${JSON.stringify({ project: options.project, results })}\n`);
    return EXIT.ok;
  }
  for (const r of results) {
    io.out(summary(r.file, r));
    printWarnings(io, r, options.report);
  }
  return EXIT.ok;
}

/** Polls a queued import: 25 ms, then ×1.5 up to 1 s, so a short job is seen done within ~50 %. */
export const POLL_FIRST_MS = 25;
export const POLL_MAX_MS = 1_000;
/**
 * Each poll asks the server to answer when the job ends, or after this many seconds (`?wait=`):
 * the end is seen at once. A server that answers at once anyway (an older one) is polled as before.
 */
export const POLL_WAIT_SECONDS = 5;

async function waitForJob(
  http: ChorusHttp,
  jobId: string,
  sleep: (ms: number) => Promise<void>,
): Promise<ImportResult> {
  const deadline = Date.now() + POLL_DEADLINE_MS;
  let wait = POLL_FIRST_MS;
  while (Date.now() < deadline) {
    const asked = Date.now();
    const { body } = await http.json<JobStatus>(
      `/api/jobs/${encodeURIComponent(jobId)}?warnings=all&wait=${POLL_WAIT_SECONDS}`,
    );
    if (body.state === 'completed' && body.result !== undefined) return body.result;
    if (body.state === 'failed') {
      const reason =
        typeof body.error === 'string' ? body.error : (body.error?.message ?? 'unknown error');
      return http.fail(EXIT.server, `import job ${jobId} failed: ${reason}`);
    }
    // The server held the request at least as long as the pause would have been: ask again now.
    if (Date.now() - asked < wait) await sleep(wait);
    wait = Math.min(Math.round(wait * 1.5), POLL_MAX_MS);
  }
  return http.fail(EXIT.server, `import job ${jobId} did not finish in time`);
}
