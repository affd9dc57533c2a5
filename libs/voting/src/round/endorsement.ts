import type { Candidate, Id, Vote } from '../model/types';
import type { Community } from './community';
import type { VotingParams } from './params';

/**
 * Whether authors endorse their own candidates in this community: only where the minimum number
 * of upvoters had to be scaled down because the locale has so few active people (a team of three
 * or four) that every member's view is needed, the author's included.
 */
export function authorsEndorse(
  community: Community | undefined,
  params: Pick<VotingParams, 'minVotes'>,
): community is Community {
  return community !== undefined && community.activeMembers - 2 < params.minVotes;
}

/**
 * In a small team a candidate's author counts as one upvoter of it (an implicit vote cast when it
 * was submitted), unless they upvoted a rival candidate in the round, which concedes: with two
 * candidates and one reviewer, "the author of B upvoted A" and "the reviewer upvoted B" is no longer
 * a tie. Only authors who are active members of the locale endorse (never imports or machine
 * suggestions), never banned ones. Elsewhere: none.
 */
export function authorEndorsements(
  eligible: readonly Candidate[],
  votes: readonly Vote[],
  bannedUserIds: readonly Id[],
  community: Community | undefined,
  params: Pick<VotingParams, 'minVotes'>,
): Vote[] {
  if (!authorsEndorse(community, params)) return [];
  const ids = new Set(eligible.map((c) => c.id));
  const banned = new Set(bannedUserIds);
  const conceded = new Set(
    votes.filter((v) => v.value === 1 && ids.has(v.candidateId)).map((v) => v.voterId),
  );
  return eligible
    .filter(
      (c) =>
        community.voters[c.authorId] !== undefined &&
        !banned.has(c.authorId) &&
        !conceded.has(c.authorId),
    )
    .map((c) => ({
      voterId: c.authorId,
      candidateId: c.id,
      value: 1,
      castAt: c.createdAt,
      weight: 1,
      evaluatedInRound: null,
    }));
}
