import type { Catalogue, KeySeparator } from '../model';
import type { Result } from '../result';
import { ok } from '../result';
import { writeCanonicalJson } from './canonical-json';
import { emitUnit } from './emit';
import type { EmittedLeaf, ExportError } from './tree';
import { buildTree } from './tree';

export interface SerializeOptions {
  /** Defaults to the catalogue's own separator. */
  readonly keySeparator?: KeySeparator;
}

/**
 * Writes a catalogue as canonical i18next JSON v4 (C4 shape and bytes). Empty texts are omitted; the result is
 * independent of unit order. The format plug-in counterpart of parseI18nextJson.
 */
export function serializeI18nextJson(
  catalogue: Catalogue,
  options: SerializeOptions = {},
): Result<string, ExportError> {
  const leaves: EmittedLeaf[] = [];
  for (const unit of catalogue.units) leaves.push(...emitUnit(unit, unit.forms));
  const tree = buildTree(leaves, options.keySeparator ?? catalogue.keySeparator);
  if (!tree.ok) return tree;
  return ok(writeCanonicalJson(tree.value));
}
