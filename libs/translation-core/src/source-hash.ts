import { writeCompactCanonicalJson } from './export/canonical-json';
import { sha256Hex } from './hash/sha256';
import type { Catalogue, Forms, SourceUnit, UnitKind } from './model';

/**
 * C0 source hash: SHA-256 of the compact canonical JSON of the source forms: `{"one":"…","other":"…"}` (keys in
 * code-unit order) for plural and ordinal units, the JSON string `"…"` for the others. Descriptions and other
 * metadata are not part of it, so editing them does not outdate translations.
 */
export function sourceHash(kind: UnitKind, forms: Forms, hash: Sha256Hex = sha256Hex): string {
  if (kind === 'plural' || kind === 'ordinal') {
    const entries = Object.entries(forms)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([k, v]) => [k, v] as const);
    return hash(writeCompactCanonicalJson({ kind: 'object', entries }));
  }
  return hash(writeCompactCanonicalJson(forms[''] ?? ''));
}

/**
 * Lowercase hex SHA-256 of a string's UTF-8 bytes, lone surrogates as U+FFFD: this library's own
 * (sha256Hex, runs anywhere), or a host's native one with the same output (a server hashing 50k
 * source strings per import passes node:crypto's, about ten times faster).
 */
export type Sha256Hex = (text: string) => string;

/** Adds source hashes to every unit of the source-locale catalogue. */
export function buildSourceUnits(catalogue: Catalogue, hash: Sha256Hex = sha256Hex): SourceUnit[] {
  return catalogue.units.map((u) => ({ ...u, sourceHash: sourceHash(u.kind, u.forms, hash) }));
}
