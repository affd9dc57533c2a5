import type { Candidate, EpochMs, Id, ReasonCode, Vote } from '../model/types';
import { compareCodeUnits, rankOrder } from '../rank/rank-order';
import type { Score } from '../score/score-of';
import { scoreOf } from '../score/score-of';
import { q } from '../util/quantise';
import type { Community } from './community';
import { countsAsVoter, decisionWeight, thresholdsFor } from './community';
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
  /** The project+locale at decision time; absent → the C1 rule with fixed thresholds. */
  readonly community?: Community;
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
  /** The thresholds that applied: (earlyScore, earlyMargin) when early; quorum and minVotes scaled. */
  readonly threshold: {
    readonly score: number;
    readonly margin: number;
    readonly quorum: number;
    readonly minVotes: number;
  };
}

/** Scores every eligible candidate and ranks them (C1 rank order). */
export function scoreCandidates(input: EvaluationInput): ScoredCandidate[] {
  const { params } = input.round;
  const eligible = input.candidates.filter((c) => isEligible(c, { ...input, ...input.unit }));
  const scored = eligible.map((c) => {
    const counted = countedVotesOf(c, input.votes, input.bannedUserIds);
    const weighted = capFlagged(
      counted.map((v) => ({
        value: v.value,
        weight: decisionWeight(v, input.community, params),
        flagged: !countsAsVoter(v, input.community),
      })),
    );
    // A flagged account's votes keep wMin in W± but are not distinct people (quorum, unanimity).
    const people = counted.filter((v) => countsAsVoter(v, input.community));
    const upvoterIds = voterIds(people, 1);
    const downvoterIds = voterIds(people, -1);
    return {
      id: c.id,
      authorId: c.authorId,
      createdAt: c.createdAt,
      score: {
        ...scoreOf(weighted, params.z),
        upvoters: upvoterIds.length,
        downvoters: downvoterIds.length,
      },
      rank: 0,
      upvoterIds,
      downvoterIds,
    };
  });
  return rankOrder(scored).map((c, i) => ({ ...c, rank: i + 1 }));
}

/**
 * Flagged accounts speak with at most one voice per candidate and direction: fifteen flagged
 * downvotes weigh no more than one flagged vote, however many accounts a ring has.
 */
function capFlagged(
  votes: readonly { value: 1 | -1; weight: number; flagged: boolean }[],
): { value: 1 | -1; weight: number }[] {
  const total = { 1: 0, [-1]: 0 } as Record<1 | -1, number>;
  const largest = { 1: 0, [-1]: 0 } as Record<1 | -1, number>;
  for (const v of votes) {
    if (!v.flagged) continue;
    total[v.value] += v.weight;
    largest[v.value] = Math.max(largest[v.value], v.weight);
  }
  return votes.map((v) => ({
    value: v.value,
    weight: v.flagged ? (v.weight * largest[v.value]) / total[v.value] : v.weight,
  }));
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
/**
 * `early`: true for the early-close thresholds, false for the deadline's, or `'complete'` when every
 * active member has voted: no more evidence can come, so the deadline's score applies, but the
 * lead must be an early close's (a close call still waits for the deadline and the manager).
 */
export type Thresholding = boolean | 'complete';

export function evaluate(input: EvaluationInput, early: Thresholding): Evaluation {
  const P = input.round.params;
  const ranked = scoreCandidates(input);
  const leader = ranked[0];
  const runnerUpScore = ranked[1]?.score.score ?? 0;
  const voters = distinctVoters(ranked);
  const { quorum, minVotes } = thresholdsFor(P, input.community);
  const threshold =
    early === 'complete'
      ? { score: P.minScore, margin: P.earlyMargin, quorum, minVotes }
      : early
        ? { score: P.earlyScore, margin: P.earlyMargin, quorum, minVotes }
        : { score: P.minScore, margin: P.minMargin, quorum, minVotes };
  const base = { early: early !== false, ranked, distinctVoters: voters, runnerUpScore, threshold };

  const approved = input.round.approvedCandidateId;
  if (approved !== null && ranked.some((c) => c.id === approved)) {
    return { ...base, decided: true, winnerId: approved, reasons: ['MANAGER_APPROVED'] };
  }

  const reasons: ReasonCode[] = [];
  if (voters < quorum) reasons.push('QUORUM');
  if (leader === undefined || leader.score.upvoters < minVotes) reasons.push('MIN_VOTES');
  if (leader === undefined || q(leader.score.score) < q(threshold.score)) reasons.push('MIN_SCORE');
  if (leader === undefined || q(leader.score.score) - q(runnerUpScore) < q(threshold.margin)) {
    reasons.push('MIN_MARGIN');
  }
  return reasons.length === 0 && leader !== undefined
    ? { ...base, decided: true, winnerId: leader.id, reasons }
    : { ...base, decided: false, winnerId: null, reasons };
}
