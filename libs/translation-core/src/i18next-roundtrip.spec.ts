import i18next from 'i18next';
import type { Forms } from './model';
import { buildBundle } from './export/bundle';
import type { BundleUnitInput } from './export/bundle';
import { requiredForms } from './plurals/plural-table';
import type { PluralCategory } from './plurals/plural-types';
import { makeSourceUnit } from './testing';

// One plural unit, one ordinal unit and one simple unit, translated into each locale with a text that names its
// own category, so t() tells us which form i18next picked.
const items = makeSourceUnit('plural', ['cart', 'items'], {
  one: '{{count}} item',
  other: '{{count}} items',
});
const place = makeSourceUnit('ordinal', ['place'], {
  one: '{{count}}st',
  two: '{{count}}nd',
  few: '{{count}}rd',
  other: '{{count}}th',
});
const hello = makeSourceUnit('simple', ['hello'], { '': 'Hello {{name}}' });

function formsFor(locale: string, type: 'cardinal' | 'ordinal'): Forms {
  return Object.fromEntries(
    requiredForms(locale, type).map((c) => [c, `${locale}:${c}:{{count}}`]),
  );
}

async function load(locale: string, extra: Partial<Record<PluralCategory, string>> = {}) {
  const inputs: BundleUnitInput[] = [
    {
      unit: items,
      winner: {
        forms: { ...formsFor(locale, 'cardinal'), ...extra },
        sourceHash: items.sourceHash,
      },
    },
    { unit: place, winner: { forms: formsFor(locale, 'ordinal'), sourceHash: place.sourceHash } },
    { unit: hello, winner: { forms: { '': `${locale}: {{name}}` }, sourceHash: hello.sourceHash } },
  ];
  // A source locale distinct from every tested one, so each bundle carries the winners, en included.
  const bundle = buildBundle(inputs, { namespace: 'translation', locale, sourceLocale: 'und' });
  if (!bundle.ok) throw new Error(JSON.stringify(bundle.errors));
  const inst = i18next.createInstance();
  await inst.init({
    lng: locale,
    fallbackLng: false,
    resources: {
      [locale]: { translation: JSON.parse(bundle.value.text) as Record<string, unknown> },
    },
    interpolation: { escapeValue: false },
  });
  return inst;
}

// count → expected category (the pinned CLDR 48 table, which equals Node's Intl here).
const CASES: Record<string, readonly (readonly [number, PluralCategory])[]> = {
  en: [
    [1, 'one'],
    [0, 'other'],
    [2, 'other'],
    [5, 'other'],
    [21, 'other'],
    [1.5, 'other'],
  ],
  pl: [
    [1, 'one'],
    [2, 'few'],
    [4, 'few'],
    [22, 'few'],
    [0, 'many'],
    [5, 'many'],
    [12, 'many'],
    [25, 'many'],
    [1.5, 'other'],
    [0.5, 'other'],
  ],
  ar: [
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [10, 'few'],
    [103, 'few'],
    [11, 'many'],
    [99, 'many'],
    [100, 'other'],
    [102, 'other'],
    [1.5, 'other'],
  ],
  ja: [
    [0, 'other'],
    [1, 'other'],
    [2, 'other'],
    [100, 'other'],
  ],
};

describe('exported bundles in real i18next (26.x)', () => {
  it.each(Object.keys(CASES))(
    '%s: t() picks every plural category for several counts',
    async (locale) => {
      const t = (await load(locale)).t;
      const covered = new Set<PluralCategory>();
      for (const [count, category] of CASES[locale]!) {
        expect([count, t('cart.items', { count })]).toEqual([
          count,
          `${locale}:${category}:${count}`,
        ]);
        covered.add(category);
      }
      expect([...covered].sort()).toEqual([...requiredForms(locale)].sort());
      expect(t('hello', { name: 'Ana' })).toBe(`${locale}: Ana`);
    },
  );

  it('en ordinals: 1st 2nd 3rd 4th 11th 22nd', async () => {
    const t = (await load('en')).t;
    const out = [1, 2, 3, 4, 11, 22].map((count) => t('place', { count, ordinal: true }));
    expect(out).toEqual([
      'en:one:1',
      'en:two:2',
      'en:few:3',
      'en:other:4',
      'en:other:11',
      'en:two:22',
    ]);
  });

  it('uses the optional zero override for 0 only', async () => {
    const t = (await load('en', { zero: 'no items' })).t;
    expect(t('cart.items', { count: 0 })).toBe('no items');
    expect(t('cart.items', { count: 1 })).toBe('en:one:1');
  });
});
