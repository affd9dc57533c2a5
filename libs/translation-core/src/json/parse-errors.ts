/** Why a catalogue file was refused. Every code carries the key path and line of the problem. */
export const CatalogueErrorCode = {
  INPUT_TOO_LARGE: 'INPUT_TOO_LARGE',
  JSON_SYNTAX: 'JSON_SYNTAX',
  TOO_DEEP: 'TOO_DEEP',
  TOO_MANY_KEYS: 'TOO_MANY_KEYS',
  KEY_TOO_LONG: 'KEY_TOO_LONG',
  VALUE_TOO_LONG: 'VALUE_TOO_LONG',
  ROOT_NOT_OBJECT: 'ROOT_NOT_OBJECT',
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  KEY_CONFLICT: 'KEY_CONFLICT',
  UNSUPPORTED_VALUE: 'UNSUPPORTED_VALUE',
  UNKNOWN_LOCALE: 'UNKNOWN_LOCALE',
  V3_PLURAL_UNMAPPED: 'V3_PLURAL_UNMAPPED',
  INVALID_OPTIONS: 'INVALID_OPTIONS',
} as const;
export type CatalogueErrorCode = (typeof CatalogueErrorCode)[keyof typeof CatalogueErrorCode];

export interface CatalogueError {
  readonly code: CatalogueErrorCode;
  /** User-facing: what is wrong, where, and what to do. */
  readonly message: string;
  /** Key path of the problem (segments joined with "."), "" for the whole file. */
  readonly key: string;
  /** 1-based line; 0 when the problem is not tied to a line. */
  readonly line: number;
  readonly column: number;
}

/** Limits protect the parser from hostile files. They are parameters, never globals. */
export interface ParseLimits {
  /** UTF-8 size of the input. */
  readonly maxBytes: number;
  /** Nesting depth of objects and arrays (the root object is depth 1). Capped at 1000. */
  readonly maxDepth: number;
  /** Object members plus array items in the whole file. */
  readonly maxKeys: number;
  /** UTF-16 length of one property name. */
  readonly maxKeyLength: number;
  /** UTF-16 length of one string value. */
  readonly maxValueLength: number;
  /** Stop collecting after this many errors. */
  readonly maxErrors: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 32,
  maxKeys: 200_000,
  maxKeyLength: 4096,
  maxValueLength: 65_536,
  maxErrors: 100,
};

export const HARD_MAX_DEPTH = 1000;

/** What a parse kept but wants a person to look at. */
export const ParseWarningCode = {
  PLURAL_FORMS_INCOMPLETE: 'PLURAL_FORMS_INCOMPLETE',
  PLURAL_FORM_NOT_IN_LOCALE: 'PLURAL_FORM_NOT_IN_LOCALE',
  NESTING_TARGET_MISSING: 'NESTING_TARGET_MISSING',
  EMPTY_VALUE: 'EMPTY_VALUE',
  V3_PLURAL_FORM_DROPPED: 'V3_PLURAL_FORM_DROPPED',
  UNKNOWN_LOCALE: 'UNKNOWN_LOCALE',
  NESTED_IN_FLAT_FILE: 'NESTED_IN_FLAT_FILE',
} as const;
export type ParseWarningCode = (typeof ParseWarningCode)[keyof typeof ParseWarningCode];

export interface ParseWarning {
  readonly code: ParseWarningCode;
  readonly message: string;
  readonly key: string;
  readonly line: number;
}
