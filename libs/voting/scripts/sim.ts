// `npm run sim`: the crowd simulator's quality table (docs/voting-quality.md).
// Chorus runs the real state machine; the baselines see the same simulated votes.
import type { RuleSummary, SimulationResult, VotingParams } from '../src/index';
import { DEFAULT_PARAMS, simulate, TUNED_PARAMS } from '../src/index';
import { SCENARIOS, SIM_SEED } from './scenarios';

const seed = Number(process.env['SIM_SEED'] ?? SIM_SEED);

function row(label: string, s: RuleSummary): string {
  return `| ${label} | ${s.rule} | ${s.decided}/${s.strings} | ${s.decidedCorrectPct.toFixed(1)} | ${s.undecidedPct.toFixed(1)} | ${s.medianVotesPerDecided} |`;
}

function run(params: Partial<VotingParams>): SimulationResult[] {
  return SCENARIOS.map((sc) => simulate({ ...sc.options, seed, params }));
}

const started = process.hrtime.bigint();
const tuned = run(TUNED_PARAMS);
const defaults = run({});

console.log(
  `Crowd simulator, seed ${seed}; ${SCENARIOS[0]?.options.strings ?? 0} strings per scenario.`,
);
console.log('');
console.log(
  '| scenario | rule | strings decided | decided-correct % | undecided % | median votes per decided string |',
);
console.log('|---|---|---|---|---|---|');
SCENARIOS.forEach((sc, i) => {
  const t = tuned[i];
  const d = defaults[i];
  if (!t || !d) return;
  console.log(row(sc.label, { ...t.chorus, rule: 'Chorus (tuned)' }));
  console.log(row(sc.label, { ...d.chorus, rule: 'Chorus (C1 defaults)' }));
  console.log(row(sc.label, t.weblate));
  console.log(row(sc.label, t.mostUpvotes));
});
console.log('');
console.log(
  '| scenario | ring strings | ring wins: Chorus tuned / C1 defaults / Weblate / most up-votes | pairs flagged | votes |',
);
console.log('|---|---|---|---|---|');
SCENARIOS.forEach((sc, i) => {
  const t = tuned[i];
  const d = defaults[i];
  if (!t || !d) return;
  console.log(
    `| ${sc.label} | ${t.ringStrings} | ${t.ringWins.chorus} / ${d.ringWins.chorus} / ${t.ringWins.weblate} / ${t.ringWins.mostUpvotes} | ${t.flaggedPairs} | ${t.votes} |`,
  );
});
console.log('');
const changed = (Object.keys(TUNED_PARAMS) as (keyof VotingParams)[])
  .map((k) => `${k} ${DEFAULT_PARAMS[k]} → ${TUNED_PARAMS[k] ?? DEFAULT_PARAMS[k]}`)
  .join(', ');
console.log(`Tuned parameters: ${changed}.`);
console.log(`(${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`);
