/**
 * The candidate list as the web client asks for it: CANDIDATE_LIST_FIELDS in
 * apps/web/src/api/voting-operations.ts (CANDIDATE_FIELDS and ROUND_FIELDS of fragments.ts written
 * out), the answer of its castVote and of its string page's `candidates` query.
 */
export const WEB_CANDIDATE_LIST_FIELDS = `stringId locale hasVoted votesNeeded
  candidates { id forms { category text } status origin createdAt eligible isMine myVote
    findings { code severity form message } author { id displayName }
    tally { wPlus wMinus upvoters downvoters score upperBound } }
  round { id number state collectingSince duration deadline closedAt reasons
    decision { decided winnerId reasons summary
      candidates { candidateId wPlus wMinus score upperBound upvoters downvoters rank winner }
      approval { by { id displayName } reason at } }
    needsDecision { reasons extendedUntil } }`;
