/** What one import did; the body of `200` on the REST endpoint and `ImportResult` in GraphQL. */
export interface ImportWarning {
  readonly code: string;
  readonly message: string;
  readonly key?: string;
  readonly line?: number;
}

export type ImportKind = 'source' | 'translations';

/** The i18next JSON version a file was read as: given by the caller, or detected (docs/api.md). */
export type ImportJsonFormat = 'v3' | 'v4';

export interface ImportResult {
  readonly namespace: string;
  readonly locale: string;
  readonly kind: ImportKind;
  /** Source: new strings (or retired ones back). Translations: new candidates. */
  readonly added: number;
  /** Source: strings whose text changed. Translations: units whose imported winner was replaced. */
  readonly changed: number;
  /** Source: strings missing from the file, now retired. Translations: always 0. */
  readonly removed: number;
  readonly unchanged: number;
  /** Source: units in the file. Translations: units whose imported text is now the winner. */
  readonly imported: number;
  /** Translations: units not taken (key not in the source, empty, or not eligible). */
  readonly skipped: number;
  /** The first MAX_WARNINGS warnings, in file order. */
  readonly warnings: readonly ImportWarning[];
  /** Every warning the import produced (the list above stops at MAX_WARNINGS). */
  readonly warningCount: number;
  /** True when `warnings` holds fewer entries than warningCount. */
  readonly warningsTruncated: boolean;
  /** How the file was read: 'v3' (`_plural` suffixes, converted) or 'v4'. */
  readonly jsonFormat: ImportJsonFormat;
}

/** Warnings beyond this many are counted (warningCount, warningsTruncated), so a response stays small. */
export const MAX_WARNINGS = 200;

export function capWarnings(
  warnings: readonly ImportWarning[],
): Pick<ImportResult, 'warnings' | 'warningCount' | 'warningsTruncated'> {
  return {
    warnings: warnings.slice(0, MAX_WARNINGS),
    warningCount: warnings.length,
    warningsTruncated: warnings.length > MAX_WARNINGS,
  };
}
