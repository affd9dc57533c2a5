import type { Candidate, EpochMs, Id, ReasonCode, Vote } from '../model/types';
import { compareCodeUnits, rankOrder } from '../rank/rank-order';
import type { Score } from '../score/score-of';
import { scoreOf } from '../score/score-of';
import { q } from '../util/quantise';
import { countedVotesOf, isEligible } from './eligibility';
import type { VotingParams } from './params';

/** The slice of a unit's state that evaluate() reads; a SQL batch can build it from rows. */
export interface EvaluationInput {
  readonly unit: { readonly sourceHash: string };
  readonly round: {
    readonly params: VotingParams;
    readonly approvedCandidateId: Id | null;
  };
  readonly candidates: readonly Candidate[];
  readonly votes: readonly Vote[];
  readonly bannedUserIds: readonly Id[];
}

export interface ScoredCandidate {
  readonly id: Id;
  readonly authorId: Id;
  readonly createdAt: EpochMs;
  readonly score: Score;
  /** 1-based position in the rank order. */
  readonly rank: number;
  readonly upvoterIds: readonly Id[];
  readonly downvoterIds: readonly Id[];
}

export interface Evaluation {
  readonly decided: boolean;
  readonly winnerId: Id | null;
  /** Why not decided; `[MANAGER_APPROVED]` for a forced winner; empty for a normal decision. */
  readonly reasons: readonly ReasonCode[];
  readonly early: boolean;
  /** Eligible candidates, best first. */
  readonly ranked: readonly ScoredCandidate[];
  readonly distinctVoters: number;
  readonly runnerUpScore: number;
  /** The thresholds that applied: (earlyScore, earlyMargin) when early. */
  readonly threshold: { readonly score: number; readonly margin: number };
}

/** Scores every eligible candidate and ranks them (C1 rank order). */
export function scoreCandidates(input: EvaluationInput): ScoredCandidate[] {
  const { params } = input.round;
  const eligible = input.candidates.filter((c) => isEligible(c, { ...input, ...input.unit }));
  const scored = eligible.map((c) => {
    const counted = countedVotesOf(c, input.votes, input.bannedUserIds);
    return {
      id: c.id,
      authorId: c.authorId,
      createdAt: c.createdAt,
      score: scoreOf(counted, params.z),
      rank: 0,
      upvoterIds: voterIds(counted, 1),
      downvoterIds: voterIds(counted, -1),
    };
  });
  return rankOrder(scored).map((c, i) => ({ ...c, rank: i + 1 }));
}

function voterIds(votes: readonly Vote[], value: 1 | -1): Id[] {
  return votes
    .filter((v) => v.value === value)
    .map((v) => v.voterId)
    .sort(compareCodeUnits);
}

/** Distinct voters with at least one counted vote on an eligible candidate. */
export function distinctVoters(ranked: readonly ScoredCandidate[]): number {
  const voters = new Set<Id>();
  for (const c of ranked) {
    for (const id of c.upvoterIds) voters.add(id);
    for (const id of c.downvoterIds) voters.add(id);
  }
  return voters.size;
}

/** C1 evaluate(round, early): the decision rule, with reason codes for every unmet condition. */
export function evaluate(input: EvaluationInput, early: boolean): Evaluation {
  const P = input.round.params;
  const ranked = scoreCandidates(input);
  const leader = ranked[0];
  const runnerUpScore = ranked[1]?.score.score ?? 0;
  const voters = distinctVoters(ranked);
  const threshold = early
    ? { score: P.earlyScore, margin: P.earlyMargin }
    : { score: P.minScore, margin: P.minMargin };
  const base = { early, ranked, distinctVoters: voters, runnerUpScore, threshold };

  const approved = input.round.approvedCandidateId;
  if (approved !== null && ranked.some((c) => c.id === approved)) {
    return { ...base, decided: true, winnerId: approved, reasons: ['MANAGER_APPROVED'] };
  }

  const reasons: ReasonCode[] = [];
  if (voters < P.quorum) reasons.push('QUORUM');
  if (leader === undefined || leader.score.upvoters < P.minVotes) reasons.push('MIN_VOTES');
  if (leader === undefined || q(leader.score.score) < q(threshold.score)) reasons.push('MIN_SCORE');
  if (leader === undefined || q(leader.score.score) - q(runnerUpScore) < q(threshold.margin)) {
    reasons.push('MIN_MARGIN');
  }
  return reasons.length === 0 && leader !== undefined
    ? { ...base, decided: true, winnerId: leader.id, reasons }
    : { ...base, decided: false, winnerId: null, reasons };
}
