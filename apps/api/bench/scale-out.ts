// Scale-out: W2 with 1 and 2 API processes (clients alternate between the two ports, as a
// round-robin load balancer would) and W3 with 1 and 2 worker processes, against the same
// Postgres and Redis. Shows correctness (stored = acknowledged votes; each round decided once)
// and where throughput goes on this machine.
// Run: npm run bench -- scale-out [--full] [--votes=N --rounds=N] [--source]
import { runW2Votes, w2Row } from './w2-votes';
import { runW3Close, w3Row } from './w3-close';
import { type BenchRow, flag, isFull, machine, printRows, record, table } from './support/report';
import { type BenchEnv, benchEnv, ensureBuilt } from './support/stack';

export interface ScaleOutOptions {
  readonly env: BenchEnv;
  readonly voters: number;
  readonly votes: number;
  readonly rounds: number;
  readonly log?: (line: string) => void;
}

export async function runScaleOut(options: ScaleOutOptions): Promise<{
  votes: Awaited<ReturnType<typeof runW2Votes>>[];
  rounds: Awaited<ReturnType<typeof runW3Close>>[];
}> {
  const votes = [];
  for (const apis of [1, 2]) {
    options.log?.(`W2 with ${apis} API process(es)`);
    votes.push(
      await runW2Votes({
        env: options.env,
        voters: options.voters,
        votes: options.votes,
        apis,
        workers: 1,
        log: options.log,
      }),
    );
  }
  const rounds = [];
  for (const workers of [1, 2]) {
    options.log?.(`W3 with ${workers} worker process(es)`);
    rounds.push(
      await runW3Close({ env: options.env, rounds: options.rounds, workers, log: options.log }),
    );
  }
  return { votes, rounds };
}

export function scaleOutRows(
  r: Awaited<ReturnType<typeof runScaleOut>>,
  full: boolean,
): BenchRow[] {
  return [
    ...r.votes.map((v) => ({
      ...w2Row(v, full, `scale-out W2 ${v.apis} API`),
      goal: 'stored = acknowledged',
      pass: v.stored === v.votes.ok,
    })),
    ...r.rounds.map((w) => ({
      ...w3Row(w, full, `scale-out W3 ${w.workers} worker${w.workers > 1 ? 's' : ''}`),
      goal: 'each round decided once',
      pass:
        w.roundRows === w.rounds && w.ledgerRows === w.expectedLedgerRows && w.decided === w.rounds,
    })),
  ];
}

async function main(): Promise<void> {
  const env = benchEnv();
  const full = isFull();
  ensureBuilt(env, console.log);
  const r = await runScaleOut({
    env,
    voters: flag('voters', 200),
    votes: flag('votes', full ? 100_000 : 3_000),
    rounds: flag('rounds', full ? 20_000 : 2_000),
    log: console.log,
  });
  const rows = scaleOutRows(r, full);
  printRows(rows);
  const body = [
    'W2 and W3 as above, once with one process and once with two, all on this 2-core machine with Postgres and',
    'Redis. Two APIs: each virtual voter alternates between the two ports (what a round-robin balancer does).',
    'Two workers: both consume the same BullMQ queue (concurrency 8 each). Correctness is the goal here; the',
    'throughput columns show where the cores go (see docs/scaling.md).',
    '',
    table(rows),
  ].join('\n');
  await record('## Scale-out', body, rows, await machine(env));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
