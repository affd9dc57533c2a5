import type { EpochMs, Id, ReasonCode } from '../model/types';
import type { Evaluation } from '../round/evaluate';
import type { VotingParams } from '../round/params';

export interface ExplainedCandidate {
  readonly candidateId: Id;
  readonly rank: number;
  readonly wPlus: number;
  readonly wMinus: number;
  readonly score: number;
  readonly upperBound: number;
  readonly upvoters: number;
  readonly downvoters: number;
  readonly upvoterIds: readonly Id[];
  readonly downvoterIds: readonly Id[];
  /** Lead over the next candidate (leader) or gap to the leader (others), in score points. */
  readonly marginToNext: number | null;
  readonly isWinner: boolean;
}

/** "Why this won": plain JSON, stored with the round and shown by the UI. */
export interface DecisionExplanation {
  readonly roundId: Id;
  readonly unitId: Id;
  readonly roundNumber: number;
  readonly outcome: 'DECIDED' | 'UNDECIDED';
  readonly winnerId: Id | null;
  readonly reasons: readonly ReasonCode[];
  readonly early: boolean;
  readonly closedAt: EpochMs;
  readonly distinctVoters: number;
  readonly rule: {
    readonly z: number;
    readonly quorum: number;
    readonly minVotes: number;
    readonly minScore: number;
    readonly minMargin: number;
  };
  readonly candidates: readonly ExplainedCandidate[];
}

export interface ExplainContext {
  readonly roundId: Id;
  readonly unitId: Id;
  readonly roundNumber: number;
  readonly params: VotingParams;
  readonly closedAt: EpochMs;
}

/** Builds the explanation of an evaluation (decided or not). */
export function explainDecision(ctx: ExplainContext, evaluation: Evaluation): DecisionExplanation {
  const leader = evaluation.ranked[0];
  const candidates = evaluation.ranked.map((c, i) => {
    const next = evaluation.ranked[i + 1];
    const marginToNext =
      i === 0
        ? c.score.score - (next?.score.score ?? 0)
        : leader === undefined
          ? null
          : c.score.score - leader.score.score;
    return {
      candidateId: c.id,
      rank: c.rank,
      wPlus: c.score.wPlus,
      wMinus: c.score.wMinus,
      score: c.score.score,
      upperBound: c.score.upperBound,
      upvoters: c.score.upvoters,
      downvoters: c.score.downvoters,
      upvoterIds: c.upvoterIds,
      downvoterIds: c.downvoterIds,
      marginToNext,
      isWinner: c.id === evaluation.winnerId,
    };
  });
  return {
    roundId: ctx.roundId,
    unitId: ctx.unitId,
    roundNumber: ctx.roundNumber,
    outcome: evaluation.decided ? 'DECIDED' : 'UNDECIDED',
    winnerId: evaluation.winnerId,
    reasons: evaluation.reasons,
    early: evaluation.early,
    closedAt: ctx.closedAt,
    distinctVoters: evaluation.distinctVoters,
    rule: {
      z: ctx.params.z,
      // The thresholds that applied: scaled to the community when the API passed one in.
      quorum: evaluation.threshold.quorum,
      minVotes: evaluation.threshold.minVotes,
      minScore: evaluation.threshold.score,
      minMargin: evaluation.threshold.margin,
    },
    candidates,
  };
}

const REASON_TEXT: Readonly<Record<ReasonCode, string>> = {
  QUORUM: 'too few people voted in this round',
  MIN_VOTES: 'the leading translation has too few upvotes',
  MIN_SCORE: 'the leading translation is not yet clearly approved',
  MIN_MARGIN: 'the top translations are too close to call',
  MANAGER_APPROVED: 'a language manager approved this translation',
  SOURCE_CHANGED: 'the source text changed, so this round was cancelled',
};

/** A short English sentence for logs and fallbacks; the UI translates reason codes itself. */
export function describeReasons(reasons: readonly ReasonCode[]): string {
  return reasons.map((r) => REASON_TEXT[r]).join('; ');
}
