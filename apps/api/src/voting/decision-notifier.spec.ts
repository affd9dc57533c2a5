import type { Candidate, Effect, UnitVotingState } from '@chorus/voting';
import { DecisionNotifier, type DecidedRound } from './decision-notifier';
import type { UnitContext } from './unit-state.repository';

type PublishDecision = Extract<Effect, { type: 'publishDecision' }>;

const context = {
  unitId: 'u1',
  projectId: 'p1',
  projectSlug: 'shop',
  projectVisibility: 'public',
  stringId: 's1',
  localeId: 'l1',
  localeCode: 'pl',
  sourceLocale: 'en',
  stringRemoved: false,
} satisfies UnitContext;

function candidate(id: string, authorId: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    id,
    unitId: 'u1',
    sourceHash: 'h1',
    authorId,
    forms: { '': `text ${id}` },
    createdAt: 0,
    status: 'active',
    blockingErrors: [],
    ...overrides,
  };
}

function decided(
  candidates: Candidate[],
  outcome: { decided: boolean; winnerId: string | null },
  state: 'DECIDED' | 'UNDECIDED' = 'DECIDED',
): DecidedRound {
  const round = {
    id: 'r1',
    sourceHash: 'h1',
    state,
    outcome: { ...outcome, reasons: [], early: false },
  };
  return {
    context,
    state: { candidates } as unknown as UnitVotingState,
    effect: { type: 'publishDecision', round } as unknown as PublishDecision,
    needsDecision: false,
  };
}

describe('won/lost notices of a decided round', () => {
  it('tells the winner once and every other author of the round once', () => {
    const notices = DecisionNotifier.noticesOf(
      decided(
        [
          candidate('c1', 'ann'),
          candidate('c2', 'ben'),
          candidate('c3', 'ben'),
          candidate('c4', 'ann'),
          candidate('c5', 'cat', { status: 'withdrawn' }),
          candidate('c6', 'dan', { sourceHash: 'old' }),
        ],
        { decided: true, winnerId: 'c1' },
      ),
      'cart.title',
    );
    expect(notices.map((n) => [n.userId, n.kind, n.dedupeKey])).toEqual([
      ['ann', 'CANDIDATE_WON', 'won:r1'],
      ['ben', 'CANDIDATE_LOST', 'lost:r1'],
    ]);
    expect(notices[0]?.payload).toEqual({
      locale: 'pl',
      stringId: 's1',
      stringKey: 'cart.title',
      roundId: 'r1',
      excerpt: 'text c1',
    });
  });

  it('tells nobody about an undecided round', () => {
    expect(
      DecisionNotifier.noticesOf(
        decided([candidate('c1', 'ann')], { decided: false, winnerId: null }, 'UNDECIDED'),
        null,
      ),
    ).toEqual([]);
  });
});
