// Parameter sweep behind docs/voting-quality.md: which early-close settings reach the targets
// (≥ 97 % decided-correct, median ≤ 7 votes per decided string) in every scenario.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/voting/scripts/sweep.ts
import type { VotingParams } from '../src/index';
import { simulate } from '../src/sim/simulate';
import { SCENARIOS, SIM_SEED } from './scenarios';

const HOUR = 3_600_000;
// The rows of the trade-off table in docs/voting-quality.md.
const grid: Partial<VotingParams>[] = [
  { minDuration: 24 * HOUR, z: 1.96, earlyScore: 0.7, earlyMargin: 0.2 },
  { minDuration: 24 * HOUR, z: 1.645, earlyScore: 0.55, earlyMargin: 0.2 },
  { minDuration: 12 * HOUR, z: 1.645, earlyScore: 0.5, earlyMargin: 0.2 },
  { minDuration: 12 * HOUR, z: 1.44, earlyScore: 0.55, earlyMargin: 0.2 },
  { minDuration: 12 * HOUR, z: 1.282, earlyScore: 0.55, earlyMargin: 0.3 },
  { minDuration: 12 * HOUR, z: 1.282, earlyScore: 0.55, earlyMargin: 0.2 },
];

const seeds = (process.env['SEEDS'] ?? String(SIM_SEED)).split(',').map(Number);
const rows: string[] = [];
for (const params of grid) {
  const cells: string[] = [];
  for (const sc of SCENARIOS.filter((s) => s.key !== 'd')) {
    let decided = 0;
    let correct = 0;
    let undecided = 0;
    const medians: number[] = [];
    for (const seed of seeds) {
      const r = simulate({ ...sc.options, seed, params: { ...params } });
      decided += r.chorus.decided;
      correct += r.chorus.decidedCorrect;
      undecided += r.chorus.undecidedPct;
      medians.push(r.chorus.medianVotesPerDecided);
    }
    cells.push(
      `${sc.key}: ${((100 * correct) / Math.max(1, decided)).toFixed(1)}% ok, ${(undecided / seeds.length).toFixed(1)}% und, med ${medians.join('/')}`,
    );
  }
  rows.push(
    `| ${(params.minDuration ?? 0) / HOUR} h | ${params.z} | ${params.earlyScore} | ${params.earlyMargin} | ${cells.join(' | ')} |`,
  );
}
console.log(`seeds ${seeds.join(',')}`);
console.log('| minDuration | z | earlyScore | earlyMargin | (a) | (b) | (c) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
