import { writeCompactCanonicalJson } from './export/canonical-json';
import { sha256Hex } from './hash/sha256';
import type { Catalogue, Forms, SourceUnit, UnitKind } from './model';

/**
 * C0 source hash: SHA-256 of the compact canonical JSON of the source forms: `{"one":"…","other":"…"}` (keys in
 * code-unit order) for plural and ordinal units, the JSON string `"…"` for the others. Descriptions and other
 * metadata are not part of it, so editing them does not outdate translations.
 */
export function sourceHash(kind: UnitKind, forms: Forms): string {
  if (kind === 'plural' || kind === 'ordinal') {
    const entries = Object.entries(forms)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([k, v]) => [k, v] as const);
    return sha256Hex(writeCompactCanonicalJson({ kind: 'object', entries }));
  }
  return sha256Hex(writeCompactCanonicalJson(forms[''] ?? ''));
}

/** Adds source hashes to every unit of the source-locale catalogue. */
export function buildSourceUnits(catalogue: Catalogue): SourceUnit[] {
  return catalogue.units.map((u) => ({ ...u, sourceHash: sourceHash(u.kind, u.forms) }));
}
