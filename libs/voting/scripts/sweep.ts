// Parameter sweep behind docs/voting-quality.md: which early-close settings reach the targets
// (≥ 97 % decided-correct, median ≤ 7 votes per decided string) in every scenario.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/voting/scripts/sweep.ts
import type { VotingParams } from '../src/index';
import { simulate } from '../src/sim/simulate';
import { SCENARIOS, SIM_SEED } from './scenarios';

const HOUR = 3_600_000;
const grid: Partial<VotingParams>[] = [];
for (const minDuration of [24 * HOUR, 12 * HOUR, 6 * HOUR]) {
  for (const z of [1.96, 1.645]) {
    for (const earlyScore of [0.7, 0.6, 0.55, 0.5]) {
      grid.push({ minDuration, z, earlyScore, earlyMargin: 0.2 });
    }
  }
}

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
    `| ${(params.minDuration ?? 0) / HOUR} h | ${params.z} | ${params.earlyScore} | ${cells.join(' | ')} |`,
  );
}
console.log(`seeds ${seeds.join(',')}`);
console.log('| minDuration | z | earlyScore | (a) | (b) | (c) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
