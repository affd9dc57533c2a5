import type { SimulationOptions } from '../src/index';

/** The seed recorded in docs/voting-quality.md. */
export const SIM_SEED = 20261125;

export interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly options: Omit<SimulationOptions, 'seed'>;
}

const base = { strings: 300, candidatesPerString: 3, voters: 30, carelessShare: 0, ringSize: 0 };

export const SCENARIOS: readonly Scenario[] = [
  { key: 'a', label: '(a) honest crowd', options: base },
  { key: 'b', label: '(b) 25% careless', options: { ...base, carelessShare: 0.25 } },
  {
    key: 'c',
    label: '(c) 25% careless + 5-account ring',
    options: { ...base, carelessShare: 0.25, ringSize: 5 },
  },
  { key: 'd', label: '(d) tiny locale, 2 voters', options: { ...base, voters: 2 } },
];
