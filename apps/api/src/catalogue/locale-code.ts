import { resolvePluralLocale } from '@chorus/translation-core';

/**
 * BCP 47 check for project and target locales. Intl canonicalises the tag (e.g. `pt-br` →
 * `pt-BR`); anything it rejects is an unknown locale.
 */
export function canonicalLocale(code: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(code.trim());
    return canonical ?? null;
  } catch {
    return null;
  }
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
