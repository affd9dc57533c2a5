import { assertNever } from './assert-never';
import type { PluralCategory } from './plurals/plural-types';

/** A catalogue unit's shape (DOMAIN C0). Context keys (`friend_male`) are simple units with a context hint. */
export type UnitKind = 'simple' | 'plural' | 'ordinal' | 'array-element';
export const UNIT_KINDS: readonly UnitKind[] = ['simple', 'plural', 'ordinal', 'array-element'];

/** Form key: a plural category, or "" for the single text of a simple or array-element unit. */
export type FormKey = PluralCategory | '';

/** category → text for plural and ordinal units; { "": text } otherwise. */
export type Forms = Readonly<Partial<Record<FormKey, string>>>;

/** A key path segment: an object property name, or an array index. */
export type PathSegment = string | number;

/** How keys are written: nested objects split on "." (i18next default), or flat keys (`keySeparator: false`). */
export type KeySeparator = '.' | false;

export interface ContextHint {
  /** The key this unit is a context variant of (`friend` for `friend_male`). */
  readonly base: string;
  /** The context value (`male`). */
  readonly value: string;
}

export interface CatalogueUnit {
  /** Unique within a namespace: a kind tag and the key (see unitId). */
  readonly id: string;
  /** The key as passed to t(): path segments joined with "."; the base key for plural and ordinal units. */
  readonly key: string;
  readonly path: readonly PathSegment[];
  readonly kind: UnitKind;
  readonly context?: ContextHint;
  readonly forms: Forms;
  /** Line of the unit's first key in the file it was read from (0 when built in code). */
  readonly line: number;
}

export interface Catalogue {
  readonly namespace: string;
  readonly locale: string;
  readonly keySeparator: KeySeparator;
  /** In file order. */
  readonly units: readonly CatalogueUnit[];
}

/** A unit of the source catalogue with its C0 source hash; what translations are made against. */
export interface SourceUnit extends CatalogueUnit {
  /** SHA-256 of the canonical JSON of the source forms (see sourceHash). */
  readonly sourceHash: string;
  /** Maximum length of every form, in code points, when the developer set one. */
  readonly maxLength?: number;
}

/** Joins path segments into the key string i18next sees. */
export function keyOfPath(path: readonly PathSegment[]): string {
  return path.map(String).join('.');
}

/**
 * Stable unit identity within a namespace. Plural, ordinal and simple units may share a key (`item` and
 * `item_one`/`item_other` coexist in real files), so the kind is part of the id: `s:item`, `p:item`, `o:item`.
 * Array elements share the `s:` tag; their keys contain the index and cannot clash with a simple key.
 */
export function unitId(kind: UnitKind, key: string): string {
  switch (kind) {
    case 'simple':
    case 'array-element':
      return `s:${key}`;
    case 'plural':
      return `p:${key}`;
    case 'ordinal':
      return `o:${key}`;
    default:
      return assertNever(kind, 'unit kind');
  }
}
