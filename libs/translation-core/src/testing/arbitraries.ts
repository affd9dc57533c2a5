// fast-check generators of valid catalogues and of hostile files (test-only; excluded from the lib build).
import fc from 'fast-check';
import type {
  Catalogue,
  CatalogueUnit,
  Forms,
  KeySeparator,
  PathSegment,
  UnitKind,
} from '../model';
import { keyOfPath, unitId } from '../model';
import { PLURAL_CATEGORIES } from '../plurals/plural-types';
import type { PluralCategory } from '../plurals/plural-types';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/s;

const segmentChars = fc.constantFrom(
  'a',
  'b',
  'z',
  'A',
  '_',
  '0',
  '9',
  ' ',
  'é',
  'ß',
  '中',
  '😀',
  '-',
  ':',
  '\n',
  '"',
  '\\',
  '\ud800',
  'one',
  'ordinal',
);

/** A key segment: never contains "."; may be integer-like or a prototype-ish name. */
export const keySegment = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(segmentChars, { minLength: 1, maxLength: 5 }).map((a) => a.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      '404',
      '10',
      '9',
      '0',
    ),
  },
);

/** Non-empty text with any code units (lone surrogates and control characters included). */
export const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
  fc.constantFrom('{{count}} items', 'Hello <1>{{name}}</1>', '$t(other)', '\u2028', '</script>'),
);

interface Candidate {
  readonly kind: UnitKind;
  readonly path: readonly PathSegment[];
  readonly forms: Forms;
}

const pluralForms = fc
  .subarray([...PLURAL_CATEGORIES], { minLength: 1 })
  .chain((cats) =>
    fc
      .tuple(...cats.map(() => text))
      .map((texts) => Object.fromEntries(cats.map((c, i) => [c, texts[i]])) as Forms),
  );

function candidate(keySeparator: KeySeparator): fc.Arbitrary<Candidate[]> {
  const prefix =
    keySeparator === false
      ? fc.array(
          fc.oneof(
            keySegment,
            keySegment.map((s) => `${s}.${s}`),
          ),
          { minLength: 1, maxLength: 1 },
        )
      : fc.array(keySegment, { minLength: 1, maxLength: 3 });
  const simple = prefix
    .filter((p) => !PLURAL_SUFFIX.test(String(p[p.length - 1])))
    .chain((path) => text.map((t): Candidate[] => [{ kind: 'simple', path, forms: { '': t } }]));
  const plural = fc
    .tuple(prefix, fc.constantFrom<UnitKind>('plural', 'ordinal'), pluralForms)
    // A plural base ending in "_ordinal" would read back as an ordinal group: not a valid catalogue.
    .filter(
      ([path, kind]) => kind === 'ordinal' || !/_ordinal$/s.test(String(path[path.length - 1])),
    )
    .map(([path, kind, forms]): Candidate[] => [{ kind, path, forms }]);
  const array = fc
    .tuple(prefix, fc.array(text, { minLength: 1, maxLength: 4 }))
    .map(([path, texts]): Candidate[] =>
      texts.map((t, i) => ({ kind: 'array-element', path: [...path, i], forms: { '': t } })),
    );
  return fc.oneof(
    { weight: 5, arbitrary: simple },
    { weight: 3, arbitrary: plural },
    { weight: 1, arbitrary: array },
  );
}

function leafPaths(c: Candidate, keySeparator: KeySeparator): string[][] {
  const split = (p: readonly PathSegment[]): string[] =>
    p.flatMap((s) =>
      typeof s === 'number' ? [`#${s}`] : keySeparator === false ? [s] : s.split('.'),
    );
  if (c.kind === 'plural' || c.kind === 'ordinal') {
    const parent = c.path.slice(0, -1);
    const base = String(c.path[c.path.length - 1]);
    const infix = c.kind === 'ordinal' ? '_ordinal_' : '_';
    return (Object.keys(c.forms) as PluralCategory[]).map((cat) =>
      split([...parent, `${base}${infix}${cat}`]),
    );
  }
  return [split(c.path)];
}

/** Greedily keeps candidates whose file keys do not collide with earlier ones. */
function consistent(
  candidates: readonly Candidate[][],
  keySeparator: KeySeparator,
): CatalogueUnit[] {
  const leaves = new Set<string>();
  const containers = new Map<string, 'array' | 'object'>();
  const ids = new Set<string>();
  const units: CatalogueUnit[] = [];
  for (const group of candidates) {
    const paths = group.flatMap((c) => leafPaths(c, keySeparator));
    const clash = paths.some((p) => {
      if (leaves.has(JSON.stringify(p)) || containers.has(JSON.stringify(p))) return true;
      return p.some((seg, i) => {
        const parent = JSON.stringify(p.slice(0, i));
        const kind = seg.startsWith('#') ? 'array' : 'object';
        return leaves.has(parent) || (containers.get(parent) ?? kind) !== kind;
      });
    });
    const groupIds = group.map((c) => unitId(c.kind, keyOfPath(c.path)));
    if (
      clash ||
      groupIds.some((id) => ids.has(id)) ||
      new Set(paths.map((p) => JSON.stringify(p))).size !== paths.length
    )
      continue;
    for (const p of paths) {
      leaves.add(JSON.stringify(p));
      p.forEach((seg, i) =>
        containers.set(JSON.stringify(p.slice(0, i)), seg.startsWith('#') ? 'array' : 'object'),
      );
    }
    for (const c of group) {
      const key = keyOfPath(c.path);
      ids.add(unitId(c.kind, key));
      units.push({
        id: unitId(c.kind, key),
        key,
        path: c.path,
        kind: c.kind,
        forms: c.forms,
        line: 0,
      });
    }
  }
  return units;
}

/** Valid catalogues (no key conflicts, no empty texts) in nested or flat shape. */
export function catalogueArbitrary(keySeparator?: KeySeparator): fc.Arbitrary<Catalogue> {
  const sep =
    keySeparator === undefined
      ? fc.constantFrom<KeySeparator>('.', false)
      : fc.constant(keySeparator);
  return sep.chain((s) =>
    fc.array(candidate(s), { maxLength: 25 }).map((cands) => ({
      namespace: 'translation',
      locale: 'en',
      keySeparator: s,
      units: consistent(cands, s),
    })),
  );
}
