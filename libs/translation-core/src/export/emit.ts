import type { Forms, PathSegment, UnitKind } from '../model';
import { PLURAL_CATEGORIES } from '../plurals/plural-types';
import type { EmittedLeaf } from './tree';

/** The file keys of one unit: `key`, or `key_<cat>` / `key_ordinal_<cat>` per form. Empty texts are never written. */
export function emitUnit(
  unit: { readonly path: readonly PathSegment[]; readonly kind: UnitKind },
  forms: Forms,
): EmittedLeaf[] {
  if (unit.kind === 'simple' || unit.kind === 'array-element') {
    const v = forms[''];
    return v === undefined || v === '' ? [] : [{ path: unit.path, value: v }];
  }
  const parent = unit.path.slice(0, -1);
  const base = String(unit.path[unit.path.length - 1] ?? '');
  const infix = unit.kind === 'ordinal' ? '_ordinal_' : '_';
  const out: EmittedLeaf[] = [];
  for (const c of PLURAL_CATEGORIES) {
    const v = forms[c];
    if (v !== undefined && v !== '')
      out.push({ path: [...parent, `${base}${infix}${c}`], value: v });
  }
  return out;
}
