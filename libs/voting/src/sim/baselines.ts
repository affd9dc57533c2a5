import type { EpochMs, Id } from '../model/types';
import type { SimString, SimVote } from './crowd';

export interface RuleOutcome {
  readonly winnerId: Id | null;
  /** Votes on the string cast up to the decision (all votes when undecided). */
  readonly votesUsed: number;
  /** Distinct voters among those votes. */
  readonly votersUsed: number;
  readonly decidedAt: EpochMs | null;
}

/**
 * Weblate's suggestion auto-accept: net score = sum of ±1 votes, the suggester's own upvote
 * included (B3); the first suggestion reaching `threshold` is accepted for good.
 */
export function weblateSum(
  str: SimString,
  votes: readonly SimVote[],
  threshold = 2,
  countAuthorVote = true,
): RuleOutcome {
  const sum = new Map<Id, number>(str.candidates.map((c) => [c.id, countAuthorVote ? 1 : 0]));
  let used = 0;
  const voters = new Set<Id>();
  for (const v of votes) {
    used += 1;
    voters.add(v.voterId);
    const next = (sum.get(v.candidateId) ?? 0) + v.value;
    sum.set(v.candidateId, next);
    if (next >= threshold) {
      return { winnerId: v.candidateId, votesUsed: used, votersUsed: voters.size, decidedAt: v.at };
    }
  }
  return { winnerId: null, votesUsed: used, votersUsed: voters.size, decidedAt: null };
}

/** "Most up-votes wins" over every vote of the simulation; a tie for first is undecided. */
export function mostUpvotes(str: SimString, votes: readonly SimVote[]): RuleOutcome {
  const ups = new Map<Id, number>(str.candidates.map((c) => [c.id, 0]));
  for (const v of votes)
    if (v.value === 1) ups.set(v.candidateId, (ups.get(v.candidateId) ?? 0) + 1);
  const ranked = [...ups].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  const decided =
    first !== undefined && first[1] > 0 && (second === undefined || second[1] < first[1]);
  const last = votes[votes.length - 1];
  return {
    winnerId: decided ? first[0] : null,
    votesUsed: votes.length,
    votersUsed: new Set(votes.map((v) => v.voterId)).size,
    decidedAt: decided && last ? last.at : null,
  };
}
