import type { SimulationOptions } from '../src/index';

/** The seeds recorded in docs/voting-quality.md: every scenario runs on all three. */
export const SIM_SEEDS: readonly number[] = [20261125, 7, 99];
export const SIM_SEED = 20261125;

export interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly options: Omit<SimulationOptions, 'seed'>;
}

const HOUR = 3_600_000;
const base = { strings: 300, candidatesPerString: 3, voters: 30, carelessShare: 0, ringSize: 0 };
/** A small team: everyone translates and reviews, every member sees every string. */
const team = (n: number) => ({
  ...base,
  voters: n,
  candidatesPerString: 2,
  translatorsAreVoters: true,
  votesPerString: n,
  meanVoteGapMs: 12 * HOUR,
});

export const SCENARIOS: readonly Scenario[] = [
  { key: 'a', label: '(a) honest crowd', options: base },
  { key: 'b', label: '(b) 25% careless', options: { ...base, carelessShare: 0.25 } },
  {
    key: 'c',
    label: '(c) 25% careless + 5-account ring',
    options: { ...base, carelessShare: 0.25, ringSize: 5 },
  },
  {
    key: 'd',
    label: '(d) 25% careless + 15-account ring that also downvotes',
    options: { ...base, carelessShare: 0.25, ringSize: 15, ringDownvotes: true },
  },
  { key: 'e', label: '(e) team of 3', options: team(3) },
  { key: 'f', label: '(f) team of 4', options: team(4) },
  {
    key: 'g',
    label: '(g) sparse: 5 visitors per string',
    options: { ...base, votesPerString: 5, meanVoteGapMs: 12 * HOUR },
  },
  {
    key: 'h',
    label: '(h) 40% lazy upvoters, candidates arriving over a day',
    options: { ...base, lazyShare: 0.4, candidateGapMs: 12 * HOUR },
  },
  {
    key: 'i',
    label: '(i) launch day: every account new',
    options: { ...base, launchDay: true, warmStart: false, openSpreadMs: 3 * 24 * HOUR },
  },
];
