import { DEFAULT_PARAMS } from '../round/params';
import { DAY, makeVoter, T0 } from '../testing';
import { explainWeightAtCast, reliability, weightAtCast } from './weight';

const P = DEFAULT_PARAMS;

describe('weightAtCast (C2)', () => {
  it('a newcomer (R = 0.5) weighs 0.55', () => {
    expect(weightAtCast(makeVoter('v'), 'author', T0, P)).toBeCloseTo(0.55, 12);
  });

  it('30 agreements and 1 disagreement give R 0.9143 and w 0.9229', () => {
    const voter = makeVoter('v', { agree: 30, disagree: 1 });
    expect(reliability(30, 1, P)).toBeCloseTo(0.9143, 4);
    expect(weightAtCast(voter, 'author', T0, P)).toBeCloseTo(0.9229, 4);
  });

  it('a banned voter weighs 0', () => {
    expect(explainWeightAtCast(makeVoter('v', { banned: true, agree: 50 }), 'a', T0, P)).toEqual({
      weight: 0,
      basis: 'BANNED',
    });
  });

  it('an account younger than minAccountAge weighs wMin, whatever its reputation', () => {
    const young = makeVoter('v', { accountCreatedAt: T0 - 6 * DAY, agree: 50 });
    expect(explainWeightAtCast(young, 'a', T0, P)).toEqual({ weight: 0.1, basis: 'NEW_ACCOUNT' });
    const justOldEnough = makeVoter('v', { accountCreatedAt: T0 - 7 * DAY });
    expect(weightAtCast(justOldEnough, 'a', T0, P)).toBeCloseTo(0.55, 12);
  });

  it('a voter flagged in a collusion pair with the author weighs wMin for that author only', () => {
    const voter = makeVoter('v', { agree: 40, collusionPartners: ['friend'] });
    expect(explainWeightAtCast(voter, 'friend', T0, P)).toEqual({
      weight: 0.1,
      basis: 'COLLUSION',
    });
    expect(weightAtCast(voter, 'stranger', T0, P)).toBeGreaterThan(0.9);
  });

  it('stays within [wMin, 1] for any reputation', () => {
    for (const [agree, disagree] of [
      [0, 1000],
      [1000, 0],
      [3, 7],
    ] as const) {
      const w = weightAtCast(makeVoter('v', { agree, disagree }), 'a', T0, P);
      expect(w).toBeGreaterThanOrEqual(P.wMin);
      expect(w).toBeLessThanOrEqual(1);
    }
  });
});
