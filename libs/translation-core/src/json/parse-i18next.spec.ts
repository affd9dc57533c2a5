import type { CatalogueUnit } from '../model';
import { parseI18nextJson } from './parse-i18next';
import type { ParseCatalogueOptions } from './parse-i18next';

function parse(json: unknown, options: Partial<ParseCatalogueOptions> = {}) {
  const text = typeof json === 'string' ? json : JSON.stringify(json, null, 2);
  const r = parseI18nextJson(text, { locale: 'en', ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function errors(text: string, options: Partial<ParseCatalogueOptions> = {}) {
  const r = parseI18nextJson(text, { locale: 'en', ...options });
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

const byId = (units: readonly CatalogueUnit[]) => new Map(units.map((u) => [u.id, u]));

describe('import grouping (C5.2)', () => {
  it('groups item_one / item_other into one plural unit', () => {
    const { catalogue, warnings } = parse({
      item_one: '{{count}} item',
      item_other: '{{count}} items',
    });
    expect(catalogue.units).toEqual([
      {
        id: 'p:item',
        key: 'item',
        path: ['item'],
        kind: 'plural',
        forms: { one: '{{count}} item', other: '{{count}} items' },
        line: 2,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('makes x_ordinal_two an ordinal unit', () => {
    const { catalogue } = parse({
      x_ordinal_one: '{{count}}st',
      x_ordinal_two: '{{count}}nd',
      x_ordinal_few: '{{count}}rd',
      x_ordinal_other: '{{count}}th',
    });
    expect(catalogue.units).toHaveLength(1);
    expect(catalogue.units[0]).toMatchObject({
      id: 'o:x',
      kind: 'ordinal',
      key: 'x',
      forms: { one: '{{count}}st', two: '{{count}}nd' },
    });
  });

  it('keeps friend_male a simple unit with a context hint when friend exists', () => {
    const { catalogue } = parse({
      friend: 'A friend',
      friend_male: 'A boyfriend',
      friend_female_one: 'a girlfriend',
      friend_female_other: '{{count}} girlfriends',
      loner_male: 'x',
    });
    const units = byId(catalogue.units);
    expect(units.get('s:friend_male')).toMatchObject({
      kind: 'simple',
      context: { base: 'friend', value: 'male' },
    });
    expect(units.get('p:friend_female')).toMatchObject({
      kind: 'plural',
      context: { base: 'friend', value: 'female' },
    });
    expect(units.get('s:loner_male')?.context).toBeUndefined();
  });

  it('lets a bare key and its plural group coexist (i18next falls back to the bare key)', () => {
    const { catalogue } = parse({ friend: 'f', friend_one: 'o', friend_other: 'x' });
    expect(catalogue.units.map((u) => u.id)).toEqual(['s:friend', 'p:friend']);
  });

  it('does not treat a lone category word or _zero without base as a plural', () => {
    const { catalogue } = parse({ _one: 'a', one: 'b', 'a.b_one': 'c', 'a.b_other': 'd' });
    expect(catalogue.units.map((u) => [u.id, u.kind])).toEqual([
      ['s:_one', 'simple'],
      ['s:one', 'simple'],
      ['p:a.b', 'plural'],
    ]);
  });

  it('reports duplicate keys with key path and line', () => {
    const e = errors('{\n  "a": "x",\n  "a": "y"\n}');
    expect(e).toEqual([expect.objectContaining({ code: 'DUPLICATE_KEY', key: 'a', line: 3 })]);
  });

  it('reports a dotted key that duplicates a nested one', () => {
    const e = errors('{\n  "a": { "b": "x" },\n  "a.b": "y"\n}');
    expect(e).toEqual([expect.objectContaining({ code: 'DUPLICATE_KEY', key: 'a.b', line: 3 })]);
  });

  it('reports leaf/branch conflicts in nested mode, and accepts the same file in flat mode', () => {
    const text = '{\n  "a": "x",\n  "a.b": "y"\n}';
    expect(errors(text)).toEqual([
      expect.objectContaining({ code: 'KEY_CONFLICT', key: 'a.b', line: 3 }),
    ]);
    expect(parse(text, { keySeparator: false }).catalogue.units.map((u) => u.key)).toEqual([
      'a',
      'a.b',
    ]);
    const reverse = '{\n  "a.b": "y",\n  "a": "x"\n}';
    expect(errors(reverse)).toEqual([
      expect.objectContaining({ code: 'KEY_CONFLICT', key: 'a', line: 3 }),
    ]);
  });

  it('rejects non-string leaves with UNSUPPORTED_VALUE, key path and line', () => {
    const e = errors('{\n  "a": { "n": 1 },\n  "b": true,\n  "c": null\n}');
    expect(e.map((x) => [x.code, x.key, x.line])).toEqual([
      ['UNSUPPORTED_VALUE', 'a.n', 2],
      ['UNSUPPORTED_VALUE', 'b', 3],
      ['UNSUPPORTED_VALUE', 'c', 4],
    ]);
    expect(e[1]!.message).toContain('Line 3');
  });

  it('rejects a root that is not an object', () => {
    expect(errors('["a"]')[0]!.code).toBe('ROOT_NOT_OBJECT');
    expect(errors('"a"')[0]!.code).toBe('ROOT_NOT_OBJECT');
  });

  it('reads nested keys with "." and flat natural-language keys with keySeparator false', () => {
    const nested = parse({ a: { b: { c: 'x' } }, 'd.e': 'y' });
    expect(nested.catalogue.units.map((u) => [u.key, u.path])).toEqual([
      ['a.b.c', ['a', 'b', 'c']],
      ['d.e', ['d', 'e']],
    ]);
    const flat = parse({ 'Hello. World.': 'x' }, { keySeparator: false });
    expect(flat.catalogue.units[0]).toMatchObject({
      key: 'Hello. World.',
      path: ['Hello. World.'],
    });
  });

  it('warns when a flat file holds nested objects (t() cannot reach them)', () => {
    const { warnings } = parse(
      { 'We found accounts': { ' Select some:': 'x' } },
      { keySeparator: false },
    );
    expect(warnings.map((w) => w.code)).toEqual(['NESTED_IN_FLAT_FILE']);
  });

  it('turns arrays into index segments (A6)', () => {
    const { catalogue } = parse({ list: ['a', 'b'], objs: [{ name: 'n' }] });
    expect(catalogue.units.map((u) => [u.id, u.kind, u.path])).toEqual([
      ['s:list.0', 'array-element', ['list', 0]],
      ['s:list.1', 'array-element', ['list', 1]],
      ['s:objs.0.name', 'array-element', ['objs', 0, 'name']],
    ]);
  });

  it('reports an array and an object at the same path as a conflict', () => {
    expect(errors('{"a": ["x"], "a.b": "y"}')[0]!.code).toBe('KEY_CONFLICT');
  });

  it('reports two keys that name the same unit in flat mode', () => {
    expect(errors('{"a.b": "x", "a": {"b": "y"}}', { keySeparator: false })[0]!.code).toBe(
      'KEY_CONFLICT',
    );
  });

  it('warns about plural groups that lack forms of the file locale, and forms the locale never uses', () => {
    const { warnings } = parse(
      { a_one: 'x', b_one: 'x', b_other: 'y', b_few: 'z' },
      { locale: 'en' },
    );
    expect(warnings.map((w) => [w.code, w.key])).toEqual([
      ['PLURAL_FORMS_INCOMPLETE', 'a'],
      ['PLURAL_FORM_NOT_IN_LOCALE', 'b'],
    ]);
    const ru = parse({ a_one: 'x', a_few: 'y', a_many: 'z' }, { locale: 'ru' });
    expect(ru.warnings[0]!.message).toContain('"other"');
  });

  it('accepts _zero as an optional override in every language', () => {
    expect(parse({ a_zero: 'none', a_one: 'x', a_other: 'y' }).warnings).toEqual([]);
  });

  it('records $t() references and warns when the target is absent', () => {
    const { references, warnings } = parse({
      a: 'see $t(b) and $t(missing) and $t(other:key)',
      b: 'B',
      c: '$t(translation:b)',
      d: '$t(item, {"count": {{n}} })',
      item_one: 'one',
      item_other: 'many',
    });
    expect(references.map((r) => r.key)).toEqual([
      'b',
      'missing',
      'other:key',
      'translation:b',
      'item',
    ]);
    expect(warnings.map((w) => [w.code, w.key])).toEqual([['NESTING_TARGET_MISSING', 'a']]);
  });

  it('keeps empty strings but warns that they are never exported', () => {
    const { catalogue, warnings } = parse({ a: '' });
    expect(catalogue.units[0]!.forms).toEqual({ '': '' });
    expect(warnings[0]!.code).toBe('EMPTY_VALUE');
  });

  it('warns about an unknown locale but still parses', () => {
    const { warnings } = parse({ a_one: 'x' }, { locale: 'xx' });
    expect(warnings.map((w) => w.code)).toEqual(['UNKNOWN_LOCALE']);
  });

  it('uses the given namespace', () => {
    expect(parse({}, { namespace: 'common' }).catalogue).toEqual({
      namespace: 'common',
      locale: 'en',
      keySeparator: '.',
      units: [],
    });
  });
});

describe('v3 plurals are converted on import', () => {
  it('turns key / key_plural into one / other', () => {
    const { catalogue } = parse(
      { item: 'an item', item_plural: '{{count}} items', other: 'x' },
      { jsonFormat: 'v3' },
    );
    expect(catalogue.units.map((u) => [u.id, u.forms])).toEqual([
      ['p:item', { one: 'an item', other: '{{count}} items' }],
      ['s:other', { '': 'x' }],
    ]);
  });

  it('maps numeric suffixes through the v3 sample numbers to CLDR categories', () => {
    const ru = parse(
      { n_0: '1 яблоко', n_1: '2 яблока', n_2: '5 яблок' },
      { jsonFormat: 'v3', locale: 'ru' },
    );
    expect(ru.catalogue.units[0]!.forms).toEqual({
      one: '1 яблоко',
      few: '2 яблока',
      many: '5 яблок',
      // v3's last form covered decimals, which CLDR calls `other`.
      other: '5 яблок',
    });
    const ar = parse(
      { n_0: 'z', n_1: 'o', n_2: 't', n_3: 'f', n_4: 'm', n_5: 'x' },
      { jsonFormat: 'v3', locale: 'ar' },
    );
    expect(ar.catalogue.units[0]!.forms).toEqual({
      zero: 'z',
      one: 'o',
      two: 't',
      few: 'f',
      many: 'm',
      other: 'x',
    });
    const cs = parse({ n_0: 'o', n_1: 'f', n_2: 'x' }, { jsonFormat: 'v3', locale: 'cs' });
    expect(cs.catalogue.units[0]!.forms).toEqual({ one: 'o', few: 'f', many: 'x', other: 'x' });
    const ja = parse({ n_0: 'x' }, { jsonFormat: 'v3', locale: 'ja' });
    expect(ja.catalogue.units[0]!.forms).toEqual({ other: 'x' });
  });

  it('gives the categories CLDR added the v3 catch-all form (fr millions)', () => {
    const fr = parse(
      { file: 'fichier', file_plural: 'fichiers' },
      { jsonFormat: 'v3', locale: 'fr' },
    );
    expect(fr.catalogue.units[0]!.forms).toEqual({
      one: 'fichier',
      many: 'fichiers',
      other: 'fichiers',
    });
    expect(fr.warnings.map((w) => w.code)).not.toContain('PLURAL_FORMS_INCOMPLETE');
  });

  it('drops a v3 form that lands on an already filled category, with a warning', () => {
    const he = parse(
      { n_0: 'o', n_1: 't', n_2: 'x20', n_3: 'x21' },
      { jsonFormat: 'v3', locale: 'he' },
    );
    expect(he.catalogue.units[0]!.forms).toEqual({ one: 'o', two: 't', other: 'x20' });
    expect(he.warnings.map((w) => w.code)).toContain('V3_PLURAL_FORM_DROPPED');
  });

  it('keeps numeric suffixes as simple keys for languages that used _plural', () => {
    expect(parse({ step_1: 'a' }, { jsonFormat: 'v3' }).catalogue.units[0]!.id).toBe('s:step_1');
  });

  it('leaves v4 suffixes alone in v3 mode and v3 suffixes alone in v4 mode', () => {
    expect(parse({ a_plural: 'x' }).catalogue.units[0]!.id).toBe('s:a_plural');
  });
});

describe('format detection (jsonFormat "auto")', () => {
  it('reads a file with key beside key_plural and no _other as v3, and says so', () => {
    const r = parse(
      { saved: { item: '{{count}} item', item_plural: '{{count}} items' }, title: 'Shop' },
      { jsonFormat: 'auto' },
    );
    expect(r.jsonFormat).toBe('v3');
    expect(byId(r.catalogue.units).get('p:saved.item')?.forms).toEqual({
      one: '{{count}} item',
      other: '{{count}} items',
    });
  });

  it('stays v4 when any key ends in _other, or a _plural key has no base key beside it', () => {
    const mixed = parse(
      { item: 'a', item_plural: 'b', box_one: 'c', box_other: 'd' },
      { jsonFormat: 'auto' },
    );
    expect(mixed.jsonFormat).toBe('v4');
    expect(byId(mixed.catalogue.units).get('s:item_plural')).toBeDefined();
    const lone = parse({ a_plural: 'x', b: 'y' }, { jsonFormat: 'auto' });
    expect(lone.jsonFormat).toBe('v4');
    // A _plural key whose base sits under another parent is not a pair.
    const apart = parse({ a: { item: 'x' }, item_plural: 'y' }, { jsonFormat: 'auto' });
    expect(apart.jsonFormat).toBe('v4');
  });

  it('reports the format used when it was given', () => {
    expect(parse({ a: 'x' }).jsonFormat).toBe('v4');
    expect(parse({ a: 'x' }, { jsonFormat: 'v3' }).jsonFormat).toBe('v3');
  });
});
