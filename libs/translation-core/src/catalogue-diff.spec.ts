import { diffSourceUnits, matchTranslations } from './catalogue-diff';
import { makeCatalogue, makeUnit, pluralUnit, simpleUnit } from './testing';

describe('diffSourceUnits', () => {
  const v1 = [
    simpleUnit('a', 'A'),
    simpleUnit('b', 'B'),
    pluralUnit('n', { one: 'one', other: 'many' }),
  ];

  it('finds nothing to do when the same file is imported twice', () => {
    const d = diffSourceUnits(v1, v1);
    expect([d.added, d.removed, d.changed]).toEqual([[], [], []]);
    expect(d.unchanged).toHaveLength(3);
  });

  it('separates added, removed and changed units', () => {
    const v2 = [
      simpleUnit('a', 'A!'),
      pluralUnit('n', { one: 'one', other: 'many' }),
      simpleUnit('c', 'C'),
    ];
    const d = diffSourceUnits(v1, v2);
    expect(d.added.map((u) => u.id)).toEqual(['s:c']);
    expect(d.removed.map((u) => u.id)).toEqual(['s:b']);
    expect(
      d.changed.map((c) => [c.previous.id, c.previous.sourceHash === c.next.sourceHash]),
    ).toEqual([['s:a', false]]);
    expect(d.unchanged.map((u) => u.id)).toEqual(['p:n']);
  });
});

describe('matchTranslations', () => {
  it('pairs translation units with source units by id and lists the rest', () => {
    const source = [simpleUnit('a', 'A'), pluralUnit('n', { one: 'one', other: 'many' })];
    const de = makeCatalogue(
      [
        makeUnit('plural', 'n', { one: 'eins', other: 'viele' }),
        makeUnit('simple', 'zzz', { '': '?' }),
      ],
      { locale: 'de' },
    );
    const m = matchTranslations(source, de);
    expect(m.matched.map((x) => [x.unit.id, x.forms])).toEqual([
      ['p:n', { one: 'eins', other: 'viele' }],
    ]);
    expect(m.orphans.map((u) => u.id)).toEqual(['s:zzz']);
  });
});
