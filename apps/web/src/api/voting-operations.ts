import { document } from '../graphql-client';
import { CANDIDATE_FIELDS, ROUND_FIELDS, STRING_FIELDS } from './fragments';
import type { CandidateList, NeedsDecision, Round, TranslatableString } from './types';

const CANDIDATE_LIST_FIELDS = `stringId locale hasVoted votesNeeded candidates { ${CANDIDATE_FIELDS} } round { ${ROUND_FIELDS} }`;

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

export interface NeedsDecisionEntry {
  readonly stringId: string;
  readonly key: string;
  readonly locale: string;
  readonly roundId: string;
  readonly needsDecision: NeedsDecision;
}

export const NEEDS_DECISION = document<
  { needsDecision: { items: NeedsDecisionEntry[]; nextCursor: string | null } },
  { project: string; locale: string; first: number; after: string | null }
>(
  `query NeedsDecisionQueue($project: String!, $locale: String!, $first: Int!, $after: String) {
    needsDecision(project: $project, locale: $locale, first: $first, after: $after) {
      nextCursor items { stringId key locale roundId needsDecision { reasons extendedUntil } } } }`,
);

export const ROUND_NEEDS_DECISION = document<
  { roundNeedsDecision: { stringId: string; locale: string } },
  { project: string; locale: string }
>(
  `subscription RoundNeedsDecision($project: String!, $locale: String!) {
    roundNeedsDecision(project: $project, locale: $locale) { stringId locale } }`,
);

/** Locales where the viewer may approve (language managers; owners: all), for the queue links. */
export const MANAGED_LOCALES = document<
  { project: { viewerCan: { managedLocales: string[] } } },
  { slug: string }
>('query ManagedLocales($slug: String!) { project(slug: $slug) { viewerCan { managedLocales } } }');
