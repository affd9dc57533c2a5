import { document } from '../graphql-client';
import { CANDIDATE_FIELDS, ROUND_FIELDS, STRING_FIELDS } from './fragments';
import type {
  Candidate,
  CandidateList,
  Finding,
  Form,
  StringFilter,
  Suggestion,
  TranslatableString,
} from './types';

export const NEXT_STRING = document<
  { nextString: TranslatableString | null },
  { project: string; locale: string; filter: StringFilter; skip: string[] }
>(
  `query NextString($project: String!, $locale: String!, $filter: StringFilter!, $skip: [ID!]) {
    nextString(project: $project, locale: $locale, filter: $filter, skip: $skip) { ${STRING_FIELDS} } }`,
);

export const STRING = document<{ string: TranslatableString }, { id: string; locale: string }>(
  `query OneString($id: ID!, $locale: String!) { string(id: $id, locale: $locale) { ${STRING_FIELDS} } }`,
);

export interface StringPage {
  readonly edges: readonly { readonly cursor: string; readonly node: TranslatableString }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

type StringPageVariables = {
  project: string;
  locale: string;
  filter: StringFilter;
  search: string | null;
  first: number;
};

const stringsQuery = (name: string, total: string) =>
  `query ${name}($project: String!, $locale: String!, $filter: StringFilter!, $search: String, $first: Int!) {
    strings(project: $project, locale: $locale, filter: $filter, search: $search, first: $first) {
      ${total} pageInfo { hasNextPage endCursor } edges { cursor node { ${STRING_FIELDS} } } } }`;

export const STRINGS = document<{ strings: StringPage }, StringPageVariables>(
  stringsQuery('Strings', 'totalCount'),
);

/**
 * The same page without `totalCount`, for views that do not show it (the vote queue, moderation):
 * the server counts every matching string only when the total is asked for.
 */
export const STRING_PAGE = document<
  { strings: Omit<StringPage, 'totalCount'> },
  StringPageVariables
>(stringsQuery('StringPage', ''));

export const CANDIDATES = document<
  { candidates: CandidateList },
  { stringId: string; locale: string }
>(
  `query Candidates($stringId: ID!, $locale: String!) {
    candidates(stringId: $stringId, locale: $locale) {
      stringId locale hasVoted votesNeeded candidates { ${CANDIDATE_FIELDS} }
      round { ${ROUND_FIELDS} } } }`,
);

export const SUGGESTIONS = document<
  { suggestions: Suggestion[] },
  { stringId: string; locale: string }
>(
  `query Suggestions($stringId: ID!, $locale: String!) {
    suggestions(stringId: $stringId, locale: $locale) { sourceText similarity forms { category text } } }`,
);

export const SUBMIT_TRANSLATION = document<
  {
    submitTranslation: {
      candidate: Candidate;
      warnings: Finding[];
      mergedIntoExisting: boolean;
    };
  },
  { input: { stringId: string; locale: string; forms: Form[] } }
>(
  `mutation SubmitTranslation($input: SubmitTranslationInput!) {
    submitTranslation(input: $input) {
      mergedIntoExisting warnings { code severity form message } candidate { ${CANDIDATE_FIELDS} } } }`,
);
