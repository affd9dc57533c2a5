/**
 * Builders for tests in any project (`@chorus/voting/testing`). Plain data, no test framework.
 */
import type {
  Candidate,
  EpochMs,
  Id,
  Round,
  Unit,
  UnitVotingState,
  Vote,
  VoterProfile,
} from './model/types';
import { DEFAULT_PARAMS } from './round/params';
import type { VotingParams } from './round/params';

/** 2026-01-01T00:00:00Z. */
export const T0: EpochMs = 1_767_225_600_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function makeUnit(overrides: Partial<Unit> = {}): Unit {
  return { id: 'u1', sourceHash: 'h1', isGold: false, locked: false, ...overrides };
}

export function makeCandidate(overrides: Partial<Candidate> & { readonly id: Id }): Candidate {
  return {
    unitId: 'u1',
    sourceHash: 'h1',
    authorId: `author-${overrides.id}`,
    forms: { '': `text ${overrides.id}` },
    createdAt: T0,
    status: 'active',
    blockingErrors: [],
    ...overrides,
  };
}

export function makeVote(
  overrides: Partial<Vote> & { readonly voterId: Id; readonly candidateId: Id },
): Vote {
  return { value: 1, castAt: T0, weight: 1, evaluatedInRound: null, ...overrides };
}

/** A voter old enough to vote at full reputation-based weight, with no history. */
export function makeVoter(userId: Id, overrides: Partial<VoterProfile> = {}): VoterProfile {
  return {
    userId,
    accountCreatedAt: T0 - 365 * DAY,
    banned: false,
    agree: 0,
    disagree: 0,
    collusionPartners: [],
    ...overrides,
  };
}

export function makeRound(overrides: Partial<Round> = {}): Round {
  return {
    id: 'r1',
    unitId: 'u1',
    number: 1,
    sourceHash: 'h1',
    state: 'COLLECTING',
    params: DEFAULT_PARAMS,
    openedAt: T0,
    collectingSince: T0,
    deadline: T0 + DEFAULT_PARAMS.duration,
    extensionsUsed: 0,
    closedAt: null,
    outcome: null,
    approvedCandidateId: null,
    rejectedCandidateIds: [],
    dirty: false,
    ...overrides,
  };
}

export interface MakeStateInput {
  readonly unit?: Partial<Unit>;
  readonly round?: Partial<Round>;
  readonly params?: Partial<VotingParams>;
  readonly candidates?: readonly Candidate[];
  readonly votes?: readonly Vote[];
  readonly bannedUserIds?: readonly Id[];
}

/** A unit's voting state; `params` overrides apply to both the project and the round snapshot. */
export function makeState(input: MakeStateInput = {}): UnitVotingState {
  const params: VotingParams = { ...DEFAULT_PARAMS, ...input.params };
  const unit = makeUnit(input.unit);
  return {
    unit,
    params,
    round: makeRound({ unitId: unit.id, sourceHash: unit.sourceHash, params, ...input.round }),
    candidates: input.candidates ?? [],
    votes: input.votes ?? [],
    bannedUserIds: input.bannedUserIds ?? [],
    publishedWinner: null,
  };
}

/** `n` full-weight votes of `value` on `candidateId` from voters `${prefix}1…n`. */
export function makeVotes(
  candidateId: Id,
  n: number,
  options: { readonly value?: 1 | -1; readonly weight?: number; readonly prefix?: string } = {},
): Vote[] {
  const prefix = options.prefix ?? `${candidateId}-v`;
  return Array.from({ length: n }, (_, i) =>
    makeVote({
      voterId: `${prefix}${i + 1}`,
      candidateId,
      value: options.value ?? 1,
      weight: options.weight ?? 1,
    }),
  );
}
