import type { RoundEntity } from '../voting/round.entity';
import { toNeedsDecision, toRoundModel } from './round.mapper';

const at = new Date('2026-01-08T00:00:00Z');

function round(overrides: Partial<RoundEntity>): RoundEntity {
  return Object.assign(
    {
      id: 'r1',
      unitId: 'u1',
      number: 1,
      sourceHash: 'h',
      state: 'COLLECTING',
      params: {},
      openedAt: at,
      collectingSince: at,
      deadline: at,
      extensionsUsed: 0,
      closedAt: null,
      winnerId: null,
      reasons: [],
      decidedEarly: false,
      approvedCandidateId: null,
      rejectedCandidateIds: [],
      dirty: false,
      decision: null,
    },
    overrides,
  ) as RoundEntity;
}

describe('toNeedsDecision: the language manager queue as the API shows it (issue 17)', () => {
  it('an extended round: the reasons published at its deadline and when votes stop counting', () => {
    const extended = round({
      extensionsUsed: 1,
      decision: { outcome: 'UNDECIDED', reasons: ['QUORUM', 'MIN_VOTES'] },
    });
    expect(toNeedsDecision(extended)).toEqual({
      reasons: ['QUORUM', 'MIN_VOTES'],
      extendedUntil: at,
    });
  });

  it('a round closed UNDECIDED at its deadline: its reasons, no more time', () => {
    const closed = round({ state: 'UNDECIDED', reasons: ['MIN_MARGIN'], closedAt: at });
    expect(toNeedsDecision(closed)).toEqual({ reasons: ['MIN_MARGIN'], extendedUntil: null });
  });

  it('collecting on time, decided, or cancelled by a source change: not a manager call', () => {
    expect(toNeedsDecision(round({}))).toBeNull();
    expect(toNeedsDecision(round({ state: 'DECIDED', winnerId: 'c1' }))).toBeNull();
    expect(toNeedsDecision(round({ state: 'UNDECIDED', reasons: ['SOURCE_CHANGED'] }))).toBeNull();
  });
});

describe('toRoundModel: the round length (issue 17, "rounds last 7 days")', () => {
  it('comes from the parameter snapshot, not from a deadline that an extension moved', () => {
    const model = toRoundModel(round({ params: { duration: 604_800_000 }, extensionsUsed: 1 }));
    expect(model.duration).toBe(604_800_000);
  });

  it('is null when the snapshot has no usable length', () => {
    expect(toRoundModel(round({})).duration).toBeNull();
    expect(toRoundModel(round({ params: { duration: -1 } })).duration).toBeNull();
  });
});
