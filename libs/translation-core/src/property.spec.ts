import fc from 'fast-check';
import { parseI18nextJson } from './json/parse-i18next';
import type { Catalogue, CatalogueUnit } from './model';
import { serializeI18nextJson } from './export/serialize';
import { catalogueArbitrary } from './testing/arbitraries';

function serialize(c: Catalogue): string {
  const r = serializeI18nextJson(c);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function comparable(units: readonly CatalogueUnit[]) {
  return units
    .map(({ id, key, path, kind, forms }) => ({ id, key, path, kind, forms }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function flatten(
  value: unknown,
  prefix: string[] = [],
  out = new Map<string, string>(),
): Map<string, string> {
  if (typeof value === 'string') out.set(JSON.stringify(prefix), value);
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, [...prefix, `#${i}`], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, [...prefix, k], out);
  return out;
}

describe('format plug-in properties (fast-check)', () => {
  it('generates non-trivial catalogues', () => {
    const samples = fc.sample(catalogueArbitrary(), { numRuns: 200, seed: 42 });
    const units = samples.flatMap((c) => c.units);
    expect(units.length / samples.length).toBeGreaterThan(5);
    expect(new Set(units.map((u) => u.kind))).toEqual(
      new Set(['simple', 'plural', 'ordinal', 'array-element']),
    );
    expect(
      samples.some((c) => c.keySeparator === '.' && c.units.some((u) => u.path.length > 1)),
    ).toBe(true);
    expect(units.some((u) => u.key.includes('__proto__'))).toBe(true);
  });

  it('parse(serialize(c)) equals c for generated catalogues, nested and flat', () => {
    fc.assert(
      fc.property(catalogueArbitrary(), (c) => {
        const text = serialize(c);
        const parsed = parseI18nextJson(text, { locale: 'en', keySeparator: c.keySeparator });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        expect(comparable(parsed.value.catalogue.units)).toEqual(comparable(c.units));
        expect(serialize(parsed.value.catalogue)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('serialize is independent of unit order', () => {
    fc.assert(
      fc.property(
        catalogueArbitrary().chain((c) =>
          fc.tuple(
            fc.constant(c),
            fc.shuffledSubarray([...c.units], {
              minLength: c.units.length,
              maxLength: c.units.length,
            }),
          ),
        ),
        ([c, shuffled]) => {
          expect(serialize({ ...c, units: shuffled })).toBe(serialize(c));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('output is always valid JSON with the same key → value pairs', () => {
    fc.assert(
      fc.property(catalogueArbitrary(), (c) => {
        const text = serialize(c);
        expect(text.endsWith('\n')).toBe(true);
        expect(text.includes('\r')).toBe(false);
        // JSON.parse would throw on invalid JSON; a reviver-free parse is enough to prove validity.
        const parsed: unknown = JSON.parse(text);
        const flat = flatten(parsed);
        let leaves = 0;
        for (const u of c.units) leaves += Object.keys(u.forms).length;
        // JSON.parse defines "__proto__" as an own property, so even those keys are counted.
        expect(flat.size).toBe(leaves);
      }),
      { numRuns: 200 },
    );
  });
});
