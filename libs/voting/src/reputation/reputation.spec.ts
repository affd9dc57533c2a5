import fc from 'fast-check';
import { DEFAULT_PARAMS } from '../round/params';
import { transition } from '../round/state-machine';
import type { Effect } from '../round/events';
import { DAY, makeCandidate, makeState, makeVote, makeVotes, T0 } from '../testing';
import type { LedgerEntry } from './ledger';
import { applyLedgerEntries, EMPTY_BOOK, ledgerKey, reputationOf } from './ledger';
import { reputationOnDecided } from './on-decided';
import { roleHints, translatorReliability, voterReliability } from './reputation';

const P = DEFAULT_PARAMS;

function decide(input: Partial<Parameters<typeof reputationOnDecided>[0]>) {
  return reputationOnDecided({
    roundId: 'r1',
    winnerId: 'win',
    reasons: [],
    isGold: false,
    params: P,
    candidates: [],
    votes: [],
    bannedUserIds: [],
    ...input,
  });
}

describe('reputation: GOOD / BAD / NEUTRAL classification', () => {
  const r = decide({
    candidates: [
      makeCandidate({ id: 'win', authorId: 'w' }),
      makeCandidate({ id: 'sunk', authorId: 's' }), // 4 unanimous downvotes: UB 0.4899 < 0.5
      makeCandidate({ id: 'meh', authorId: 'm' }), // 3 downvotes: UB 0.5615
      makeCandidate({ id: 'rej', authorId: 'r', status: 'rejected' }),
    ],
    votes: [
      ...makeVotes('win', 5),
      ...makeVotes('sunk', 4, { value: -1 }),
      ...makeVotes('meh', 3, { value: -1 }),
    ],
  });

  it('the winner is GOOD, four unanimous downvotes or a manager rejection BAD, the rest NEUTRAL', () => {
    expect(r.classes).toEqual([
      { candidateId: 'meh', class: 'NEUTRAL' },
      { candidateId: 'rej', class: 'BAD' },
      { candidateId: 'sunk', class: 'BAD' },
      { candidateId: 'win', class: 'GOOD' },
    ]);
  });

  it('translators: the winner’s author accepted +1, BAD authors rejected +1, NEUTRAL untouched', () => {
    const translators = r.entries.filter((e) => e.kind === 'translator');
    expect(translators).toEqual([
      { roundId: 'r1', userId: 'r', kind: 'translator', accepted: 0, rejected: 1 },
      { roundId: 'r1', userId: 's', kind: 'translator', accepted: 0, rejected: 1 },
      { roundId: 'r1', userId: 'w', kind: 'translator', accepted: 1, rejected: 0 },
    ]);
  });

  it('votes on NEUTRAL candidates are not evaluated', () => {
    expect(r.evaluatedVotes.some((v) => v.candidateId === 'meh')).toBe(false);
  });
});

describe('reputation: agree and disagree', () => {
  const r = decide({
    candidates: [makeCandidate({ id: 'win' }), makeCandidate({ id: 'bad', status: 'rejected' })],
    votes: [
      makeVote({ voterId: 'up-good', candidateId: 'win', value: 1 }),
      makeVote({ voterId: 'down-good', candidateId: 'win', value: -1 }),
      makeVote({ voterId: 'down-bad', candidateId: 'bad', value: -1 }),
      makeVote({ voterId: 'up-bad', candidateId: 'bad', value: 1 }),
    ],
  });

  it('up on GOOD and down on BAD agree; the opposite disagrees', () => {
    const voters = Object.fromEntries(
      r.entries
        .filter((e) => e.kind === 'voter')
        .map((e) => [e.userId, e.kind === 'voter' && [e.agree, e.disagree]]),
    );
    expect(voters).toEqual({
      'up-good': [1, 0],
      'down-good': [0, 1],
      'down-bad': [1, 0],
      'up-bad': [0, 1],
    });
  });
});

describe('reputation: the gold factor', () => {
  const candidates = [makeCandidate({ id: 'win' })];
  const votes = [makeVote({ voterId: 'v', candidateId: 'win' })];

  it('counts goldFactor (2) for a gold unit', () => {
    expect(decide({ isGold: true, candidates, votes }).entries[0]).toMatchObject({
      kind: 'voter',
      agree: 2,
    });
  });

  it('counts goldFactor for a manager approval', () => {
    const r = decide({ reasons: ['MANAGER_APPROVED'], candidates, votes });
    expect(r.factor).toBe(2);
    expect(r.entries[0]).toMatchObject({ agree: 2, disagree: 0 });
  });

  it('counts 1 otherwise', () => {
    expect(decide({ candidates, votes }).entries[0]).toMatchObject({ agree: 1 });
  });
});

