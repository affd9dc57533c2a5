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
