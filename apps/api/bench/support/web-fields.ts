// What the web client selects, written out from apps/web/src/api/fragments.ts (CANDIDATE_FIELDS,
// ROUND_FIELDS, STRING_FIELDS) so the benchmarks ask the API what real pages ask.

const CANDIDATE_FIELDS = `id forms { category text } status origin createdAt eligible isMine myVote
    findings { code severity form message } author { id displayName }
    tally { wPlus wMinus upvoters downvoters score upperBound }`;

const ROUND_FIELDS = `id number state collectingSince duration deadline closedAt reasons
    decision { decided winnerId reasons summary
      candidates { candidateId wPlus wMinus score upperBound upvoters downvoters rank winner }
      approval { by { id displayName } reason at } }
    needsDecision { reasons extendedUntil }`;

/**
 * The candidate list: CANDIDATE_LIST_FIELDS in apps/web/src/api/voting-operations.ts, the answer
 * of its castVote and of its string page's `candidates` query.
 */
export const WEB_CANDIDATE_LIST_FIELDS = `stringId locale hasVoted votesNeeded
  candidates { ${CANDIDATE_FIELDS} }
  round { ${ROUND_FIELDS} }`;

/** A string in the web client's lists (the vote page's STRING_PAGE, the search's STRINGS). */
export const WEB_STRING_FIELDS = `id namespace key kind context description maxLength sourceHash locale status
  candidateCount locked sourceForms { category text } requiredForms { category examples }
  winner { ${CANDIDATE_FIELDS} }
  round { ${ROUND_FIELDS} }
  screenshots { id url x y width height imageWidth imageHeight }`;