describe('reputation: votes are evaluated once', () => {
  it('a vote already evaluated in an earlier round is skipped', () => {
    const r = decide({
      candidates: [makeCandidate({ id: 'win' })],
      votes: [
        makeVote({ voterId: 'old', candidateId: 'win', evaluatedInRound: 'r0' }),
        makeVote({ voterId: 'new', candidateId: 'win' }),
      ],
    });
    expect(r.evaluatedVotes.map((v) => v.voterId)).toEqual(['new']);
  });

  it('the state machine stamps evaluatedInRound, so round 2 does not count them again', () => {
    const s = makeState({
      candidates: [makeCandidate({ id: 'c1' })],
      votes: makeVotes('c1', 5),
    });
    const decided = transition(s, { type: 'tick' }, T0 + 7 * DAY).state;
    expect(decided.votes.every((v) => v.evaluatedInRound === 'r1')).toBe(true);
    // Manager re-approval in round 2 produces no voter entries for the same votes.
    const again = transition(
      { ...decided, candidates: [...decided.candidates, makeCandidate({ id: 'c2' })] },
      { type: 'managerApprove', candidateId: 'c2' },
      T0 + 8 * DAY,
    );
    const effects: readonly Effect[] = again.effects;
    const rep = effects.find(
      (e): e is Extract<Effect, { type: 'applyReputation' }> => e.type === 'applyReputation',
    );
    expect(rep?.entries.filter((e) => e.kind === 'voter')).toEqual([]);
  });
});

describe('reputation: UNDECIDED changes nothing', () => {
  it('an UNDECIDED close emits no reputation effect and stamps no vote', () => {
    const s = makeState({ candidates: [makeCandidate({ id: 'c1' })], votes: makeVotes('c1', 3) });
    const r = transition(s, { type: 'tick' }, T0 + 7 * DAY);
    expect(r.state.round.state).toBe('UNDECIDED');
    expect(r.effects.map((e) => e.type)).toEqual(['publishDecision']);
    expect(r.state.votes.every((v) => v.evaluatedInRound === null)).toBe(true);
  });
});

describe('reputation: the ledger is idempotent', () => {
  const entries: LedgerEntry[] = [
    { roundId: 'r1', userId: 'a', kind: 'voter', agree: 2, disagree: 0 },
    { roundId: 'r1', userId: 'a', kind: 'translator', accepted: 1, rejected: 0 },
  ];

  it('applying a decision twice equals applying it once', () => {
    const once = applyLedgerEntries(EMPTY_BOOK, entries);
    expect(applyLedgerEntries(once, entries)).toEqual(once);
    expect(reputationOf(once, 'a')).toEqual({ agree: 2, disagree: 0, accepted: 1, rejected: 0 });
  });

  it('keys are (roundId, userId, kind)', () => {
    expect(ledgerKey(entries[0]!)).toBe('["r1","a","voter"]');
    expect(ledgerKey(entries[0]!)).not.toBe(ledgerKey(entries[1]!));
  });

  const arbEntry: fc.Arbitrary<LedgerEntry> = fc.oneof(
    fc.record({
      roundId: fc.constantFrom('r1', 'r2', 'r3'),
      userId: fc.constantFrom('a', 'b', 'c'),
      kind: fc.constant('voter' as const),
      agree: fc.constantFrom(0, 1, 2),
      disagree: fc.constantFrom(0, 1, 2),
    }),
    fc.record({
      roundId: fc.constantFrom('r1', 'r2', 'r3'),
      userId: fc.constantFrom('a', 'b', 'c'),
      kind: fc.constant('translator' as const),
      accepted: fc.constantFrom(0, 1),
      rejected: fc.constantFrom(0, 1),
    }),
  );

  it('apply(apply(book, e), e) = apply(book, e) for any book and entries (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbEntry, { maxLength: 8 }),
        fc.array(arbEntry, { maxLength: 8 }),
        (earlier, entries) => {
          const book = applyLedgerEntries(EMPTY_BOOK, earlier);
          const once = applyLedgerEntries(book, entries);
          expect(applyLedgerEntries(once, entries)).toEqual(once);
        },
      ),
    );
  });
});

describe('reputation: reliabilities and role hints', () => {
  it('R_v and R_t use the Beta(α, β) prior', () => {
    const r = { agree: 30, disagree: 1, accepted: 8, rejected: 0 };
    expect(voterReliability(r, P)).toBeCloseTo(32 / 35, 12);
    expect(translatorReliability(r, P)).toBeCloseTo(10 / 12, 12);
  });

  it('R_t ≥ 0.8 with ≥ 20 accepted hints a trusted translator', () => {
    expect(roleHints({ agree: 0, disagree: 0, accepted: 20, rejected: 2 }, P)).toEqual([
      'TRUSTED_TRANSLATOR',
    ]);
    expect(roleHints({ agree: 0, disagree: 0, accepted: 19, rejected: 0 }, P)).toEqual([]);
  });

  it('R_v < 0.35 with ≥ 10 evaluated votes flags the voter for review', () => {
    expect(roleHints({ agree: 1, disagree: 9, accepted: 0, rejected: 0 }, P)).toEqual([
      'VOTER_REVIEW',
    ]);
    expect(roleHints({ agree: 0, disagree: 9, accepted: 0, rejected: 0 }, P)).toEqual([]);
  });
});
