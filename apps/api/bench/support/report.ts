// One table row per scenario: printed, and recorded in docs/benchmarks.md (the scenario's own
// section plus its row of the summary table; every other section is kept as it is).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { REPO_ROOT, type BenchEnv } from './stack';

export interface BenchRow {
  readonly scenario: string;
  readonly size: string;
  readonly floor: string;
  readonly result: string;
  readonly ratio: string;
  readonly goal: string;
  /** null: skipped or informational. */
  readonly pass: boolean | null;
  readonly peakRss?: string;
}

export const HEADER = [
  '| scenario | size | floor | result | ratio | goal | pass | peak RSS |',
  '|---|---|---:|---:|---:|---|---|---:|',
];

export function rowLine(r: BenchRow): string {
  const verdict = r.pass === null ? 'skipped' : r.pass ? 'pass' : 'FAIL';
  return `| ${r.scenario} | ${r.size} | ${r.floor} | ${r.result} | ${r.ratio} | ${r.goal} | ${verdict} | ${r.peakRss ?? ''} |`;
}

export function table(rows: readonly BenchRow[]): string {
  return [...HEADER, ...rows.map(rowLine)].join('\n');
}

export function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function fmtRate(perSecond: number, unit: string): string {
  return `${perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toFixed(1)} ${unit}/s`;
}

export function fmtMb(mb: number): string {
  return `${Math.round(mb)} MB`;
}

/** Flags: `--full` (the issue's sizes), `--name=value` (or `--name value` when run directly) numbers. */
export function flag(name: string, fallback: number, argv = process.argv): number {
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  const i = argv.indexOf(`--${name}`);
  const value =
    inline !== undefined
      ? Number(inline.slice(name.length + 3))
      : i < 0
        ? undefined
        : Number(argv[i + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function isFull(argv = process.argv): boolean {
  return argv.includes('--full');
}

/** nproc, memory, CPU model, Node, PostgreSQL and Redis versions, date and commit. */
export async function machine(env: BenchEnv): Promise<string> {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT }).toString().trim();
  } catch {
    // not a checkout
  }
  let model = cpus()[0]?.model.trim() ?? 'CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) model = line.split(':')[1]?.trim() ?? model;
  } catch {
    // not Linux
  }
  let postgres = 'PostgreSQL ?';
  const pg = new Client({ connectionString: env.adminUrl });
  try {
    await pg.connect();
    const { rows } = await pg.query<{ v: string; autovacuum: string }>(
      "SELECT current_setting('server_version') AS v, current_setting('autovacuum') AS autovacuum",
    );
    postgres = `PostgreSQL ${rows[0]?.v ?? '?'}${rows[0]?.autovacuum === 'on' ? '' : ' (autovacuum off on this server: the bench stand-in applied its default thresholds)'}`;
  } catch {
    // reported as unknown
  } finally {
    await pg.end().catch(() => undefined);
  }
  let redis = 'Redis ?';
  const r = new Redis(env.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    const info = await r.info('server');
    redis = `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`;
  } catch {
    // reported as unknown
  } finally {
    r.disconnect();
  }
  const date = new Date().toISOString().slice(0, 10);
  return `${date}, commit ${commit}, ${cpus().length} × ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${postgres}, ${redis}`;
}

const DOCS = join(REPO_ROOT, 'docs/benchmarks.md');
const SUMMARY = '## Summary (workloads W1–W8, scale-out)';

function replaceSection(text: string, title: string, body: string): string {
  const heading = `\n${title}\n`;
  const start = text.indexOf(heading);
  const section = `${title}\n\n${body.trim()}\n`;
  if (start < 0) return `${text.trimEnd()}\n\n${section}`;
  const next = text.indexOf('\n## ', start + heading.length - 1);
  return `${text.slice(0, start)}\n${section}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`;
}

function sectionBody(text: string, title: string): string | null {
  const heading = `\n${title}\n`;
  const start = text.indexOf(heading);
  if (start < 0) return null;
  const next = text.indexOf('\n## ', start + heading.length - 1);
  return text.slice(start + heading.length, next < 0 ? undefined : next);
}

async function prettierMarkdown(text: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(DOCS)) ?? {};
    return await prettier.format(text, { ...options, parser: 'markdown' });
  } catch {
    return text;
  }
}

/**
 * Rewrites the scenario's own section (`## <title>`) and its rows of the summary table, then
 * formats the file with Prettier. Other sections are left as they are.
 */
export async function record(
  sectionTitle: string,
  body: string,
  fullRows: readonly BenchRow[],
  about: string,
  full = isFull(),
): Promise<void> {
  // Full-size runs keep their own section and summary rows, so a default run never hides them.
  const title = full ? `${sectionTitle} (full size)` : sectionTitle;
  const rows = full ? fullRows.map((r) => ({ ...r, scenario: `${r.scenario} (full)` })) : fullRows;
  let text = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '# Benchmarks\n';
  const previous = sectionBody(text, SUMMARY);
  const kept = new Map<string, string>();
  for (const line of (previous ?? '').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = cells[1];
    if (!line.startsWith('|') || name === undefined || name === 'scenario' || /^-+:?$/.test(name))
      continue;
    kept.set(name, line);
  }
  for (const r of rows) kept.set(r.scenario, rowLine(r));
  // By workload (W1…W6, then scale-out); rows of one workload keep their order (stable sort).
  const order = (name: string): string => (name.startsWith('W') ? (name.split(' ')[0] ?? '') : 'X');
  const summaryRows = [...kept.entries()]
    .sort(([a], [b]) => order(a).localeCompare(order(b)))
    .map(([, line]) => line);
  const summaryIntro =
    'One row per scenario, from its latest run (`npm run bench` writes the default sizes, `--full` the ' +
    "issue's sizes; the size column says which). ratio = result / floor as each goal states it. " +
    'Details, machine and analysis in the sections below.';
  text = replaceSection(
    text,
    SUMMARY,
    `${summaryIntro}\n\n${[...HEADER, ...summaryRows].join('\n')}`,
  );
  text = replaceSection(
    text,
    title,
    `Measured ${about}.\n\n${body.replace(table(fullRows), table(rows))}`,
  );
  writeFileSync(DOCS, await prettierMarkdown(text));
}

export function printRows(rows: readonly BenchRow[]): void {
  console.log(`\n${table(rows)}\n`);
}
