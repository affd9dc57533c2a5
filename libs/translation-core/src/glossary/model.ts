/** Parts of speech a glossary term may carry (TBX-Basic's `partOfSpeech` picklist, lower case). */
export const PARTS_OF_SPEECH = [
  'noun',
  'verb',
  'adjective',
  'adverb',
  'properNoun',
  'other',
] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

export function isPartOfSpeech(value: string): value is PartOfSpeech {
  return (PARTS_OF_SPEECH as readonly string[]).includes(value);
}

/** One glossary term in the project's source language, with its translations by locale code. */
export interface GlossaryTerm {
  readonly term: string;
  readonly description: string;
  readonly partOfSpeech: PartOfSpeech | null;
  readonly caseSensitive: boolean;
  readonly doNotTranslate: boolean;
  /** locale code → translation (approved ones when exported from the API). */
  readonly translations: Readonly<Record<string, string>>;
}

/** A glossary: the source locale and its terms (what CSV and TBX files carry). */
export interface Glossary {
  readonly sourceLocale: string;
  readonly terms: readonly GlossaryTerm[];
}

/** A term as matching and the check need it: its id, text, flags and the approved target translation. */
export interface GlossaryCheckTerm {
  readonly id: string;
  readonly term: string;
  readonly caseSensitive: boolean;
  readonly doNotTranslate: boolean;
  /** The approved translation in the target locale, or null when none is approved yet. */
  readonly translation: string | null;
}

/** Limits of the glossary, parameters of each call (never globals). */
export interface GlossaryLimits {
  readonly maxTermLength: number;
  readonly maxDescriptionLength: number;
  readonly maxTerms: number;
  /** Size of an imported CSV or TBX file in UTF-16 code units. */
  readonly maxFileChars: number;
  readonly maxErrors: number;
}

export const DEFAULT_GLOSSARY_LIMITS: GlossaryLimits = {
  maxTermLength: 200,
  maxDescriptionLength: 2000,
  maxTerms: 5000,
  maxFileChars: 2 * 1024 * 1024,
  maxErrors: 50,
};
