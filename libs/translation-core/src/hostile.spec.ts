import fc from 'fast-check';
import { CatalogueErrorCode } from './json/parse-errors';
import { parseI18nextJson } from './json/parse-i18next';
import type { KeySeparator } from './model';
import { serializeI18nextJson } from './export/serialize';
import { checkTranslation } from './checks/check-translation';

const VALID =
  '{\n  "a": {\n    "b_one": "{{count}} b",\n    "b_other": "{{count}} bs"\n  },\n  "list": ["x", "y"],\n  "Hello <1>{{name}}</1>": "Hallo <1>{{name}}</1>"\n}\n';

const CHARS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  'u',
  'd',
  '8',
  '0',
  ' ',
  '\n',
  'a',
  '.',
  '_',
  '1',
  'e',
  '-',
  'n',
  't',
  'f',
  '\ud800',
  '\udc00',
  '\u0000',
  '\ufeff',
];
const char = fc.constantFrom(...CHARS);

/** A cheap seeded generator: fast-check's per-character arrays are slow to build 10,000 times. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const soup = fc.integer().map((seed) => {
  const r = seeded(seed);
  const n = Math.floor(r() * 60);
  let out = '';
  for (let i = 0; i < n; i++) out += CHARS[Math.floor(r() * CHARS.length)] ?? '';
  return out;
});

const anyCodeUnits = fc.integer().map((seed) => {
  const r = seeded(seed);
  const n = Math.floor(r() * 80);
  let out = '';
  for (let i = 0; i < n; i++) out += String.fromCharCode(Math.floor(r() * 0x10000));
  return out;
});

/** Ten families of malformed or adversarial i18next files. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  // truncated valid JSON
  fc.nat(VALID.length).map((n) => VALID.slice(0, n)),
  // one random edit of valid JSON
  fc
    .tuple(fc.nat(VALID.length), fc.nat(3), char)
    .map(([i, del, c]) => VALID.slice(0, i) + c + VALID.slice(i + del)),
  // deep nesting, objects or arrays, closed or not
  fc
    .tuple(fc.integer({ min: 1, max: 3000 }), fc.boolean(), fc.boolean())
    .map(([d, arr, closed]) =>
      arr
        ? `{"a": ${'['.repeat(d)}"x"${closed ? ']'.repeat(d) : ''}}`
        : `${'{"a": '.repeat(d)}"x"${closed ? '}'.repeat(d) : ''}`,
    ),
  // huge keys and values
  fc
    .tuple(fc.integer({ min: 1000, max: 30_000 }), fc.boolean())
    .map(([n, key]) => (key ? `{"${'k'.repeat(n)}": "v"}` : `{"k": "${'v'.repeat(n)}"}`)),
  // prototype-polluting keys, nested, dotted and as plural bases
  fc
    .tuple(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        '__proto__.polluted',
        'constructor.prototype.polluted',
        '__proto___one',
      ),
      fc.boolean(),
    )
    .map(([k, nest]) =>
      nest
        ? `{"${k}": {"polluted": "yes", "__proto__": {"polluted": "yes"}}}`
        : `{"${k}": "yes", "x": {"${k}": "yes"}}`,
    ),
  // lone surrogates, raw and escaped, in keys and values
  fc.constantFrom(
    '{"\ud800": "\udc00"}',
    '{"k": "\\ud800"}',
    '{"\\udfff": "x"}',
    '{"a": "b\ud83d"}',
    '{"\\ud83d\\ude00": "\\ud83d"}',
  ),
  // non-string leaves
  fc.constantFrom(
    '{"a": 1}',
    '{"a": true}',
    '{"a": null}',
    '{"a": {"b": [1, "x"]}}',
    '{"a": 1e999}',
    '{"a": -0}',
  ),
  // duplicate keys and conflicts
  fc.constantFrom(
    '{"a": "x", "a": "y"}',
    '{"a": "x", "a.b": "y"}',
    '{"a": {"b": "x"}, "a.b": "y"}',
    '{"a": ["x"], "a.0": "y"}',
    '{"a_one": "x", "a_one": "y"}',
  ),
  // random token soup
  soup,
  // any UTF-16 code units at all
  anyCodeUnits,
);

const codes = new Set<string>(Object.values(CatalogueErrorCode));

describe('hostile input', () => {
  it('10,000 malformed or adversarial files each give a typed error or a valid catalogue', () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const samples = fc.sample(fc.tuple(hostile, fc.constantFrom<KeySeparator>('.', false)), {
      numRuns: 10_000,
      seed: 20261125,
    });
    let accepted = 0;
    const problems: string[] = [];
    for (const [text, keySeparator] of samples) {
      const r = parseI18nextJson(text, { locale: 'ru', keySeparator });
      if (!r.ok) {
        const typed =
          r.errors.length > 0 &&
          r.errors.every(
            (e) => codes.has(e.code) && typeof e.message === 'string' && Number.isInteger(e.line),
          );
        if (!typed) problems.push(`untyped error for ${JSON.stringify(text.slice(0, 80))}`);
        continue;
      }
      accepted++;
      const out = serializeI18nextJson(r.value.catalogue);
      if (!out.ok) {
        problems.push(`accepted file does not serialize: ${JSON.stringify(text.slice(0, 80))}`);
        continue;
      }
      try {
        JSON.parse(out.value);
      } catch {
        problems.push(`invalid JSON written for ${JSON.stringify(text.slice(0, 80))}`);
      }
      for (const u of r.value.catalogue.units.slice(0, 3)) {
        checkTranslation({ source: u, sourceLocale: 'en', targetLocale: 'ru', forms: u.forms });
      }
    }
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(9_500);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  });

  it('refuses a file over maxBytes before reading it', () => {
    const r = parseI18nextJson(`{"k": "${'x'.repeat(2_000_000)}"}`, {
      locale: 'en',
      limits: { maxBytes: 1_000_000 },
    });
    expect(!r.ok && r.errors[0]!.code).toBe('INPUT_TOO_LARGE');
  });

  it('keeps __proto__ keys as data', () => {
    const r = parseI18nextJson(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
      { locale: 'en' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.catalogue.units.map((u) => u.key)).toEqual([
      '__proto__.polluted',
      'constructor.prototype.polluted',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const out = serializeI18nextJson(r.value.catalogue);
    expect(out.ok && out.value).toBe(
      '{\n  "__proto__": {\n    "polluted": "yes"\n  },\n  "constructor": {\n    "prototype": {\n      "polluted": "yes"\n    }\n  }\n}\n',
    );
  });
});
