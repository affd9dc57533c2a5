/** What one import did; the body of `200` on the REST endpoint and `ImportResult` in GraphQL. */
export interface ImportWarning {
  readonly code: string;
  readonly message: string;
  readonly key?: string;
  readonly line?: number;
}

export type ImportKind = 'source' | 'translations';

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
  readonly warnings: readonly ImportWarning[];
}

/** Warnings beyond this many are summarised in one last entry, so a response stays small. */
export const MAX_WARNINGS = 200;

export function capWarnings(warnings: readonly ImportWarning[]): ImportWarning[] {
  if (warnings.length <= MAX_WARNINGS) return [...warnings];
  return [
    ...warnings.slice(0, MAX_WARNINGS),
    {
      code: 'MORE_WARNINGS',
      message: `${warnings.length - MAX_WARNINGS} more warnings were left out.`,
    },
  ];
}
