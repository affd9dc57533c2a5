import type { Community } from '../round/community';
import type { VotingParams } from '../round/params';

/** Opaque identifier supplied by the caller (UUIDs in the API, short strings in tests). */
export type Id = string;
/** Milliseconds since the Unix epoch. The library never reads a clock: `now` is always a parameter. */
export type EpochMs = number;
export type VoteValue = 1 | -1;
/** Plural category → text; the key `""` holds a simple (non-plural) unit's text. */
export type Forms = Readonly<Record<string, string>>;

export type CandidateStatus = 'active' | 'withdrawn' | 'rejected' | 'outdated';

export interface Candidate {
  readonly id: Id;
  readonly unitId: Id;
  readonly sourceHash: string;
  readonly authorId: Id;
  readonly forms: Forms;
  readonly createdAt: EpochMs;
  readonly status: CandidateStatus;
  /** E-level validation codes (translation-core). Non-empty → ineligible to win, still stored. */
  readonly blockingErrors: readonly string[];
}

/** One row per (voterId, candidateId). */
export interface Vote {
  readonly voterId: Id;
  readonly candidateId: Id;
  readonly value: VoteValue;
  readonly castAt: EpochMs;
  /** Snapshotted at cast (C2), so outcomes never depend on when other rounds close. */
  readonly weight: number;
  /** The round whose DECIDED outcome evaluated this vote for reputation; null until then. */
  readonly evaluatedInRound: Id | null;
}

/** A translation unit (namespace, key, locale) as far as voting needs it. */
export interface Unit {
  readonly id: Id;
  readonly sourceHash: string;
  /** Gold units have a known answer: their reputation updates count `goldFactor` times. */
  readonly isGold: boolean;
  /** A locked unit refuses candidates and votes (UNIT_LOCKED). */
  readonly locked: boolean;
}

export type RoundState = 'OPEN' | 'COLLECTING' | 'CLOSING' | 'DECIDED' | 'UNDECIDED';

export type ReasonCode =
  'QUORUM' | 'MIN_VOTES' | 'MIN_SCORE' | 'MIN_MARGIN' | 'MANAGER_APPROVED' | 'SOURCE_CHANGED';

export interface RoundOutcome {
  readonly decided: boolean;
  readonly winnerId: Id | null;
  readonly reasons: readonly ReasonCode[];
  /** True when decided by the early-close thresholds before the deadline. */
  readonly early: boolean;
}

export interface Round {
  readonly id: Id;
  readonly unitId: Id;
  readonly number: number;
  readonly sourceHash: string;
  readonly state: RoundState;
  /** Snapshot of the project's parameters when the round opened. */
  readonly params: VotingParams;
  readonly openedAt: EpochMs;
  readonly collectingSince: EpochMs | null;
  readonly deadline: EpochMs | null;
  readonly extensionsUsed: number;
  readonly closedAt: EpochMs | null;
  readonly outcome: RoundOutcome | null;
  /** Candidate forced by a manager's approval in this round. */
  readonly approvedCandidateId: Id | null;
  /** Candidates a manager rejected while this round ran: they count as BAD (C3). */
  readonly rejectedCandidateIds: readonly Id[];
  /** UNDECIDED only: a candidate or vote arrived since closing, so the cooldown may re-open. */
  readonly dirty: boolean;
}

/** What the decision rule needs to know about a voter when a vote is cast. */
export interface VoterProfile {
  readonly userId: Id;
  readonly accountCreatedAt: EpochMs;
  readonly banned: boolean;
  /** Voter reputation (C3), possibly fractional because of the gold factor. */
  readonly agree: number;
  readonly disagree: number;
  /** Users this voter is flagged with in a collusion pair (abuse signals). */
  readonly collusionPartners: readonly Id[];
}

/** The last DECIDED winner of this unit, kept so a source change can mark it stale. */
export interface PublishedWinner {
  readonly roundId: Id;
  readonly candidateId: Id;
  readonly sourceHash: string;
  readonly decidedAt: EpochMs;
}

/**
 * Everything the state machine needs about one unit. The API loads it from rows (unit, current round,
 * the unit's candidates and votes, banned users among them) and saves what comes back.
 */
export interface UnitVotingState {
  readonly unit: Unit;
  /** The project's current parameters; snapshotted into each new round. */
  readonly params: VotingParams;
  readonly round: Round;
  readonly candidates: readonly Candidate[];
  readonly votes: readonly Vote[];
  readonly bannedUserIds: readonly Id[];
  readonly publishedWinner: PublishedWinner | null;
  /**
   * The project+locale at decision time (active members, reference weight, flagged accounts). The
   * API passes it in before a transition; without it the C1 thresholds and cast weights apply.
   */
  readonly community?: Community;
}
