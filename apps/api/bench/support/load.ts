// A small HTTP load generator (autocannon is not a dependency). Closed loop (runLoad): N virtual
// users, each with requests in flight one at a time over keep-alive sockets, bounded by a request
// count and a time limit: it measures capacity. Open loop (runOpenLoop): requests at a fixed rate,
// for latency. Latencies are kept in full and sorted, so percentiles are exact.
import { Agent, request } from 'node:http';
import { type TailShape, tailShape } from './tail';

export interface LoadRequest {
  readonly port: number;
  readonly path: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LoadOptions {
  readonly concurrency: number;
  /** Stop issuing after this many requests in total. */
  readonly total: number;
  /** Stop issuing after this long; requests in flight still finish and count. */
  readonly maxMs: number;
  /** The request of virtual user `user`'s `n`-th request (n counts from 0 per user). */
  readonly next: (user: number, n: number) => LoadRequest | null;
  /** Whether a response counts as acknowledged (e.g. a GraphQL answer without errors). */
  readonly accept: (status: number, body: string, user: number) => boolean;
  /** Sorts failures by a short code for the report (e.g. the GraphQL extensions.code). */
  readonly failureCode?: (status: number, body: string) => string;
}

export interface LoadResult {
  readonly requests: number;
  readonly ok: number;
  readonly failed: number;
  readonly failures: Readonly<Record<string, number>>;
  readonly ms: number;
  /** Acknowledged requests per second. */
  readonly rps: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Completions per second over the first and the last tenth of the requests (closed loop). */
  readonly firstTenthRps: number;
  readonly lastTenthRps: number;
  /** Completions per second of each tenth in turn (one closed loop; not kept across slices). */
  readonly tenthRps?: readonly number[];
  /** Acknowledged requests of an open loop's warm-up: done, but in no rate or percentile. */
  readonly warmupOk?: number;
  /** How an open loop's requests at or above its p99 lie in time (see tailShape). */
  readonly tail?: TailShape;
}

/**
 * Rates of the first and the last tenth of the completions, and of every tenth in turn, from their
 * times since the start.
 */
export function tenthRates(
  doneAt: Float64Array,
  ms: number,
): { first: number; last: number; all: number[] } {
  const sorted = doneAt.slice().sort();
  const tenth = Math.floor(sorted.length / 10);
  if (tenth === 0) return { first: 0, last: 0, all: [] };
  const lastStart = sorted[sorted.length - tenth - 1] ?? 0;
  const all: number[] = [];
  for (let d = 0; d < 10; d += 1) {
    const from = d === 0 ? 0 : (sorted[d * tenth - 1] ?? 0);
    const to = d === 9 ? ms : (sorted[(d + 1) * tenth - 1] ?? ms);
    // The last of the ten also takes the remainder of a count that ten does not divide.
    const count = d === 9 ? sorted.length - 9 * tenth : tenth;
    all.push((count * 1000) / Math.max(1, to - from));
  }
  return {
    first: all[0] ?? 0,
    last: (tenth * 1000) / Math.max(1, ms - lastStart),
    all,
  };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

function send(agent: Agent, req: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolveSend, reject) => {
    const r = request(
      {
        host: '127.0.0.1',
        port: req.port,
        path: req.path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(req.body),
          // Cookie writes need an Origin or this header (CSRF check).
          'x-chorus-csrf': '1',
          ...req.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolveSend({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/** A closed loop's result with its latencies, sorted, for merging slices (mergeLoads). */
export interface KeptLoad {
  readonly result: LoadResult;
  readonly latencies: Float64Array;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  return (await runLoadKept(options)).result;
}

/**
 * Slices of one closed-loop phase, measured apart (see interleaveSlices), as one result: counts
 * and times summed, percentiles over every latency, the tenths' rates the slices' averages.
 */
export function mergeLoads(parts: readonly KeptLoad[]): LoadResult {
  const n = parts.reduce((sum, p) => sum + p.latencies.length, 0);
  const all = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    all.set(p.latencies, at);
    at += p.latencies.length;
  }
  all.sort();
  const sum = (pick: (r: LoadResult) => number) =>
    parts.reduce((total, p) => total + pick(p.result), 0);
  const failures: Record<string, number> = {};
  for (const p of parts)
    for (const [code, count] of Object.entries(p.result.failures))
      failures[code] = (failures[code] ?? 0) + count;
  const ok = sum((r) => r.ok);
  const ms = sum((r) => r.ms);
  const slices = Math.max(1, parts.length);
  return {
    requests: sum((r) => r.requests),
    ok,
    failed: sum((r) => r.failed),
    failures,
    ms,
    rps: (ok * 1000) / Math.max(1, ms),
    p50: percentile(all, 50),
    p90: percentile(all, 90),
    p99: percentile(all, 99),
    max: n === 0 ? 0 : (all[n - 1] ?? 0),
    firstTenthRps: sum((r) => r.firstTenthRps) / slices,
    lastTenthRps: sum((r) => r.lastTenthRps) / slices,
  };
}

/**
 * Runs phases in `slices` rounds, each round every phase in turn (A B A B …), and answers each
 * phase's slices in order. Two phases measured one after the other for a ratio read the host at
 * two different minutes: on this shared 2-core host a phase's rate moved by 15–30 % between
 * minutes, more than most changes under test. Interleaved, the drift weighs on both alike.
 */
export async function interleaveSlices<T>(
  slices: number,
  phases: readonly ((slice: number) => Promise<T>)[],
): Promise<T[][]> {
  const out: T[][] = phases.map(() => []);
  for (let slice = 0; slice < slices; slice += 1)
    for (const [i, phase] of phases.entries()) out[i]?.push(await phase(slice));
  return out;
}

/** A closed loop (see the file's header), keeping its sorted latencies. */
export async function runLoadKept(options: LoadOptions): Promise<KeptLoad> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies = new Float64Array(options.total);
  const doneAt = new Float64Array(options.total);
  let issued = 0;
  let ok = 0;
  let failed = 0;
  const failures: Record<string, number> = {};
  const started = performance.now();
  const stopAt = started + options.maxMs;
  const user = async (u: number): Promise<void> => {
    for (let n = 0; ; n += 1) {
      if (issued >= options.total || performance.now() >= stopAt) return;
      const req = options.next(u, n);
      if (req === null) return;
      const slot = issued;
      issued += 1;
      const t0 = performance.now();
      try {
        const res = await send(agent, req);
        latencies[slot] = performance.now() - t0;
        doneAt[slot] = performance.now() - started;
        if (options.accept(res.status, res.body, u)) ok += 1;
        else {
          failed += 1;
          const code = options.failureCode?.(res.status, res.body) ?? `HTTP ${res.status}`;
          failures[code] = (failures[code] ?? 0) + 1;
        }
      } catch (error) {
        latencies[slot] = performance.now() - t0;
        failed += 1;
        const code = error instanceof Error ? error.message.slice(0, 40) : 'error';
        failures[code] = (failures[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, u) => user(u)));
  const ms = performance.now() - started;
  agent.destroy();
  const sorted = latencies.slice(0, issued).sort();
  const tenths = tenthRates(doneAt.slice(0, issued), ms);
  const result: LoadResult = {
    requests: issued,
    ok,
    failed,
    failures,
    ms,
    rps: (ok * 1000) / ms,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] ?? 0),
    firstTenthRps: tenths.first,
    lastTenthRps: tenths.last,
    tenthRps: tenths.all,
  };
  return { result, latencies: sorted };
}

export interface OpenLoopOptions {
  /** Offered load: requests are issued on this schedule whether or not earlier ones finished. */
  readonly ratePerSec: number;
  /** Requests to issue (at the rate, this sets the duration). */
  readonly total: number;
  /** Connections at most (default: as many as are in flight); a wait for one counts as latency. */
  readonly sockets?: number;
  /** Stop issuing after this long (ms); requests in flight still finish and count. */
  readonly maxMs?: number;
  /**
   * The first requests of the schedule (this many) warm up: sent at the rate like the rest, but
   * left out of the latencies, the rate and `ok` (a failure still counts in `failed`). The phase
   * is then measured with its sockets open, as a crowd's are, like the closed loops after their
   * warm-up.
   */
  readonly warmup?: number;
  /** The `n`-th request (n counts from 0). */
  readonly next: (n: number) => LoadRequest;
  readonly accept: (status: number, body: string, n: number) => boolean;
  readonly failureCode?: (status: number, body: string) => string;
}

/** An open-loop phase's unmeasured warm-up: a fifth of the phase, at most 2 s. */
export function openLoopWarmupMs(phaseMs: number): number {
  return Math.min(2_000, phaseMs / 5);
}

/**
 * Open-loop load: request n is due at start + n / rate, and its latency is measured from that
 * due time, not from when a socket became free, so a slow server cannot hide its queue by slowing
 * the generator down (coordinated omission). This is how a crowd arrives: a latency goal is only
 * meaningful against a fixed offered rate below capacity, never with N clients in a closed loop
 * (Little's law ties their latency to N / throughput).
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets ?? Infinity });
  const latencies = new Float64Array(options.total);
  const doneAt = new Float64Array(options.total);
  const maxMs = options.maxMs ?? Infinity;
  const intervalMs = 1000 / options.ratePerSec;
  const warmup = Math.min(options.warmup ?? 0, options.total);
  let ok = 0;
  let warmupOk = 0;
  let failed = 0;
  const failures: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];
  const issue = async (n: number, dueAt: number): Promise<void> => {
    try {
      const res = await send(agent, options.next(n));
      latencies[n] = performance.now() - dueAt;
      doneAt[n] = performance.now() - started;
      if (options.accept(res.status, res.body, n)) {
        if (n < warmup) warmupOk += 1;
        else ok += 1;
      } else {
        failed += 1;
        const code = options.failureCode?.(res.status, res.body) ?? `HTTP ${res.status}`;
        failures[code] = (failures[code] ?? 0) + 1;
      }
    } catch (error) {
      latencies[n] = performance.now() - dueAt;
      failed += 1;
      const code = error instanceof Error ? error.message.slice(0, 40) : 'error';
      failures[code] = (failures[code] ?? 0) + 1;
    }
  };
  const started = performance.now();
  let n = 0;
  while (n < options.total) {
    const now = performance.now();
    if (now - started >= maxMs) break;
    // Everything due by now goes out, so a late timer does not lower the offered rate.
    while (n < options.total && started + n * intervalMs <= now) {
      inFlight.push(issue(n, started + n * intervalMs));
      n += 1;
    }
    const wait = started + n * intervalMs - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(wait, 5))));
  }
  await Promise.all(inFlight);
  // The measured phase starts when its first request is due.
  const first = Math.min(n, warmup);
  const measuredFrom = first * intervalMs;
  const ms = performance.now() - started - measuredFrom;
  agent.destroy();
  const measured = latencies.slice(first, n);
  const sorted = measured.slice().sort();
  const p99 = percentile(sorted, 99);
  const dueAt = Float64Array.from(measured, (_, i) => (first + i) * intervalMs);
  const tenths = tenthRates(
    doneAt.slice(first, n).map((at) => at - measuredFrom),
    ms,
  );
  return {
    requests: n - first,
    warmupOk,
    ok,
    failed,
    failures,
    ms,
    rps: (ok * 1000) / ms,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99,
    max: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] ?? 0),
    firstTenthRps: tenths.first,
    lastTenthRps: tenths.last,
    tail: tailShape(dueAt, measured, p99),
  };
}

/** A GraphQL answer with data and no errors. */
export function graphqlOk(status: number, body: string): boolean {
  if (status !== 200) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data !== null && parsed.data !== undefined;
  } catch {
    return false;
  }
}

/** The first error's extensions.code, or the HTTP status. */
export function graphqlCode(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    return parsed.errors?.[0]?.extensions?.code ?? `HTTP ${status}`;
  } catch {
    return `HTTP ${status}`;
  }
}

export function gqlBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables === undefined ? { query } : { query, variables });
}
