import type { Catalogue, CatalogueUnit, Forms, SourceUnit } from './model';

export interface SourceDiff {
  /** Units new in the catalogue. */
  readonly added: readonly SourceUnit[];
  /** Units no longer in the catalogue (retire them; never delete their translations). */
  readonly removed: readonly SourceUnit[];
  /** Same id, new source hash: old candidates become outdated and the old winner stale (C1, C4). */
  readonly changed: readonly { readonly previous: SourceUnit; readonly next: SourceUnit }[];
  readonly unchanged: readonly SourceUnit[];
}

/**
 * Compares two imports of one namespace by unit id and source hash. Re-importing the same file gives only
 * `unchanged`, which is what makes imports idempotent.
 */
export function diffSourceUnits(
  previous: readonly SourceUnit[],
  next: readonly SourceUnit[],
): SourceDiff {
  const before = new Map(previous.map((u) => [u.id, u]));
  const after = new Map(next.map((u) => [u.id, u]));
  const added: SourceUnit[] = [];
  const changed: { previous: SourceUnit; next: SourceUnit }[] = [];
  const unchanged: SourceUnit[] = [];
  for (const u of next) {
    const old = before.get(u.id);
    if (!old) added.push(u);
    else if (old.sourceHash !== u.sourceHash) changed.push({ previous: old, next: u });
    else unchanged.push(u);
  }
  const removed = previous.filter((u) => !after.has(u.id));
  return { added, removed, changed, unchanged };
}

export interface MatchedTranslation {
  readonly unit: SourceUnit;
  readonly forms: Forms;
}

export interface TranslationMatch {
  /** Translations of known source units, ready to become candidates (origin `import`). */
  readonly matched: readonly MatchedTranslation[];
  /** Units of the translation file with no source unit (typos, removed keys, nested by mistake). */
  readonly orphans: readonly CatalogueUnit[];
}

/** Pairs the units of an existing translation file (e.g. de.json) with the source units they translate. */
export function matchTranslations(
  source: readonly SourceUnit[],
  translation: Catalogue,
): TranslationMatch {
  const byId = new Map(source.map((u) => [u.id, u]));
  const matched: MatchedTranslation[] = [];
  const orphans: CatalogueUnit[] = [];
  for (const u of translation.units) {
    const s = byId.get(u.id);
    if (s) matched.push({ unit: s, forms: u.forms });
    else orphans.push(u);
  }
  return { matched, orphans };
}
