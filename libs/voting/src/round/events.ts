import type { DecisionExplanation } from '../explain/explain';
import type { VotingError } from '../guards/errors';
import type { EvaluatedVote } from '../reputation/on-decided';
import type { LedgerEntry } from '../reputation/ledger';
import type {
  ReasonCode,
  EpochMs,
  Forms,
  Id,
  Round,
  UnitVotingState,
  VoteValue,
  VoterProfile,
} from '../model/types';

/** A submission as the API receives it; the author is the event's `submitter`. */
export interface NewCandidate {
  readonly id: Id;
  readonly forms: Forms;
  readonly sourceHash: string;
  /** E-level validation codes from translation-core; empty when the candidate is valid. */
  readonly blockingErrors?: readonly string[];
}

export type VotingEvent =
  | {
      readonly type: 'submitCandidate';
      readonly candidate: NewCandidate;
      readonly submitter: VoterProfile;
      /** Times of the submitter's earlier submissions (any unit), for RATE_LIMITED. */
      readonly recentSubmissions?: readonly EpochMs[];
      /** Times of the submitter's earlier votes, used if the submission becomes an upvote. */
      readonly recentVotes?: readonly EpochMs[];
    }
  | { readonly type: 'withdrawCandidate'; readonly candidateId: Id; readonly userId: Id }
  | {
      readonly type: 'castVote';
      readonly voter: VoterProfile;
      readonly candidateId: Id;
      readonly value: VoteValue;
      /** Times of the voter's earlier votes (any unit), for RATE_LIMITED. */
      readonly recentVotes?: readonly EpochMs[];
    }
  | { readonly type: 'retractVote'; readonly voterId: Id; readonly candidateId: Id }
  /** A timer fired (the scheduled close) or a periodic sweep: deadlines and cooldowns are checked. */
  | { readonly type: 'tick' }
  | { readonly type: 'managerApprove'; readonly candidateId: Id }
  | { readonly type: 'managerReject'; readonly candidateId: Id }
  | { readonly type: 'sourceChanged'; readonly sourceHash: string }
  | { readonly type: 'userBanned'; readonly userId: Id }
  | { readonly type: 'userUnbanned'; readonly userId: Id }
  /** Abuse signals found collusion pairs: their mutual votes drop to wMin. */
  | { readonly type: 'collusionFlagged'; readonly pairs: readonly (readonly [Id, Id])[] };

export type VotingEventType = VotingEvent['type'];

export type OpenCause =
  | 'FIRST_ROUND'
  | 'CHALLENGE'
  | 'COOLDOWN'
  | 'SOURCE_CHANGED'
  | 'MANAGER_APPROVED'
  | 'WINNER_REJECTED';

/** Side effects as data: the API executes them after saving `state` in the same transaction. */
export type Effect =
  | { readonly type: 'scheduleClose'; readonly roundId: Id; readonly at: EpochMs }
  | { readonly type: 'cancelClose'; readonly roundId: Id }
  | {
      readonly type: 'openRound';
      readonly roundId: Id;
      readonly number: number;
      readonly state: 'OPEN' | 'COLLECTING';
      readonly cause: OpenCause;
    }
  /**
   * The round reached its deadline undecided for lack of votes and runs on until `deadline`: it
   * needs a language manager's decision (`needsDecision`), with what was missing (`reasons`).
   */
  | {
      readonly type: 'roundExtended';
      readonly roundId: Id;
      readonly deadline: EpochMs;
      readonly extensionsUsed: number;
      readonly reasons: readonly ReasonCode[];
    }
  /**
   * A round closed (DECIDED or UNDECIDED), or reached its deadline undecided and was extended
   * (`round` still COLLECTING, explanation UNDECIDED with the reasons): persist `round` and publish
   * the explanation.
   */
  | {
      readonly type: 'publishDecision';
      readonly round: Round;
      readonly explanation: DecisionExplanation;
    }
  | {
      readonly type: 'applyReputation';
      readonly roundId: Id;
      readonly entries: readonly LedgerEntry[];
      readonly evaluatedVotes: readonly EvaluatedVote[];
    }
  | { readonly type: 'markOutdated'; readonly candidateIds: readonly Id[] }
  | {
      readonly type: 'markStale';
      readonly roundId: Id;
      readonly candidateId: Id;
      readonly sourceHash: string;
    }
  /** A manager rejected the published winner: stop shipping it until a new decision. */
  | { readonly type: 'revokeWinner'; readonly roundId: Id; readonly candidateId: Id }
  /** DUPLICATE_CANDIDATE: the text already exists; counted as the submitter's upvote unless theirs. */
  | {
      readonly type: 'candidateMerged';
      readonly code: 'DUPLICATE_CANDIDATE';
      readonly candidateId: Id;
      readonly submitterId: Id;
      readonly upvoted: boolean;
    };

export type EffectType = Effect['type'];

export type TransitionResult =
  | { readonly ok: true; readonly state: UnitVotingState; readonly effects: readonly Effect[] }
  | {
      readonly ok: false;
      /** Unchanged input state. */
      readonly state: UnitVotingState;
      readonly effects: readonly [];
      readonly error: VotingError;
    };

export interface TransitionOptions {
  /** Id of round n+1 when a transition re-opens; defaults to `${unitId}:${number}`. */
  readonly newRoundId?: (unitId: Id, number: number) => Id;
}
