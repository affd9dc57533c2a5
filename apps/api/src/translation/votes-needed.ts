import {
  ACTIVITY_WINDOW_MS,
  authorsEndorse,
  communityOf,
  thresholdsFor,
  type Community,
  type VotingParams,
} from '@chorus/voting';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

/** A counted vote as the candidate list reads it (C2: voter not banned, not the author, weight > 0). */
export interface CountedVote {
  readonly candidateId: string;
  readonly voterId: string;
  readonly value: number;
}

/** An eligible candidate's author, for the small-team endorsement. */
export interface CandidateAuthor {
  readonly candidateId: string;
  readonly authorId: string;
  /** A community member's proposal (not an import), by an account that is not banned. */
  readonly endorses: boolean;
}

/**
 * Where libs/voting's `authorsEndorse` says a team is small enough, the decision counts each author
 * as an upvoter of their own candidate unless they upvoted a rival (`authorEndorsements`, which
 * works on the round's full state; the hint has only the counted votes, so it applies the same
 * concession rule to them).
 */
function endorsements(
  params: Pick<VotingParams, 'minVotes'>,
  community: Community,
  authors: readonly CandidateAuthor[],
  counted: readonly CountedVote[],
): CountedVote[] {
  if (!authorsEndorse(community, params)) return [];
  const ids = new Set(authors.map((a) => a.candidateId));
  const conceded = new Set(
    counted.filter((v) => v.value === 1 && ids.has(v.candidateId)).map((v) => v.voterId),
  );
  return authors
    .filter((a) => a.endorses && !conceded.has(a.authorId))
    .map((a) => ({ candidateId: a.candidateId, voterId: a.authorId, value: 1 }));
}

/**
 * "2 more votes" (issue 17 item 6): how many more people must vote before the round can be decided
 * by vote, from the thresholds the decision applies (quorum and minimum upvoters on the leader,
 * scaled to the locale's active members by libs/voting `thresholdsFor`). A new voter who upvotes
 * the leader adds one to both, hence the larger gap. 0 means the counts are there and the scores
 * decide (margin, minimum score); abuse discounts are not modelled, so it is a lower bound. In a
 * small team the authors' endorsements count, as at the deadline.
 */
export function votesNeeded(
  params: Pick<VotingParams, 'quorum' | 'minVotes' | 'wMin' | 'alpha' | 'beta' | 'minAccountAge'>,
  activeMembers: number,
  cast: readonly CountedVote[],
  now: number,
  authors: readonly CandidateAuthor[] = [],
): number {
  const community = { ...communityOf([], [], now, params), activeMembers };
  const { quorum, minVotes } = thresholdsFor(params, community);
  const counted = [...cast, ...endorsements(params, community, authors, cast)];
  const voters = new Set(counted.map((v) => v.voterId)).size;
  const upvoters = new Map<string, number>();
  for (const v of counted)
    if (v.value === 1) upvoters.set(v.candidateId, (upvoters.get(v.candidateId) ?? 0) + 1);
  const leader = Math.max(0, ...upvoters.values());
  return Math.max(0, quorum - voters, minVotes - leader);
}

/**
 * The CTEs `units` (the locale's units) and `active` (user_id of everyone who voted, or proposed a
 * community translation, there since `since`) for project $1 and locale id $2: who counts as active
 * in a locale, for the decision's community (CommunityService) and for the list's hint alike.
 */
export function activeInLocaleSql(since: string): string {
  return `units AS (SELECT id FROM translation_unit WHERE project_id = $1 AND locale_id = $2),
active AS (
  SELECT v.voter_id AS user_id FROM vote v WHERE v.unit_id IN (SELECT id FROM units) AND v.cast_at >= ${since}
  UNION
  SELECT t.author_id FROM translation t
   WHERE t.unit_id IN (SELECT id FROM units) AND t.origin = 'community' AND t.created_at >= ${since})`;
}

/**
 * People active in a project's locale over the activity window, banned accounts left out: the
 * count CommunityService scales thresholds with. It walks the locale's votes of the window, so
 * callers on a request path cache it (CandidateViewService).
 */
export async function activeMembersOf(
  dataSource: DataSource,
  projectId: string,
  localeId: string,
  now: number,
): Promise<number> {
  const [row] = await preparedQuery<{ n: number }>(
    dataSource,
    `WITH ${activeInLocaleSql('$3')}
     SELECT count(*)::int AS n FROM active a JOIN "user" u ON u.id = a.user_id
      WHERE u.banned_at IS NULL`,
    [projectId, localeId, new Date(now - ACTIVITY_WINDOW_MS)],
  );
  return row?.n ?? 0;
}
