// Builds the pinned plural table from make-plural (CLDR data compiled to JS). Used by the generator
// script and by the drift test that checks the committed table still equals what make-plural says.
import * as plurals from 'make-plural/plurals';
import * as categories from 'make-plural/pluralCategories';
import examples from 'make-plural/examples.json';

export const MAKE_PLURAL_VERSION = '8.1.0';
export const CLDR_VERSION = '48';

/** Category lists straight from make-plural, for a cheap full comparison. */
export function makePluralCategories(): Map<
  string,
  { cardinal: readonly string[]; ordinal: readonly string[] }
> {
  const cats = categories as unknown as Record<string, { cardinal: string[]; ordinal: string[] }>;
  const out = new Map<string, { cardinal: readonly string[]; ordinal: readonly string[] }>();
  for (const [name, c] of Object.entries(cats)) {
    if (name === 'und' || name === 'default') continue;
    out.set(name.replace(/_/g, '-'), {
      cardinal: sortCanonical(c.cardinal),
      ordinal: sortCanonical(c.ordinal),
    });
  }
  return out;
}

const ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type Category = (typeof ORDER)[number];
type PluralFn = (n: number | string, ord?: boolean) => string;

export interface GeneratedCategory {
  readonly examples: string;
  readonly singleInteger: number | null;
}
export interface GeneratedLocale {
  readonly cardinal: readonly Category[];
  readonly ordinal: readonly Category[];
  readonly cardinalExamples: Readonly<Record<string, GeneratedCategory>>;
  readonly ordinalExamples: Readonly<Record<string, GeneratedCategory>>;
  /** Category letter (z o t f m x) of each integer 0..199, cardinal. */
  readonly small: string;
}

const SCAN_MAX = 10000;
const LETTER: Record<Category, string> = {
  zero: 'z',
  one: 'o',
  two: 't',
  few: 'f',
  many: 'm',
  other: 'x',
};

function sortCanonical(list: readonly string[]): Category[] {
  return ORDER.filter((c) => list.includes(c));
}

function formatRanges(ints: readonly number[]): string {
  const ranges: [number, number][] = [];
  for (const n of ints) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else ranges.push([n, n]);
  }
  const shown: string[] = [];
  for (const [a, b] of ranges.slice(0, 5)) {
    if (b === SCAN_MAX) {
      // An open-ended run: show its start, not the scan limit.
      shown.push(`${a}, ${a + 1}, ${a + 2}, …`);
      return shown.join(', ');
    }
    shown.push(a === b ? `${a}` : b === a + 1 ? `${a}, ${b}` : `${a}–${b}`);
  }
  return shown.join(', ') + (ranges.length > 5 ? ', …' : '');
}

function examplesFor(
  fn: PluralFn,
  cats: readonly Category[],
  ordinal: boolean,
  cldr: Record<string, string[]> | undefined,
): Record<string, GeneratedCategory> {
  const byCat = new Map<string, number[]>();
  for (let n = 0; n <= SCAN_MAX; n++) {
    const c = fn(n, ordinal);
    const list = byCat.get(c) ?? [];
    list.push(n);
    byCat.set(c, list);
  }
  const out: Record<string, GeneratedCategory> = {};
  for (const c of cats) {
    const ints = byCat.get(c) ?? [];
    let text: string;
    if (ints.length > 0) text = formatRanges(ints);
    else {
      const plain = (cldr?.[c] ?? []).filter((s) => /^[0-9.]+$/.test(s)).slice(0, 4);
      text = plain.length > 0 ? `${plain.join(', ')}, …` : '';
    }
    out[c] = { examples: text, singleInteger: ints.length === 1 ? (ints[0] ?? null) : null };
  }
  return out;
}

/** Builds the table for every make-plural locale, or only for the given make-plural names (`pt_PT`). */
export function buildPluralData(only?: readonly string[]): Map<string, GeneratedLocale> {
  const fns = plurals as unknown as Record<string, PluralFn>;
  const cats = categories as unknown as Record<string, { cardinal: string[]; ordinal: string[] }>;
  const ex = examples as unknown as Record<
    string,
    { cardinal?: Record<string, string[]>; ordinal?: Record<string, string[]> }
  >;
  const result = new Map<string, GeneratedLocale>();
  for (const name of Object.keys(cats).sort()) {
    const fn = fns[name];
    const c = cats[name];
    if (!fn || !c || name === 'und' || name === 'default') continue;
    if (only && !only.includes(name)) continue;
    const cardinal = sortCanonical(c.cardinal);
    const ordinal = sortCanonical(c.ordinal);
    let small = '';
    for (let n = 0; n < 200; n++) small += LETTER[fn(n, false) as Category];
    result.set(name.replace(/_/g, '-'), {
      cardinal,
      ordinal,
      cardinalExamples: examplesFor(fn, cardinal, false, ex[name]?.cardinal),
      ordinalExamples: examplesFor(fn, ordinal, true, ex[name]?.ordinal),
      small,
    });
  }
  return result;
}

export function renderPluralDataModule(data: Map<string, GeneratedLocale>): string {
  const shared = new Map<string, string>();
  const lines: string[] = [];
  const locales: string[] = [];
  for (const [locale, d] of data) {
    const json = JSON.stringify(d);
    let id = shared.get(json);
    if (id === undefined) {
      id = `R${shared.size}`;
      shared.set(json, id);
      lines.push(`const ${id}: PluralLocaleData = ${json};`);
    }
    locales.push(`  [${JSON.stringify(locale)}, ${id}],`);
  }
  return [
    '// GENERATED by scripts/generate-plural-table.ts from make-plural ' +
      MAKE_PLURAL_VERSION +
      ' (CLDR ' +
      CLDR_VERSION +
      ').',
    '// Do not edit by hand. Pinned so that required plural forms never depend on the Intl of the running engine.',
    "import type { PluralLocaleData } from './plural-types';",
    '',
    `export const PLURAL_DATA_SOURCE = { package: 'make-plural', version: '${MAKE_PLURAL_VERSION}', cldr: '${CLDR_VERSION}' } as const;`,
    '',
    ...lines,
    '',
    'export const PLURAL_DATA: ReadonlyMap<string, PluralLocaleData> = new Map<string, PluralLocaleData>([',
    ...locales,
    ']);',
    '',
  ].join('\n');
}
