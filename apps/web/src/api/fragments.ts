/** Selection sets shared by several operations, so every view reads the same fields. */
export const ROUND_FIELDS = `
  id number state collectingSince duration deadline closedAt reasons
  decision { decided winnerId reasons summary
    candidates { candidateId wPlus wMinus score upperBound upvoters downvoters rank winner }
    approval { by { id displayName } reason at } }
  needsDecision { reasons extendedUntil }`;

export const CANDIDATE_FIELDS = `
  id forms { category text } status origin createdAt eligible isMine myVote
  findings { code severity form message }
  author { id displayName }
  tally { wPlus wMinus upvoters downvoters score upperBound }`;

export const STRING_FIELDS = `
  id namespace key kind context description maxLength sourceHash locale status candidateCount locked
  sourceForms { category text }
  requiredForms { category examples }
  winner { ${CANDIDATE_FIELDS} }
  round { ${ROUND_FIELDS} }
  screenshots { id url x y width height imageWidth imageHeight }`;
