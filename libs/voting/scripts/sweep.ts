// Parameter sweep behind docs/voting-quality.md: which settings reach the targets in every
// scenario (≥ 97 % decided-correct, ≥ 90 % decided within two rounds, median ≤ 7 voters, ring
// wins ≤ 2 %). Run: SEEDS=20261125 SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/voting/scripts/sweep.ts
import type { VotingParams } from '../src/index';
import { TUNED_PARAMS } from '../src/index';
import { simulate } from '../src/sim/simulate';
import { SCENARIOS, SIM_SEED } from './scenarios';

const HOUR = 3_600_000;
const grid: Partial<VotingParams>[] = process.env['GRID']
  ? (JSON.parse(process.env['GRID']) as Partial<VotingParams>[]).map((g) => ({
      ...TUNED_PARAMS,
      ...g,
    }))
  : [
      TUNED_PARAMS,
      { ...TUNED_PARAMS, z: 1.645 },
      { ...TUNED_PARAMS, earlyScore: 0.68 },
      { ...TUNED_PARAMS, earlyScore: 0.68, earlyMargin: 0.3 },
      { ...TUNED_PARAMS, earlyScore: 0.68, minDuration: 24 * HOUR },
    ];
const only = process.env['SIM_ONLY']?.split(',');

const seeds = (process.env['SEEDS'] ?? String(SIM_SEED)).split(',').map(Number);
const strings = Number(process.env['SIM_STRINGS'] ?? 300);
for (const params of grid) {
  const cells = SCENARIOS.filter((sc) => !only || only.includes(sc.key)).map((sc) => {
    const runs = seeds.map((seed) => simulate({ ...sc.options, strings, seed, params }));
    const decided = runs.reduce((s, r) => s + r.chorus.decided, 0);
    const correct = runs.reduce((s, r) => s + r.chorus.decidedCorrect, 0);
    const inTwo = runs.reduce((s, r) => s + r.chorus.decidedInTwoRoundsPct, 0) / runs.length;
    const voters = Math.max(...runs.map((r) => r.chorus.medianVotersPerDecided));
    const ring = runs.reduce((s, r) => s + r.ringStrings, 0);
    const wins = runs.reduce((s, r) => s + r.ringWins.chorus, 0);
    const ringPart = ring > 0 ? ` ring ${((100 * wins) / ring).toFixed(1)}` : '';
    return `${sc.key}: ${((100 * correct) / Math.max(1, decided)).toFixed(1)}/${inTwo.toFixed(0)}/${voters}${ringPart}`;
  });
  console.log(JSON.stringify(params), '\n   ', cells.join(' | '));
}
