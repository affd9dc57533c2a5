import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Forms, PathSegment, SourceUnit, UnitKind } from '../model';
import { keyOfPath, unitId } from '../model';
import { sourceHash } from '../source-hash';
import { buildBundle, selectExportValue } from './bundle';
import type { BundleOptions, BundleUnitInput } from './bundle';

function unit(kind: UnitKind, path: PathSegment[], forms: Forms): SourceUnit {
  const key = keyOfPath(path);
  return {
    id: unitId(kind, key),
    key,
    path,
    kind,
    forms,
    line: 0,
    sourceHash: sourceHash(kind, forms),
  };
}

const hello = unit('simple', ['hello'], { '': 'Hello' });
const items = unit('plural', ['items'], { one: '{{count}} item', other: '{{count}} items' });
const place = unit('ordinal', ['place'], {
  one: '{{count}}st',
  two: '{{count}}nd',
  few: '{{count}}rd',
  other: '{{count}}th',
});

const pl: BundleOptions = { namespace: 'translation', locale: 'pl', sourceLocale: 'en' };

function build(inputs: BundleUnitInput[], options: BundleOptions = pl) {
  const r = buildBundle(inputs, options);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const win = (u: SourceUnit, forms: Forms) => ({ forms, sourceHash: u.sourceHash });

describe('export (C5.9)', () => {
  it('exports the source forms for the source locale', () => {
    const b = build([{ unit: hello }, { unit: items }, { unit: place }], { ...pl, locale: 'en' });
    expect(JSON.parse(b.text)).toEqual({
      hello: 'Hello',
      items_one: '{{count}} item',
      items_other: '{{count}} items',
      place_ordinal_few: '{{count}}rd',
      place_ordinal_one: '{{count}}st',
      place_ordinal_other: '{{count}}th',
      place_ordinal_two: '{{count}}nd',
    });
    expect(b.keyCount).toBe(7);
    expect(b.unitCount).toBe(3);
  });

  it('omits a unit without a winner (i18next falls back at run time)', () => {
    const b = build([{ unit: hello }]);
    expect(b.text).toBe('{}\n');
    expect(b.contentHash.startsWith('ca3d163b')).toBe(true);
    expect(b.omitted).toEqual([{ unitId: 's:hello', reason: 'NO_WINNER' }]);
  });

  it('never writes ""', () => {
    const b = build([{ unit: hello, winner: win(hello, { '': '' }) }]);
    expect(b.text).toBe('{}\n');
    expect(b.omitted).toEqual([{ unitId: 's:hello', reason: 'EMPTY' }]);
  });

  it('writes the forms a winner has (a partial group), never forms the locale does not use', () => {
    const partial = build([
      { unit: items, winner: win(items, { one: 'a', few: 'b', many: '', other: 'd', two: 'x' }) },
    ]);
    expect(partial.text).toBe(
      '{\n  "items_few": "b",\n  "items_one": "a",\n  "items_other": "d"\n}\n',
    );
    expect(partial.omitted).toEqual([]);
    expect(partial.partial).toEqual([{ unitId: 'p:items', missing: ['many'], dropped: ['two'] }]);
    const nothing = build([{ unit: items, winner: win(items, { two: 'x', many: '' }) }]);
    expect(nothing.text).toBe('{}\n');
    expect(nothing.omitted[0]!.reason).toBe('PLURAL_INCOMPLETE');
    const complete = build([
      {
        unit: items,
        winner: win(items, { one: 'a', few: 'b', many: 'c', other: 'd', two: 'ignored' }),
      },
    ]);
    expect(JSON.parse(complete.text)).toEqual({
      items_few: 'b',
      items_many: 'c',
      items_one: 'a',
      items_other: 'd',
    });
  });

  it('keeps an optional zero override for cardinals but not for ordinals', () => {
    const en = { ...pl, locale: 'en-GB' };
    const b = build(
      [
        { unit: items, winner: win(items, { zero: 'none', one: 'a', other: 'b' }) },
        {
          unit: place,
          winner: win(place, { zero: 'z', one: '1', two: '2', few: '3', other: 'n' }),
        },
      ],
      en,
    );
    expect(Object.keys(JSON.parse(b.text) as object)).toEqual([
      'items_one',
      'items_other',
      'items_zero',
      'place_ordinal_few',
      'place_ordinal_one',
      'place_ordinal_other',
      'place_ordinal_two',
    ]);
  });

  it('omits stale winners unless exportStale', () => {
    const stale = {
      unit: hello,
      winner: { forms: { '': 'Cześć' }, sourceHash: sourceHash('simple', { '': 'Hi' }) },
    };
    expect(build([stale]).omitted).toEqual([{ unitId: 's:hello', reason: 'STALE' }]);
    expect(JSON.parse(build([stale], { ...pl, exportStale: true }).text)).toEqual({
      hello: 'Cześć',
    });
    expect(selectExportValue(stale, { ...pl, exportStale: true })).toMatchObject({
      ok: true,
      source: 'stale-winner',
    });
  });

  it('exports an eligible leader only in provisional mode and above provScore', () => {
    const leader = {
      forms: { '': 'Cześć' },
      sourceHash: hello.sourceHash,
      eligible: true,
      score: 0.35,
    };
    expect(build([{ unit: hello, leader }]).omitted[0]!.reason).toBe('NO_WINNER');
    expect(
      JSON.parse(build([{ unit: hello, leader }], { ...pl, mode: 'provisional' }).text),
    ).toEqual({ hello: 'Cześć' });
    expect(
      build([{ unit: hello, leader: { ...leader, score: 0.3499 } }], { ...pl, mode: 'provisional' })
        .text,
    ).toBe('{}\n');
    expect(
      build([{ unit: hello, leader: { ...leader, eligible: false } }], {
        ...pl,
        mode: 'provisional',
      }).text,
    ).toBe('{}\n');
    const both = { unit: hello, leader, winner: win(hello, { '': 'Witaj' }) };
    expect(JSON.parse(build([both], { ...pl, mode: 'provisional' }).text)).toEqual({
      hello: 'Witaj',
    });
  });

  it('writes arrays only when every element has a value', () => {
    const a0 = unit('array-element', ['list', 0], { '': 'a' });
    const a1 = unit('array-element', ['list', 1], { '': 'b' });
    const full = build([
      { unit: a0, winner: win(a0, { '': 'A' }) },
      { unit: a1, winner: win(a1, { '': 'B' }) },
    ]);
    expect(JSON.parse(full.text)).toEqual({ list: ['A', 'B'] });
    const partial = build([{ unit: a0, winner: win(a0, { '': 'A' }) }, { unit: a1 }]);
    expect(partial.text).toBe('{}\n');
    expect(partial.omitted).toEqual([
      { unitId: 's:list.0', reason: 'ARRAY_INCOMPLETE' },
      { unitId: 's:list.1', reason: 'NO_WINNER' },
    ]);
  });

  it('orders integer-like keys by code unit', () => {
    const units = ['b', '404', '10', '9'].map((k) => unit('simple', [k], { '': k }));
    const b = build(
      units.map((u) => ({ unit: u })),
      { ...pl, locale: 'en' },
    );
    expect(b.text).toBe('{\n  "10": "10",\n  "404": "404",\n  "9": "9",\n  "b": "b"\n}\n');
  });

  it('is byte-identical across shuffled inputs', () => {
    const units = Array.from({ length: 30 }, (_, i) =>
      unit('simple', [`k${i}`, `${i % 7}`], { '': `v${i}` }),
    );
    const inputs = units.map((u, i) =>
      i % 3 === 0 ? { unit: u } : { unit: u, winner: win(u, { '': `t${i}` }) },
    );
    const reference = build(inputs);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }),
        (shuffled) => {
          const b = build(shuffled);
          expect(b.text).toBe(reference.text);
          expect(b.contentHash).toBe(reference.contentHash);
          expect(b.omitted).toEqual(reference.omitted);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('writes flat keys when asked', () => {
    const u = unit('simple', ['Save changes.'], { '': 'Save changes.' });
    const b = build([{ unit: u, winner: win(u, { '': 'Zapisz zmiany.' }) }], {
      ...pl,
      keySeparator: false,
    });
    expect(b.text).toBe('{\n  "Save changes.": "Zapisz zmiany."\n}\n');
  });

  it('reports KEY_CONFLICT for keys that cannot share a nested file', () => {
    const a = unit('simple', ['a'], { '': 'x' });
    const ab = unit('simple', ['a.b'], { '': 'y' });
    const r = buildBundle([{ unit: a }, { unit: ab }], { ...pl, locale: 'en' });
    expect(!r.ok && r.errors[0]!.code).toBe('KEY_CONFLICT');
  });

  it('refuses a locale without pinned plural rules', () => {
    const r = buildBundle([], { ...pl, locale: 'xx' });
    expect(!r.ok && r.errors[0]!.code).toBe('UNKNOWN_LOCALE');
  });
});

describe('source hash (C0)', () => {
  it('hashes the canonical JSON of the forms, independent of form order', () => {
    expect(sourceHash('plural', { other: 'b', one: 'a' })).toBe(
      sourceHash('plural', { one: 'a', other: 'b' }),
    );
    // SHA-256 of the 7 bytes "Hello" (with quotes) and of {"one":"a","other":"b"}.
    expect(sourceHash('simple', { '': 'Hello' })).toBe(
      createHash('sha256').update('"Hello"').digest('hex'),
    );
    expect(sourceHash('plural', { one: 'a', other: 'b' })).toBe(
      createHash('sha256').update('{"one":"a","other":"b"}').digest('hex'),
    );
    expect(sourceHash('simple', { '': 'Hello' })).not.toBe(sourceHash('simple', { '': 'Hello!' }));
  });
});
