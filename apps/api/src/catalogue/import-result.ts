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

/** The counts of a result (no warnings, no format): what the audit entry and the API report alike. */
export function importCounts(result: ImportResult) {
  return {
    namespace: result.namespace,
    locale: result.locale,
    kind: result.kind,
    added: result.added,
    changed: result.changed,
    removed: result.removed,
    unchanged: result.unchanged,
    imported: result.imported,
    skipped: result.skipped,
  };
}

/**
 * Responses list this many warnings and count the rest (warningCount, warningsTruncated), so they
 * stay small; `?warnings=all` (REST, the CLI's --report) answers the whole list, which the import
 * keeps (a file has at most a few warnings per unit, and its size is capped).
 */
export const MAX_WARNINGS = 200;

/** Every warning of an import, as the service records it. */
export function allWarnings(
  warnings: readonly ImportWarning[],
): Pick<ImportResult, 'warnings' | 'warningCount' | 'warningsTruncated'> {
  return { warnings: [...warnings], warningCount: warnings.length, warningsTruncated: false };
}

/** The result as a response shows it: the first MAX_WARNINGS warnings and the true count. */
export function capWarnings(result: ImportResult): ImportResult {
  // Results stored before warningCount existed carry their (already short) list only.
  const count = Math.max(result.warningCount ?? 0, result.warnings.length);
  if (result.warnings.length <= MAX_WARNINGS)
    return { ...result, warningCount: count, warningsTruncated: count > result.warnings.length };
  return {
    ...result,
    warnings: result.warnings.slice(0, MAX_WARNINGS),
    warningCount: count,
    warningsTruncated: true,
  };
}
