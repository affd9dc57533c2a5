import { SCENARIOS, SIM_SEED } from '../../scripts/scenarios';
import { TUNED_PARAMS } from '../round/params';
import { simulate } from './simulate';

// Deterministic at a fixed seed, so asserting quality cannot flake. Kept to a few scenarios at a
// reduced size so the test stays small; `npm run sim` runs them all on three seeds.
const run = (key: string, strings: number, community = true) => {
  const scenario = SCENARIOS.find((s) => s.key === key);
  if (!scenario) throw new Error(`no scenario ${key}`);
  return simulate({
    ...scenario.options,
    strings,
    seed: SIM_SEED,
    params: TUNED_PARAMS,
    community,
  });
};

describe('sim quality: 25% careless + a 5-account ring, tuned parameters', () => {
  const r = run('c', 300);

  // Pooled over the three recorded seeds it is 97.6 % (docs/voting-quality.md); this seed alone
  // is the weakest of the three, so the floor here is a point lower.
  it('decides ≥ 96% of decided strings correctly at this seed', () => {
    expect(r.chorus.decidedCorrectPct).toBeGreaterThanOrEqual(96);
  });

  it('lets the ring win at most 2 of its strings, far fewer than either baseline', () => {
    expect(r.ringWins.chorus).toBeLessThanOrEqual(2);
    expect(r.ringWins.chorus).toBeLessThan(r.ringWins.mostUpvotes);
    expect(r.ringWins.chorus).toBeLessThan(r.ringWins.weblate);
  });
});

describe('sim quality: a team of three', () => {
  it('decides nearly every string by vote (endorsements), where the fixed thresholds decide none', () => {
    const scaled = run('e', 60);
    const fixed = run('e', 60, false);
    expect(fixed.chorus.decided).toBe(0);
    expect(scaled.chorus.decidedInTwoRoundsPct).toBeGreaterThanOrEqual(90);
    expect(scaled.chorus.decidedCorrectPct).toBeGreaterThanOrEqual(95);
    expect(scaled.honestPairsFlagged).toBe(0);
  });
});

describe('sim quality: 25% careless + a 15-account ring that also downvotes', () => {
  // 98.0 % correct, 96.6 % in two rounds, ring wins 1.0 % over the three seeds at full size.
  const r = run('d', 150);

  it('meets the issue-17 targets at this seed: correct, decided in two rounds, median voters', () => {
    expect(r.chorus.decidedCorrectPct).toBeGreaterThanOrEqual(97);
    expect(r.chorus.decidedInTwoRoundsPct).toBeGreaterThanOrEqual(90);
    expect(r.chorus.medianVotersPerDecided).toBeLessThanOrEqual(7);
  });

  it('the ring wins at most 2 % of its strings, without flagging an honest pair', () => {
    expect(r.ringWins.chorus).toBeLessThanOrEqual(Math.floor(0.02 * r.ringStrings));
    expect(r.honestPairsFlagged).toBe(0);
  });
});

describe('sim quality: launch day, every account new', () => {
  it('decides by vote within two rounds, with no honest pair flagged as a burst', () => {
    const r = run('i', 100);
    expect(r.chorus.decidedInTwoRoundsPct).toBeGreaterThanOrEqual(85);
    expect(r.chorus.decidedCorrectPct).toBeGreaterThanOrEqual(97);
    expect(r.honestPairsFlagged).toBe(0);
  });
});
