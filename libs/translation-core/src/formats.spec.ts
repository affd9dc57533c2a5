import { i18nextJsonFormat } from './formats';
import { makeCatalogue, makeUnit, pluralUnit, simpleUnit } from './testing';

describe('i18next JSON format plug-in', () => {
  it('is a pair of pure functions that round-trip', () => {
    const catalogue = makeCatalogue([
      makeUnit('simple', 'Save.', { '': 'Save.' }),
      makeUnit('plural', '{{count}} files', { one: 'One file', other: '{{count}} files' }),
    ]);
    const text = i18nextJsonFormat.serialize(catalogue, {});
    expect(text).toEqual({
      ok: true,
      value:
        '{\n  "Save.": "Save.",\n  "{{count}} files_one": "One file",\n  "{{count}} files_other": "{{count}} files"\n}\n',
    });
    if (!text.ok) return;
    const back = i18nextJsonFormat.parse(text.value, { locale: 'en', keySeparator: false });
    expect(back.ok && back.value.catalogue.units.map((u) => u.id)).toEqual([
      's:Save.',
      'p:{{count}} files',
    ]);
  });

  it('testing builders attach source hashes', () => {
    expect(simpleUnit('a', 'x').sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pluralUnit('a', { one: 'x', other: 'y' })).toMatchObject({ id: 'p:a', kind: 'plural' });
  });
});
