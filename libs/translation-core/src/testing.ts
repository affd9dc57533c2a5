// Builders for tests in other projects (`@chorus/translation-core/testing`). Free of Node APIs.
import type {
  Catalogue,
  CatalogueUnit,
  Forms,
  KeySeparator,
  PathSegment,
  SourceUnit,
  UnitKind,
} from './model';
import { keyOfPath, unitId } from './model';
import { sourceHash } from './source-hash';

/** A unit as the parser would produce it (line 0, no context hint). */
export function makeUnit(
  kind: UnitKind,
  path: PathSegment[] | string,
  forms: Forms,
): CatalogueUnit {
  const p = typeof path === 'string' ? [path] : path;
  const key = keyOfPath(p);
  return { id: unitId(kind, key), key, path: p, kind, forms, line: 0 };
}

/** A source unit with its C0 source hash. */
export function makeSourceUnit(
  kind: UnitKind,
  path: PathSegment[] | string,
  forms: Forms,
  maxLength?: number,
): SourceUnit {
  const u = makeUnit(kind, path, forms);
  return {
    ...u,
    sourceHash: sourceHash(kind, forms),
    ...(maxLength === undefined ? {} : { maxLength }),
  };
}

/** Shorthands: a simple unit and an en-style plural unit. */
export const simpleUnit = (key: string, text: string): SourceUnit =>
  makeSourceUnit('simple', key, { '': text });
export const pluralUnit = (key: string, forms: Forms): SourceUnit =>
  makeSourceUnit('plural', key, forms);

export function makeCatalogue(
  units: readonly CatalogueUnit[],
  options: { namespace?: string; locale?: string; keySeparator?: KeySeparator } = {},
): Catalogue {
  return {
    namespace: options.namespace ?? 'translation',
    locale: options.locale ?? 'en',
    keySeparator: options.keySeparator ?? false,
    units,
  };
}
