import { document } from '../graphql-client';
import { CANDIDATE_FIELDS, ROUND_FIELDS, STRING_FIELDS } from './fragments';
import type { CandidateList, Round, TranslatableString } from './types';

const CANDIDATE_LIST_FIELDS = `stringId locale hasVoted candidates { ${CANDIDATE_FIELDS} } round { ${ROUND_FIELDS} }`;

export const CAST_VOTE = document<
  { castVote: CandidateList },
  { candidateId: string; value: number }
>(
  `mutation CastVote($candidateId: ID!, $value: Int!) {
    castVote(candidateId: $candidateId, value: $value) { ${CANDIDATE_LIST_FIELDS} } }`,
);

export const RETRACT_VOTE = document<{ retractVote: CandidateList }, { candidateId: string }>(
  `mutation RetractVote($candidateId: ID!) { retractVote(candidateId: $candidateId) { ${CANDIDATE_LIST_FIELDS} } }`,
);

export const ROUND_DECIDED = document<
  { roundDecided: { stringId: string; locale: string; round: Round } },
  { project: string; locale: string }
>(
  `subscription RoundDecided($project: String!, $locale: String!) {
    roundDecided(project: $project, locale: $locale) { stringId locale round { ${ROUND_FIELDS} } } }`,
);

export const STRING_UPDATED = document<
  { stringUpdated: { id: string } },
  { stringId: string; locale: string }
>(
  'subscription StringUpdated($stringId: ID!, $locale: String!) { stringUpdated(stringId: $stringId, locale: $locale) { id } }',
);

export const APPROVE_CANDIDATE = document<
  { approveCandidate: Round },
  { id: string; reason: string }
>(
  `mutation ApproveCandidate($id: ID!, $reason: String!) { approveCandidate(id: $id, reason: $reason) { ${ROUND_FIELDS} } }`,
);

export const REJECT_CANDIDATE = document<
  { rejectCandidate: { id: string; status: string } },
  { id: string; reason: string }
>(
  'mutation RejectCandidate($id: ID!, $reason: String!) { rejectCandidate(id: $id, reason: $reason) { id status } }',
);

export const LOCK_STRING = document<
  { lockString: TranslatableString },
  { stringId: string; locale: string; locked: boolean }
>(
  `mutation LockString($stringId: ID!, $locale: String!, $locked: Boolean!) {
    lockString(stringId: $stringId, locale: $locale, locked: $locked) { ${STRING_FIELDS} } }`,
);
