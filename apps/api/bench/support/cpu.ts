// Server CPU per request: the API processes' and the database backends' user + system time, read
// from /proc (Linux). Steadier than throughput on a shared host, since time spent waiting for a
// core does not count.
import { readFileSync } from 'node:fs';
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

export const fmtCpu = (c: CpuPerRequest): string =>
  `${(c.apiMs + c.dbMs).toFixed(2)} ms (API ${c.apiMs.toFixed(2)} + DB ${c.dbMs.toFixed(2)})`;
