import type {
  Catalogue,
  CatalogueUnit,
  ContextHint,
  FormKey,
  KeySeparator,
  PathSegment,
  UnitKind,
} from '../model';
import { keyOfPath, unitId } from '../model';
import { extractNestings } from '../placeholders/nesting';
import { resolvePluralLocale } from '../plurals/plural-table';
import type { PluralCategory } from '../plurals/plural-types';
import { isPluralCategory } from '../plurals/plural-types';
import type { Result } from '../result';
import { fail, ok } from '../result';
import type { CatalogueError, ParseLimits, ParseWarning } from './parse-errors';
import { displayKey, flatten, type Leaf } from './flatten-json';
import { parseJsonStrict } from './tokenizer';
import { v3IndexToCategory, v3SampleNumbers } from './v3-plurals';

export interface ParseCatalogueOptions {
  /** Locale of the file (plural rules for v3 conversion and completeness warnings). */
  readonly locale: string;
  readonly namespace?: string;
  /** '.' (default, nested objects) or false (flat keys). */
  readonly keySeparator?: KeySeparator;
  /**
   * 'v4' (default), 'v3' (`_plural` and `_0`…`_5` suffixes, converted to CLDR categories), or 'auto':
   * v3 when detectJsonFormat says so (see there), else v4. ParsedCatalogue.jsonFormat says which was used.
   */
  readonly jsonFormat?: JsonFormat | 'auto';
  readonly limits?: Partial<ParseLimits>;
}

export interface NestingReference {
  readonly fromUnitId: string;
  /** The referenced key as written (may carry a `ns:` prefix). */
  readonly key: string;
}

/** i18next JSON format versions: v4 (CLDR suffixes, i18next ≥ 21) and v3 (`_plural`, `_0`…`_5`). */
export type JsonFormat = 'v3' | 'v4';
export const JSON_FORMATS: readonly JsonFormat[] = ['v3', 'v4'];

export interface ParsedCatalogue {
  readonly catalogue: Catalogue;
  /** The format the file was read as (the requested one, or the detected one for 'auto'). */
  readonly jsonFormat: JsonFormat;
  readonly warnings: readonly ParseWarning[];
  readonly references: readonly NestingReference[];
}

const ORDINAL = /^(.+)_ordinal_(zero|one|two|few|many|other)$/s;
const CARDINAL = /^(.+)_(zero|one|two|few|many|other)$/s;
const V3_PLURAL = /^(.+)_plural$/s;
const V3_INDEX = /^(.+)_([0-5])$/s;

interface Group {
  readonly kind: UnitKind;
  readonly path: readonly PathSegment[];
  readonly key: string;
  readonly forms: Map<FormKey, string>;
  readonly line: number;
}

function classify(
  leaf: Leaf,
  jsonFormat: 'v4' | 'v3',
  locale: string,
  warnings: ParseWarning[],
): { kind: UnitKind; path: readonly PathSegment[]; form: FormKey } | null {
  const last = leaf.path[leaf.path.length - 1];
  const parent = leaf.path.slice(0, -1);
  const inArray = leaf.path.some((s) => typeof s === 'number');
  const simple = {
    kind: inArray ? ('array-element' as const) : ('simple' as const),
    path: leaf.path,
    form: '' as const,
  };
  if (typeof last !== 'string') return simple;
  if (jsonFormat === 'v4') {
    const o = ORDINAL.exec(last);
    if (o)
      return { kind: 'ordinal', path: [...parent, o[1] as string], form: o[2] as PluralCategory };
    const c = CARDINAL.exec(last);
    if (c)
      return { kind: 'plural', path: [...parent, c[1] as string], form: c[2] as PluralCategory };
    return simple;
  }
  const p = V3_PLURAL.exec(last);
  if (p) return { kind: 'plural', path: [...parent, p[1] as string], form: 'other' };
  const n = V3_INDEX.exec(last);
  if (n && v3SampleNumbers(locale) !== null) {
    const category = v3IndexToCategory(locale, Number(n[2]));
    if (category === null) {
      warnings.push({
        code: 'V3_PLURAL_FORM_DROPPED',
        message: `Line ${leaf.line}: v3 plural suffix _${n[2]} of "${displayKey(leaf.path)}" has no ${locale} category; the form was dropped.`,
        key: displayKey(leaf.path),
        line: leaf.line,
      });
      return null;
    }
    return { kind: 'plural', path: [...parent, n[1] as string], form: category };
  }
  return simple;
}

/**
 * v3 when some `key_plural` sits beside its base `key` (same parent) and no key anywhere ends in `_other`;
 * otherwise v4. A v4 file with a plural always has `_other`, and a lone `x_plural` is too weak a sign.
 */
