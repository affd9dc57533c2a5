import { resolvePluralLocale } from '@chorus/translation-core';

/** Intl.getCanonicalLocales costs ~10 µs, and every vote, claim and import asks for a handful of codes. */
const CANONICAL_CACHE_SIZE = 1_000;
const canonicalCodes = new Map<string, string | null>();

/**
 * BCP 47 check for project and target locales. Intl canonicalises the tag (e.g. `pt-br` →
 * `pt-BR`); anything it rejects is an unknown locale.
 */
export function canonicalLocale(code: string): string | null {
  const known = canonicalCodes.get(code);
  if (known !== undefined) return known;
  let canonical: string | null;
  try {
    canonical = Intl.getCanonicalLocales(code.trim())[0] ?? null;
  } catch {
    canonical = null;
  }
  // Bounded: the codes come from callers, and a stranger could send a new one every time.
  if (canonicalCodes.size >= CANONICAL_CACHE_SIZE) canonicalCodes.clear();
  canonicalCodes.set(code, canonical);
  return canonical;
}

/**
 * A target locale must be valid BCP 47 AND have plural rules in translation-core's pinned CLDR
 * table; otherwise nobody could say which plural forms its translations need.
 */
export function targetLocale(
  code: string,
): { readonly ok: true; readonly code: string } | { readonly ok: false; readonly message: string } {
  const canonical = canonicalLocale(code);
  if (canonical === null) {
    return { ok: false, message: `"${code}" is not a BCP 47 locale code (try "de" or "pt-BR").` };
  }
  const plural = resolvePluralLocale(canonical);
  return plural.ok ? { ok: true, code: canonical } : { ok: false, message: plural.message };
}
