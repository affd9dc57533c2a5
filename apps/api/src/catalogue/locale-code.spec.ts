import { canonicalLocale, targetLocale } from './locale-code';

describe('canonicalLocale', () => {
  it('canonicalises, and answers the same from its cache', () => {
    expect(canonicalLocale('pt-br')).toBe('pt-BR');
    expect(canonicalLocale('pt-br')).toBe('pt-BR');
    expect(canonicalLocale(' de ')).toBe('de');
  });

  it('refuses what is not BCP 47, every time', () => {
    expect(canonicalLocale('not a locale')).toBeNull();
    expect(canonicalLocale('not a locale')).toBeNull();
  });

  it('stays right past its bound, when the cache starts over', () => {
    for (let i = 0; i < 1_500; i += 1) canonicalLocale(`x-${i.toString(36)}`);
    expect(canonicalLocale('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(targetLocale('xx-invalid-!').ok).toBe(false);
  });
});
