import type { Candidate, Id, Vote } from '../model/types';

export interface EligibilityContext {
  readonly sourceHash: string;
  readonly bannedUserIds: readonly Id[];
}

/** C1: active, current source hash, no E-level validation error, author not banned. */
export function isEligible(candidate: Candidate, ctx: EligibilityContext): boolean {
  return (
    candidate.status === 'active' &&
    candidate.sourceHash === ctx.sourceHash &&
    candidate.blockingErrors.length === 0 &&
    !ctx.bannedUserIds.includes(candidate.authorId)
  );
}

/** A vote counts unless its voter is banned (at close), is the author, or carries no weight. */
export function isCounted(vote: Vote, candidate: Candidate, bannedUserIds: readonly Id[]): boolean {
  return (
    vote.weight > 0 && vote.voterId !== candidate.authorId && !bannedUserIds.includes(vote.voterId)
  );
}

export function countedVotesOf(
  candidate: Candidate,
  votes: readonly Vote[],
  bannedUserIds: readonly Id[],
): Vote[] {
  return votes.filter(
    (v) => v.candidateId === candidate.id && isCounted(v, candidate, bannedUserIds),
  );
}
