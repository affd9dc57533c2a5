import type { Candidate, EpochMs, Id, ReasonCode, Vote } from '../model/types';
import { compareCodeUnits, rankOrder } from '../rank/rank-order';
import type { Score } from '../score/score-of';
import { scoreOf } from '../score/score-of';
import { q } from '../util/quantise';
import type { Community } from './community';
import { decisionWeight, suspectsIn, thresholdsFor } from './community';
import { countedVotesOf, isEligible } from './eligibility';
import { authorEndorsements } from './endorsement';
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

/**
 * Scores every eligible candidate and ranks them (C1 rank order). With a community (issue 17):
 * flagged accounts' votes as `suspectsIn` says, a downvote from a voter who upvoted a rival is not
 * counted (`preferenceDownvotes`), and in a small team authors endorse their own candidates
 * (`authorEndorsements`) unless `endorsements` is false (an early close waits for real votes).
 */
export function scoreCandidates(input: EvaluationInput, endorsements = true): ScoredCandidate[] {
  const { params } = input.round;
  const eligible = input.candidates.filter((c) => isEligible(c, { ...input, ...input.unit }));
  const dropped = preferenceDownvotes(eligible, input);
  const shares = upvoteShares(eligible, input);
  const flagged = new Set(input.community?.flaggedUserIds ?? []);
  const suspects = suspectsIn(
    input.community,
    input.candidates.map((c) => c.authorId),
  );
  const endorsed = endorsements
    ? authorEndorsements(eligible, input.votes, input.bannedUserIds, input.community, params)
    : [];
  const scored = eligible.map((c) => {
    const counted = [
      ...countedVotesOf(c, input.votes, input.bannedUserIds).filter((v) => !dropped.has(v)),
      ...endorsed.filter((v) => v.candidateId === c.id),
    ];
    const voices = flaggedVoices(
      counted.map((v) => ({
        voterId: v.voterId,
        value: v.value,
        weight:
          decisionWeight(v, input.community, params, suspects) *
          (v.value === 1 ? (shares.get(v.voterId) ?? 1) : 1),
        group: suspects.has(v.voterId) ? 'suspect' : flagged.has(v.voterId) ? 'clique' : null,
      })),
    );
    const weighted = voices.map((v) => ({ value: v.value, weight: v.weight }));
    // Suspect votes keep wMin in W± but are not distinct people (quorum, unanimity); a clique of
    // flagged accounts voting alike is one person.
    const people = counted.filter((_, i) => voices[i]?.person === true);
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
 * Downvotes that say nothing beyond the voter's upvote of a rival: choosing B over A is already
 * counted in B's upvote, so a downvote on A by someone who upvoted another eligible candidate does
 * not also lower A (it still counts for reputation). A downvote alone (nothing else upvoted) counts.
 * Only with a community: without one, the C1 rule.
 */
function preferenceDownvotes(
  eligible: readonly Candidate[],
  input: EvaluationInput,
): ReadonlySet<Vote> {
  if (input.community === undefined) return new Set();
  const ids = new Set(eligible.map((c) => c.id));
  const banned = new Set(input.bannedUserIds);
  const upvoted = new Map<Id, Set<Id>>();
  for (const v of input.votes) {
    if (v.value !== 1 || !ids.has(v.candidateId) || banned.has(v.voterId)) continue;
    upvoted.set(v.voterId, (upvoted.get(v.voterId) ?? new Set<Id>()).add(v.candidateId));
  }
  return new Set(
    input.votes.filter((v) => {
      if (v.value !== -1) return false;
      const ups = upvoted.get(v.voterId);
      return ups !== undefined && [...ups].some((id) => id !== v.candidateId);
    }),
  );
}

/**
 * One person, one upvote's worth per round: a voter who upvoted k eligible candidates gives each
 * 1/k of their weight (upvoting everything in sight says nothing about which is right). Only with
 * a community: without one, the C1 rule.
 */
function upvoteShares(eligible: readonly Candidate[], input: EvaluationInput): Map<Id, number> {
  const shares = new Map<Id, number>();
  if (input.community === undefined) return shares;
  const ids = new Set(eligible.map((c) => c.id));
  const count = new Map<Id, number>();
  for (const v of input.votes) {
    if (v.value === 1 && ids.has(v.candidateId))
      count.set(v.voterId, (count.get(v.voterId) ?? 0) + 1);
  }
  for (const [id, k] of count) shares.set(id, 1 / k);
  return shares;
}

type FlaggedGroup = 'suspect' | 'clique';

interface VoiceInput {
  readonly voterId: Id;
  readonly value: 1 | -1;
  readonly weight: number;
  readonly group: FlaggedGroup | null;
}

/**
 * Flagged accounts speak with at most one voice per candidate, direction and group: fifteen
 * flagged downvotes weigh no more than the largest of them, however many accounts a ring has.
 * Suspect votes are never a person; a clique's voice is one person (its heaviest vote, the
 * smallest id on a tie); everyone else is one person each.
 */
function flaggedVoices(
  votes: readonly VoiceInput[],
): { value: 1 | -1; weight: number; person: boolean }[] {
  const key = (v: VoiceInput) => `${v.group ?? ''}:${v.value}`;
  const total = new Map<string, number>();
  const heaviest = new Map<string, VoiceInput>();
  for (const v of votes) {
    if (v.group === null) continue;
    const k = key(v);
    total.set(k, (total.get(k) ?? 0) + v.weight);
    const top = heaviest.get(k);
    if (!top || v.weight > top.weight || (v.weight === top.weight && v.voterId < top.voterId)) {
      heaviest.set(k, v);
    }
  }
  return votes.map((v) => {
    if (v.group === null) return { value: v.value, weight: v.weight, person: true };
    const k = key(v);
    const top = heaviest.get(k);
    const sum = total.get(k) ?? 0;
    return {
      value: v.value,
      weight: sum > 0 ? (v.weight * (top?.weight ?? 0)) / sum : 0,
      person: v.group === 'clique' && top === v,
    };
  });
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
    // An author among their own candidate's upvoters is an endorsement (self-votes are refused),
    // not a vote cast: the quorum counts people who voted.
    for (const id of c.upvoterIds) if (id !== c.authorId) voters.add(id);
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
  // Before the deadline (early or a complete field) only real votes count: no endorsements.
  const ranked = scoreCandidates(input, early === false);
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
