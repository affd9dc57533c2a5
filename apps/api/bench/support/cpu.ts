// Server CPU per request: the API processes' and the database backends' user + system time, read
// from /proc (Linux). Steadier than throughput on a shared host, since time spent waiting for a
// core does not count.
import { readFileSync } from 'node:fs';
import type { LoadResult } from './load';
import type { BenchDatabase } from './stack';

/** User + system CPU of a live process, in ms; 0 where unavailable. */
export function cpuMsOf(pid: number): number {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** CPU of the API processes and of every Postgres backend connected to the bench database. */
export interface CpuSample {
  readonly api: number;
  readonly backends: ReadonlyMap<number, number>;
}

export async function sampleCpu(
  db: BenchDatabase['db'],
  apiPids: readonly number[],
): Promise<CpuSample> {
  const rows = await db.query<{ pid: number }[]>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  return {
    api: apiPids.reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    backends: new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)])),
  };
}

/** CPU ms per request between two samples (a backend new since `before` counts from zero). */
export interface CpuPerRequest {
  readonly apiMs: number;
  readonly dbMs: number;
}

export function cpuPerRequest(
  before: CpuSample,
  after: CpuSample,
  requests: number,
): CpuPerRequest {
  let db = 0;
  for (const [pid, ms] of after.backends) db += ms - (before.backends.get(pid) ?? 0);
  const n = Math.max(1, requests);
  return { apiMs: (after.api - before.api) / n, dbMs: db / n };
}

/** Per request over several measured slices, each `cpuPerRequest(before, after, 1)` (its totals). */
export function cpuPerRequestOf(totals: readonly CpuPerRequest[], requests: number): CpuPerRequest {
  const n = Math.max(1, requests);
  return {
    apiMs: totals.reduce((sum, t) => sum + t.apiMs, 0) / n,
    dbMs: totals.reduce((sum, t) => sum + t.dbMs, 0) / n,
  };
}

export const fmtCpu = (c: CpuPerRequest): string =>
  `${(c.apiMs + c.dbMs).toFixed(2)} ms (API ${c.apiMs.toFixed(2)} + DB ${c.dbMs.toFixed(2)})`;

/** Busy and total jiffies of the whole host (all cores), from /proc/stat; zeros where unavailable. */
export interface HostSample {
  readonly busy: number;
  readonly total: number;
}

export function sampleHost(): HostSample {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...fields] = line.trim().split(/\s+/);
    const values = fields.map(Number);
    const total = values.reduce((sum, v) => sum + v, 0);
    // idle and iowait are the 4th and 5th fields.
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** Share of the host's cores that were busy between two samples (load generator included), 0–1. */
export function hostBusy(before: HostSample, after: HostSample): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

/** A load phase with the server CPU per request and how busy the host's cores were over it. */
export interface CostedLoad extends LoadResult {
  readonly cpu: CpuPerRequest;
  /** Busy share of all the host's cores (API, worker, Postgres, Redis, the load loop), 0–1. */
  readonly hostBusy: number;
}

/** Runs one load phase and measures what it cost the server and the host. */
export async function costed(
  db: BenchDatabase['db'],
  apiPids: readonly number[],
  run: () => Promise<LoadResult>,
): Promise<CostedLoad> {
  const cpuBefore = await sampleCpu(db, apiPids);
  const hostBefore = sampleHost();
  const result = await run();
  const busy = hostBusy(hostBefore, sampleHost());
  return {
    ...result,
    // Over the whole run, warm-up included: per request done, measured or not.
    cpu: cpuPerRequest(cpuBefore, await sampleCpu(db, apiPids), result.ok + (result.warmupOk ?? 0)),
    hostBusy: busy,
  };
}

export const fmtHost = (r: CostedLoad): string => `host ${(r.hostBusy * 100).toFixed(0)} % busy`;
