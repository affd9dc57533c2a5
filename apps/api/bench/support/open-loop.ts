// An open-loop load generator: requests leave at a fixed offered rate whether or not earlier ones
// have answered, and each latency is measured from the moment the request was due, so a stalled
// server shows up in the percentiles instead of slowing the generator down (no coordinated
// omission). Closed-loop clients (load.ts) measure capacity; this measures latency at a given rate.
import { Agent, request } from 'node:http';
import { type LoadRequest, type LoadResult, percentile } from './load';

export interface OpenLoopOptions {
  /** Requests per second offered. */
  readonly rate: number;
  readonly total: number;
  /** Stop issuing after this long; requests in flight still finish and count. */
  readonly maxMs: number;
  /** The k-th request (k counts from 0). */
  readonly next: (k: number) => LoadRequest;
  readonly accept: (status: number, body: string) => boolean;
  readonly failureCode?: (status: number, body: string) => string;
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
          // Cookie writes need an Origin or this header (CSRF check), as load.ts sends.
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

export async function runOpenLoop(options: OpenLoopOptions): Promise<LoadResult> {
  // Sockets grow with the requests in flight: an open loop never waits for a free one.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const latencies = new Float64Array(options.total);
  const interval = 1000 / options.rate;
  let issued = 0;
  let ok = 0;
  let failed = 0;
  const failures: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const fire = (k: number, due: number): Promise<void> =>
    send(agent, options.next(k)).then(
      (res) => {
        latencies[k] = performance.now() - due;
        if (options.accept(res.status, res.body)) ok += 1;
        else {
          failed += 1;
          const code = options.failureCode?.(res.status, res.body) ?? `HTTP ${res.status}`;
          failures[code] = (failures[code] ?? 0) + 1;
        }
      },
      (error: unknown) => {
        latencies[k] = performance.now() - due;
        failed += 1;
        const code = error instanceof Error ? error.message.slice(0, 40) : 'error';
        failures[code] = (failures[code] ?? 0) + 1;
      },
    );
  while (issued < options.total) {
    const now = performance.now();
    if (now - started >= options.maxMs) break;
    // Every request due by now leaves now (a late timer must not lower the offered rate).
    while (issued < options.total && started + issued * interval <= now) {
      inFlight.push(fire(issued, started + issued * interval));
      issued += 1;
    }
    const wait = started + issued * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(inFlight);
  const ms = performance.now() - started;
  agent.destroy();
  const sorted = latencies.slice(0, issued).sort();
  return {
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
  };
}