export function detectJsonFormat(paths: readonly (readonly PathSegment[])[]): JsonFormat {
  // Most files have no `_plural` leaf at all: only then is the set of every leaf built.
  const plurals: (readonly PathSegment[])[] = [];
  for (const path of paths) {
    const last = path[path.length - 1];
    if (typeof last !== 'string') continue;
    if (/_other$/s.test(last)) return 'v4';
    if (V3_PLURAL.test(last)) plurals.push(path);
  }
  if (plurals.length === 0) return 'v4';
  const leaves = new Set(paths.map((path) => JSON.stringify(path)));
  for (const path of plurals) {
    const m = V3_PLURAL.exec(path[path.length - 1] as string);
    if (m && leaves.has(JSON.stringify([...path.slice(0, -1), m[1] as string]))) return 'v3';
  }
  return 'v4';
}

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function contextHint(
  unit: { path: readonly PathSegment[]; kind: UnitKind },
  keys: () => ReadonlySet<string>,
): ContextHint | undefined {
  if (unit.kind !== 'simple' && unit.kind !== 'plural') return undefined;
  const last = unit.path[unit.path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = unit.path.slice(0, -1);
  for (let i = last.lastIndexOf('_'); i > 0; i = last.lastIndexOf('_', i - 1)) {
    const base = keyOfPath([...parent, last.slice(0, i)]);
    if (keys().has(base)) return { base, value: last.slice(i + 1) };
  }
  return undefined;
}

/**
 * Reads an i18next JSON v4 (or v3) namespace file strictly into a catalogue of units (DOMAIN C4 import).
 * Returns typed errors with key paths and line numbers; never throws for any input text.
 */
export function parseI18nextJson(
  text: string,
  options: ParseCatalogueOptions,
): Result<ParsedCatalogue, CatalogueError> {
  const keySeparator = options.keySeparator ?? '.';
  const namespace = options.namespace ?? 'translation';
  const maxErrors = options.limits?.maxErrors ?? 100;
  const parsed = parseJsonStrict(text, options.limits);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  if (root.type !== 'object') {
    return fail([
      {
        code: 'ROOT_NOT_OBJECT',
        message: `Line ${root.line}: an i18next file must be a JSON object ({ "key": "text" }), not ${root.type === 'array' ? 'an array' : `a ${root.type}`}.`,
        key: '',
        line: root.line,
        column: root.column,
      },
    ]);
  }
  const errors: CatalogueError[] = [];
  const warnings: ParseWarning[] = [];
  const leaves = flatten(root, keySeparator, errors, warnings, maxErrors);
  if (errors.length > 0) return fail(errors.slice(0, maxErrors));
  const requested = options.jsonFormat ?? 'v4';
  const jsonFormat = requested === 'auto' ? detectJsonFormat(leaves.map((l) => l.path)) : requested;

  const groups = new Map<string, Group>();
  const v3Bare = new Map<string, Leaf>();
  // v3 group id → its catch-all form: `_plural`, or the highest numeric suffix (the v3 rules' "else").
  const v3CatchAll = new Map<string, { index: number; form: FormKey }>();
  for (const leaf of leaves) {
    if (leaf.value === '') {
      warnings.push({
        code: 'EMPTY_VALUE',
        message: `Line ${leaf.line}: key "${displayKey(leaf.path)}" is empty; it is kept but never exported.`,
        key: displayKey(leaf.path),
        line: leaf.line,
      });
    }
    const c = classify(leaf, jsonFormat, options.locale, warnings);
    if (c === null) continue;
    const key = keyOfPath(c.path);
    const id = unitId(c.kind, key);
    const existing = groups.get(id);
    if (existing) {
      if (samePath(existing.path, c.path) && existing.forms.has(c.form) && jsonFormat === 'v3') {
        warnings.push({
          code: 'V3_PLURAL_FORM_DROPPED',
          message: `Line ${leaf.line}: "${displayKey(leaf.path)}" maps to the ${options.locale} form "${c.form}" that an earlier v3 suffix already filled; it was dropped.`,
          key: displayKey(leaf.path),
          line: leaf.line,
        });
        continue;
      }
      if (!samePath(existing.path, c.path) || existing.forms.has(c.form)) {
        errors.push({
          code: 'KEY_CONFLICT',
          message: `Line ${leaf.line}: key "${displayKey(leaf.path)}" names the same unit "${key}" as the key on line ${existing.line}. Rename one of them.`,
          key: displayKey(leaf.path),
          line: leaf.line,
          column: 1,
        });
        continue;
      }
      existing.forms.set(c.form, leaf.value);
    } else {
      groups.set(id, {
        kind: c.kind,
        path: c.path,
        key,
        forms: new Map([[c.form, leaf.value]]),
        line: leaf.line,
      });
    }
    if (jsonFormat === 'v3' && c.kind !== 'plural') v3Bare.set(key, leaf);
    if (jsonFormat === 'v3' && c.kind === 'plural') {
      const last = String(leaf.path[leaf.path.length - 1] ?? '');
      const numeric = V3_INDEX.exec(last);
      const index = numeric ? Number(numeric[2]) : 99;
      const seen = v3CatchAll.get(id);
      if (seen === undefined || index > seen.index) v3CatchAll.set(id, { index, form: c.form });
    }
  }
  if (errors.length > 0) return fail(errors.slice(0, maxErrors));

  // v3: `key` + `key_plural` is one group (one, other); the bare key is not a separate unit then.
  if (jsonFormat === 'v3') {
    for (const g of groups.values()) {
      if (g.kind !== 'plural') continue;
      const bare = v3Bare.get(g.key);
      if (bare && !g.forms.has('one')) {
        g.forms.set('one', bare.value);
        groups.delete(unitId('simple', g.key));
      }
    }
  }

  const resolution = resolvePluralLocale(options.locale);
  if (!resolution.ok) {
    warnings.push({
      code: 'UNKNOWN_LOCALE',
      message: `${resolution.message} Plural completeness was not checked.`,
      key: '',
      line: 0,
    });
  }
  // v3 groups were complete under the v3 rules, whose last form covers every other number. The
  // categories CLDR adds (fr/es/it/pt `many` for millions, ru/pl `other` for decimals) get that
  // form, so the converted group renders the v3 text where the v3 rules did.
  if (jsonFormat === 'v3' && resolution.ok) {
    for (const [id, catchAll] of v3CatchAll) {
      const g = groups.get(id);
      const text = g?.forms.get(catchAll.form);
      if (g === undefined || text === undefined) continue;
      for (const c of resolution.data.cardinal) if (!g.forms.has(c)) g.forms.set(c, text);
    }
  }
  // Every unit key, built on first use: only context hints (keys with "_") and $t() references ask,
  // and on a 50k-key file building it took a tenth of the parse.
  let keySet: Set<string> | null = null;
  const keys = (): ReadonlySet<string> => {
    if (keySet === null) {
      keySet = new Set<string>();
      for (const g of groups.values()) keySet.add(g.key);
    }
    return keySet;
  };

  const units: CatalogueUnit[] = [];
  const references: NestingReference[] = [];
  for (const [id, g] of groups) {
    const forms: Partial<Record<FormKey, string>> = {};
    const order: FormKey[] = ['', 'zero', 'one', 'two', 'few', 'many', 'other'];
    for (const f of order) {
      const v = g.forms.get(f);
      if (v !== undefined) forms[f] = v;
    }
    const context = contextHint(g, keys);
    units.push({
      id,
      key: g.key,
      path: g.path,
      kind: g.kind,
      ...(context ? { context } : {}),
      forms,
      line: g.line,
    });

    if (resolution.ok && (g.kind === 'plural' || g.kind === 'ordinal')) {
      const required = g.kind === 'plural' ? resolution.data.cardinal : resolution.data.ordinal;
      const missing = required.filter((c) => !g.forms.has(c));
      const extra = [...g.forms.keys()].filter(
        (c): c is PluralCategory =>
          isPluralCategory(c) && !required.includes(c) && !(g.kind === 'plural' && c === 'zero'),
      );
      if (missing.length > 0) {
        warnings.push({
          code: 'PLURAL_FORMS_INCOMPLETE',
          message: `Line ${g.line}: ${g.kind} "${g.key}" lacks the ${options.locale} form${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; the other forms ship, and i18next falls back only for those numbers until volunteers add ${missing.length > 1 ? 'them' : 'it'} (listed as incomplete).`,
          key: g.key,
          line: g.line,
        });
      }
      if (extra.length > 0) {
        warnings.push({
          code: 'PLURAL_FORM_NOT_IN_LOCALE',
          message: `Line ${g.line}: ${g.kind} "${g.key}" has form${extra.length > 1 ? 's' : ''} ${extra.map((m) => `"${m}"`).join(', ')} that ${options.locale} never uses; ${extra.length > 1 ? 'they are' : 'it is'} left out of the exported file, the rest of the group ships.`,
          key: g.key,
          line: g.line,
        });
      }
    }
    for (const text of g.forms.values()) {
      for (const n of extractNestings(text)) {
        references.push({ fromUnitId: id, key: n.key });
        const colon = n.key.indexOf(':');
        const ns = colon > 0 && !/\s/.test(n.key.slice(0, colon)) ? n.key.slice(0, colon) : null;
        if (ns !== null && ns !== namespace) continue;
        const target = ns === null ? n.key : n.key.slice(colon + 1);
        if (!keys().has(target) && !keys().has(n.key)) {
          warnings.push({
            code: 'NESTING_TARGET_MISSING',
            message: `Line ${g.line}: "${g.key}" references $t(${n.key}) but this namespace has no such key.`,
            key: g.key,
            line: g.line,
          });
        }
      }
    }
  }
  return ok({
    catalogue: { namespace, locale: options.locale, keySeparator, units },
    jsonFormat,
    warnings,
    references,
  });
}
