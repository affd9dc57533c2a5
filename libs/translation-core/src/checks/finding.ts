import type { FormKey } from '../model';

/** Every check code. E-level codes make a candidate ineligible (DOMAIN A9/C4); W-level codes are advice. */
export const CheckCode = {
  PLACEHOLDER_MISSING: 'PLACEHOLDER_MISSING',
  PLACEHOLDER_EXTRA: 'PLACEHOLDER_EXTRA',
  UNESCAPE_INTRODUCED: 'UNESCAPE_INTRODUCED',
  NESTING_MISMATCH: 'NESTING_MISMATCH',
  NESTING_OPTIONS_INVALID: 'NESTING_OPTIONS_INVALID',
  TAG_UNBALANCED: 'TAG_UNBALANCED',
  TAG_MISMATCH: 'TAG_MISMATCH',
  TAG_DROPPED: 'TAG_DROPPED',
  TAG_SELF_CLOSING_CHANGED: 'TAG_SELF_CLOSING_CHANGED',
  TAG_ATTRIBUTE_ADDED: 'TAG_ATTRIBUTE_ADDED',
  TAG_ATTRIBUTE_CHANGED: 'TAG_ATTRIBUTE_CHANGED',
  UNSAFE_HTML: 'UNSAFE_HTML',
  PLURAL_FORM_MISSING: 'PLURAL_FORM_MISSING',
  PLURAL_FORM_EXTRA: 'PLURAL_FORM_EXTRA',
  PLURAL_INCOMPLETE: 'PLURAL_INCOMPLETE',
  PLURAL_FORM_DROPPED: 'PLURAL_FORM_DROPPED',
  EMPTY: 'EMPTY',
  INVALID_TEXT: 'INVALID_TEXT',
  MAX_LENGTH: 'MAX_LENGTH',
  UNKNOWN_LOCALE: 'UNKNOWN_LOCALE',
  UNCHANGED: 'UNCHANGED',
  SAME_PLURALS: 'SAME_PLURALS',
  LEADING_WHITESPACE: 'LEADING_WHITESPACE',
  TRAILING_WHITESPACE: 'TRAILING_WHITESPACE',
  END_PUNCTUATION: 'END_PUNCTUATION',
  NEWLINE_COUNT: 'NEWLINE_COUNT',
  DOUBLE_SPACE: 'DOUBLE_SPACE',
  FORMAT_CHANGED: 'FORMAT_CHANGED',
  GLOSSARY_DO_NOT_TRANSLATE: 'GLOSSARY_DO_NOT_TRANSLATE',
  GLOSSARY_TERM_MISMATCH: 'GLOSSARY_TERM_MISMATCH',
} as const;
export type CheckCode = (typeof CheckCode)[keyof typeof CheckCode];

export type Severity = 'error' | 'warning';

export const CHECK_SEVERITY: Readonly<Record<CheckCode, Severity>> = {
  PLACEHOLDER_MISSING: 'error',
  PLACEHOLDER_EXTRA: 'error',
  UNESCAPE_INTRODUCED: 'error',
  NESTING_MISMATCH: 'error',
  NESTING_OPTIONS_INVALID: 'error',
  TAG_UNBALANCED: 'error',
  TAG_MISMATCH: 'error',
  TAG_SELF_CLOSING_CHANGED: 'error',
  TAG_ATTRIBUTE_ADDED: 'error',
  TAG_ATTRIBUTE_CHANGED: 'error',
  UNSAFE_HTML: 'error',
  PLURAL_FORM_MISSING: 'error',
  PLURAL_FORM_EXTRA: 'error',
  EMPTY: 'error',
  INVALID_TEXT: 'error',
  MAX_LENGTH: 'error',
  UNKNOWN_LOCALE: 'error',
  GLOSSARY_DO_NOT_TRANSLATE: 'error',
  UNCHANGED: 'warning',
  SAME_PLURALS: 'warning',
  LEADING_WHITESPACE: 'warning',
  TRAILING_WHITESPACE: 'warning',
  END_PUNCTUATION: 'warning',
  NEWLINE_COUNT: 'warning',
  DOUBLE_SPACE: 'warning',
  FORMAT_CHANGED: 'warning',
  TAG_DROPPED: 'warning',
  PLURAL_INCOMPLETE: 'warning',
  PLURAL_FORM_DROPPED: 'warning',
  GLOSSARY_TERM_MISMATCH: 'warning',
};

export const CHECK_CODES: readonly CheckCode[] = Object.keys(CHECK_SEVERITY) as CheckCode[];

export interface Finding {
  readonly code: CheckCode;
  readonly severity: Severity;
  /** The form the finding is about: a plural category, or "" for a simple unit or the whole candidate. */
  readonly form: FormKey;
  /** User-facing: what is wrong and what to do. */
  readonly message: string;
}

export function finding(code: CheckCode, form: FormKey, message: string): Finding {
  return { code, severity: CHECK_SEVERITY[code], form, message };
}

/** True when any finding is E-level: the candidate cannot win a round. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function formLabel(form: FormKey): string {
  return form === '' ? 'The translation' : `Form "${form}"`;
}
