import { readFile } from 'node:fs/promises';
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
  return `${file} → ${r.namespace} (${r.locale}, ${r.kind}): ${counts}${r.warnings.length > 0 ? `, ${r.warnings.length} warning(s)` : ''}\n`;
}

/** `chorus push`: uploads catalogue files; waits for queued imports by polling their job. */
export async function push(io: CliIo, http: ChorusHttp, options: PushOptions): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const results: (ImportResult & { file: string })[] = [];
  const bar = progress(io, 'push', options.files.length, options.json);
  for (const file of options.files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(cwd, file));
    } catch (error) {
      return http.fail(
        EXIT.usage,
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    const target = targetOf(resolve(cwd, file), options);
    const query = new URLSearchParams();
    if (target.locale !== undefined) query.set('locale', target.locale);
    if (options.keySeparator !== undefined) query.set('keySeparator', options.keySeparator);
    const path = `/api/projects/${encodeURIComponent(options.project)}/catalogues/${encodeURIComponent(target.namespace)}${query.size > 0 ? `?${query.toString()}` : ''}`;
    const { status, body } = await http.json<ImportResult | { jobId: string }>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(bytes),
    });
    let result: ImportResult;
    if (status === 202 && 'jobId' in body) {
      result = await waitForJob(http, body.jobId, sleep);
    } else {
      result = body as ImportResult;
    }
    results.push({ ...result, file });
    bar.tick(`${file} → ${result.namespace} (${result.locale})`);
    if (!options.json) {
      io.out(summary(file, result));
      for (const w of result.warnings.slice(0, 20)) {
        const where = [
          w.key === undefined ? '' : `key "${w.key}"`,
          w.line === undefined ? '' : `line ${w.line}`,
        ]
          .filter((s) => s !== '')
          .join(', ');
        io.err(`  warning ${w.code}${where === '' ? '' : ` (${where})`}: ${w.message}\n`);
      }
      if (result.warnings.length > 20)
        io.err(`  … and ${result.warnings.length - 20} more warning(s)\n`);
    }
  }
  bar.done();
  if (options.json) io.out(`${JSON.stringify({ project: options.project, results })}\n`);
  return EXIT.ok;
}

async function waitForJob(
  http: ChorusHttp,
  jobId: string,
  sleep: (ms: number) => Promise<void>,
): Promise<ImportResult> {
  const deadline = Date.now() + POLL_DEADLINE_MS;
  let wait = 250;
  while (Date.now() < deadline) {
    const { body } = await http.json<JobStatus>(`/api/jobs/${encodeURIComponent(jobId)}`);
    if (body.state === 'completed' && body.result !== undefined) return body.result;
    if (body.state === 'failed') {
      const reason =
        typeof body.error === 'string' ? body.error : (body.error?.message ?? 'unknown error');
      return http.fail(EXIT.server, `import job ${jobId} failed: ${reason}`);
    }
    await sleep(wait);
    wait = Math.min(wait * 2, 2_000);
  }
  return http.fail(EXIT.server, `import job ${jobId} did not finish in time`);
}
