// `npm run sim`: the crowd simulator's quality table (docs/voting-quality.md), every scenario on
// three seeds, worst first. Chorus runs the real state machine; the baselines see the same votes.
// SIM_SEEDS=1,2 to choose seeds, SIM_ONLY=a,e to choose scenarios, SIM_STRINGS=100 for a quick look.
import type { RuleSummary, SimulationResult } from '../src/index';
import { TUNED_PARAMS, simulate } from '../src/index';
import type { Scenario } from './scenarios';
import { SCENARIOS, SIM_SEEDS } from './scenarios';

const seeds = (process.env['SIM_SEEDS'] ?? SIM_SEEDS.join(',')).split(',').map(Number);
const only = process.env['SIM_ONLY']?.split(',');
// SIM_FAST=1 skips the fixed-threshold comparison runs (half the time) while tuning.
const strings = process.env['SIM_STRINGS'] ? Number(process.env['SIM_STRINGS']) : undefined;

interface Row {
  readonly scenario: Scenario;
  readonly runs: readonly SimulationResult[];
  readonly before: readonly SimulationResult[];
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

/** Pooled over seeds: correct among decided, decided in two rounds; medians per seed. */
function pooled(runs: readonly SimulationResult[], pick: (r: SimulationResult) => RuleSummary) {
  const all = runs.map(pick);
  const decided = all.reduce((s, x) => s + x.decided, 0);
  const strs = all.reduce((s, x) => s + x.strings, 0);
  return {
    correct: pct(
      all.reduce((s, x) => s + x.decidedCorrect, 0),
      decided,
    ),
    undecided: pct(strs - decided, strs),
    inTwo: (all.reduce((s, x) => s + (x.decidedInTwoRoundsPct * x.strings) / 100, 0) / strs) * 100,
    votes: all.map((x) => `${x.medianVotersPerDecided} (${x.medianVotesPerDecided})`).join(' / '),
    hours: all.map((x) => x.medianHoursToDecision).join('/'),
    maxVotes: Math.max(...all.map((x) => x.medianVotersPerDecided)),
  };
}

function ringWins(runs: readonly SimulationResult[], pick: (r: SimulationResult) => number) {
  const strs = runs.reduce((s, r) => s + r.ringStrings, 0);
  const wins = runs.reduce((s, r) => s + pick(r), 0);
  return strs === 0 ? '—' : `${wins}/${strs} (${pct(wins, strs).toFixed(1)}%)`;
}

/** Distance below the targets: the worst scenario is the one that misses them most. */
function shortfall(row: Row): number {
  const p = pooled(row.runs, (r) => r.chorus);
  const strs = row.runs.reduce((s, r) => s + r.ringStrings, 0);
  const wins = row.runs.reduce((s, r) => s + r.ringWins.chorus, 0);
  return (
    Math.max(0, 97 - p.correct) * 3 +
    Math.max(0, 90 - p.inTwo) +
    Math.max(0, p.maxVotes - 7) * 5 +
    Math.max(0, pct(wins, strs) - 2) * 3 -
    p.correct / 1000
  );
}

const started = process.hrtime.bigint();
const rows: Row[] = SCENARIOS.filter((sc) => !only || only.includes(sc.key)).map((scenario) => {
  const options = strings ? { ...scenario.options, strings } : scenario.options;
  return {
    scenario,
    runs: seeds.map((seed) => simulate({ ...options, seed, params: TUNED_PARAMS })),
    before: process.env['SIM_FAST']
      ? []
      : seeds.map((seed) => simulate({ ...options, seed, params: TUNED_PARAMS, community: false })),
  };
});
rows.sort((x, y) => shortfall(y) - shortfall(x));

console.log(`Crowd simulator, seeds ${seeds.join(', ')}; worst scenario first.`);
console.log('');
console.log(
  '| scenario | rule | decided-correct % | undecided % | decided within 2 rounds % | median voters (vote rows) per decided string, per seed | median hours to decision (per seed) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) {
  const rules: [string, readonly SimulationResult[], (r: SimulationResult) => RuleSummary][] = [
    ['**Chorus**', row.runs, (r) => r.chorus],
    ['Chorus, fixed thresholds', row.before, (r) => r.chorus],
    ['sum of votes ≥ 2', row.runs, (r) => r.weblate],
    ['most upvotes at the deadline', row.runs, (r) => r.mostUpvotes],
  ];
  for (const [rule, runs, pick] of rules) {
    const p = pooled(runs, pick);
    console.log(
      `| ${row.scenario.label} | ${rule} | ${p.correct.toFixed(1)} | ${p.undecided.toFixed(1)} | ${p.inTwo.toFixed(1)} | ${p.votes} | ${p.hours} |`,
    );
  }
}
console.log('');
console.log(
  '| scenario | ring wins: Chorus | fixed thresholds | sum ≥ 2 | most upvotes | honest pairs flagged (per seed) | strings sent to a manager |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.scenario.label} | ${ringWins(row.runs, (r) => r.ringWins.chorus)} | ${ringWins(row.before, (r) => r.ringWins.chorus)} | ${ringWins(row.runs, (r) => r.ringWins.weblate)} | ${ringWins(row.runs, (r) => r.ringWins.mostUpvotes)} | ${row.runs.map((r) => r.honestPairsFlagged).join('/')} | ${row.runs.reduce((s, r) => s + r.needsDecision, 0)} |`,
  );
}
console.log('');
console.log(`Parameters: ${JSON.stringify(TUNED_PARAMS)}`);
console.log(`(${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`);
