import { requiredForms } from '@chorus/translation-core';
import de from './de/translation.json';
import en from './en/translation.json';
import pl from './pl/translation.json';

type Tree = { readonly [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with plural suffixes folded into their base key. */
function baseKeys(tree: Tree): Set<string> {
  return new Set([...leaves(tree).keys()].map((k) => k.replace(PLURAL, '')));
}

describe('the UI catalogue', () => {
  const source = baseKeys(en);

  it.each([
    ['de', de],
    ['pl', pl],
  ])('%s translates exactly the keys of en', (_locale, catalogue) => {
    expect([...baseKeys(catalogue)].sort()).toEqual([...source].sort());
  });

  it.each([
    ['en', en],
    ['de', de],
    ['pl', pl],
  ])('%s has every plural form its language needs for each plural key', (locale, catalogue) => {
    const keys = [...leaves(catalogue).keys()];
    const pluralBases = new Set(
      keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')),
    );
    expect(pluralBases.size).toBeGreaterThan(3);
    for (const base of pluralBases) {
      for (const form of requiredForms(locale)) expect(keys).toContain(`${base}_${form}`);
    }
  });

  it('uses Polish one/few/many/other forms', () => {
    const l = leaves(pl);
    expect(l.get('workspace.submittedCount_few')).toContain('tłumaczenia');
    expect(l.get('workspace.submittedCount_many')).toContain('tłumaczeń');
  });
});
