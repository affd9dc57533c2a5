import { document } from '../graphql-client';

export interface GlossaryTerm {
  readonly id: string;
  readonly stringId: string;
  readonly term: string;
  readonly description: string;
  readonly partOfSpeech: string | null;
  readonly caseSensitive: boolean;
  readonly doNotTranslate: boolean;
  readonly translation: string | null;
}

export interface GlossaryHit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly term: GlossaryTerm;
}

export const PARTS_OF_SPEECH = [
  'noun',
  'verb',
  'adjective',
  'adverb',
  'properNoun',
  'other',
] as const;
export type GlossaryFormat = 'CSV' | 'TBX';

const TERM_FIELDS =
  'id stringId term description partOfSpeech caseSensitive doNotTranslate translation';

export const GLOSSARY_TERMS = document<
  { glossaryTerms: GlossaryTerm[] },
  { project: string; locale: string | null }
>(
  `query GlossaryTerms($project: String!, $locale: String) {
    glossaryTerms(project: $project, locale: $locale) { ${TERM_FIELDS} } }`,
);

export const GLOSSARY_HITS = document<
  { glossaryHits: GlossaryHit[] },
  { project: string; locale: string; text: string }
>(
  `query GlossaryHits($project: String!, $locale: String!, $text: String!) {
    glossaryHits(project: $project, locale: $locale, text: $text) {
      start end text term { ${TERM_FIELDS} } } }`,
);

export interface TermInput {
  readonly description: string;
  readonly partOfSpeech: string | null;
  readonly caseSensitive: boolean;
  readonly doNotTranslate: boolean;
}

export const CREATE_GLOSSARY_TERM = document<
  { createGlossaryTerm: GlossaryTerm },
  TermInput & { project: string; term: string }
>(
  `mutation CreateGlossaryTerm($project: String!, $term: String!, $description: String,
    $partOfSpeech: String, $caseSensitive: Boolean, $doNotTranslate: Boolean) {
    createGlossaryTerm(project: $project, term: $term, description: $description,
      partOfSpeech: $partOfSpeech, caseSensitive: $caseSensitive, doNotTranslate: $doNotTranslate) {
      ${TERM_FIELDS} } }`,
);

export const UPDATE_GLOSSARY_TERM = document<
  { updateGlossaryTerm: GlossaryTerm },
  TermInput & { project: string; id: string }
>(
  `mutation UpdateGlossaryTerm($project: String!, $id: ID!, $description: String,
    $partOfSpeech: String, $caseSensitive: Boolean, $doNotTranslate: Boolean) {
    updateGlossaryTerm(project: $project, id: $id, description: $description,
      partOfSpeech: $partOfSpeech, caseSensitive: $caseSensitive, doNotTranslate: $doNotTranslate) {
      ${TERM_FIELDS} } }`,
);

export const DELETE_GLOSSARY_TERM = document<
  { deleteGlossaryTerm: boolean },
  { project: string; id: string }
>(
  `mutation DeleteGlossaryTerm($project: String!, $id: ID!) {
    deleteGlossaryTerm(project: $project, id: $id) }`,
);

export const GLOSSARY_EXPORT = document<
  { glossaryExport: string },
  { project: string; format: GlossaryFormat }
>(
  `query GlossaryExport($project: String!, $format: GlossaryFormat!) {
    glossaryExport(project: $project, format: $format) }`,
);
