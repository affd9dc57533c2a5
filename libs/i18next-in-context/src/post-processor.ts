import type { PostProcessorModule, TOptions } from 'i18next';
import type { KeyMap, KeyRef } from './key-map';
import { wrap } from './markers';

const CATEGORIES = 'zero|one|two|few|many|other';

interface Resolved {
  readonly usedLng?: string;
  readonly usedNS?: string;
  readonly usedKey?: string;
  readonly exactUsedKey?: string;
}

/** What i18next passes a post-processor when `postProcessPassResolved` is on. */
type ProcessOptions = TOptions & { readonly i18nResolved?: Resolved };

interface TranslatorLike {
  readonly resourceStore?: {
    getResource(lng: string, ns: string, key: string): unknown;
  };
  readonly options?: {
    readonly defaultNS?: string | readonly string[] | false;
    readonly nsSeparator?: string | false;
    readonly pluralSeparator?: string;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstNs(ns: unknown): string | undefined {
  if (typeof ns === 'string') return ns;
  if (Array.isArray(ns) && typeof ns[0] === 'string') return ns[0];
  return undefined;
}

/**
 * The Chorus string behind one t() call. i18next resolved `exactUsedKey` (`items_one`,
 * `friend_male_other`); a plural call drops the category suffix, since Chorus keeps a plural as one
 * string under its base key. Without resolution details (a missing key) the key passed is used.
 */
export function keyRefOf(
  key: string | readonly string[],
  options: ProcessOptions,
  translator: TranslatorLike | undefined,
): KeyRef {
  const resolved = options.i18nResolved;
  const passed = typeof key === 'string' ? key : (key[key.length - 1] ?? '');
  const nsSeparator = translator?.options?.nsSeparator ?? ':';
  let ns = resolved?.usedNS ?? firstNs(options.ns);
  let exact = resolved?.exactUsedKey ?? resolved?.usedKey ?? passed;
  if (resolved?.usedNS === undefined && nsSeparator !== false && exact.includes(nsSeparator)) {
    const at = exact.indexOf(nsSeparator);
    ns = exact.slice(0, at);
    exact = exact.slice(at + nsSeparator.length);
  }
  ns ??= firstNs(translator?.options?.defaultNS) ?? 'translation';
  const counted = typeof options.count === 'number';
  const ordinal = counted && options.ordinal === true;
  if (!counted) return { ns, key: exact, plural: null, ordinal: false };
  const sep = escapeRegExp(translator?.options?.pluralSeparator ?? '_');
  const suffix = new RegExp(`${sep}(?:ordinal${sep})?(${CATEGORIES})$`);
  const m = suffix.exec(exact);
  if (m === null) return { ns, key: exact, plural: null, ordinal };
  return { ns, key: exact.slice(0, m.index), plural: m[1] ?? null, ordinal };
}

/** `$t(key)` / `$t(ns:key, {...})` references in a raw resource (i18next's default nesting syntax). */
const NESTED = /\$t\(\s*([^,)]+?)\s*(?:,|\))/g;

/**
 * Keys nested in the string t() resolved: i18next does not post-process nested calls, so they are
 * read from the raw resource and marked beside their host string.
 */
export function nestedRefs(
  options: ProcessOptions,
  translator: TranslatorLike | undefined,
  host: KeyRef,
): KeyRef[] {
  const r = options.i18nResolved;
  if (
    r?.usedLng === undefined ||
    r.exactUsedKey === undefined ||
    translator?.resourceStore === undefined
  ) {
    return [];
  }
  const raw = translator.resourceStore.getResource(r.usedLng, r.usedNS ?? host.ns, r.exactUsedKey);
  if (typeof raw !== 'string' || !raw.includes('$t(')) return [];
  const nsSeparator = translator.options?.nsSeparator ?? ':';
  return [...raw.matchAll(NESTED)].map((m): KeyRef => {
    const name = m[1] ?? '';
    const at = nsSeparator === false ? -1 : name.indexOf(nsSeparator);
    return at < 0
      ? { ns: host.ns, key: name, plural: null, ordinal: false }
      : {
          ns: name.slice(0, at),
          key: name.slice(at + (nsSeparator || ':').length),
          plural: null,
          ordinal: false,
        };
  });
}

/** The post-processor that marks every string t() returns (registered only while the mode is on). */
export function markingPostProcessor(name: string, keys: KeyMap): PostProcessorModule {
  return {
    type: 'postProcessor',
    name,
    process(value: unknown, key: string | string[], options: TOptions, translator: unknown) {
      if (typeof value !== 'string') return value as string;
      const opts = options as ProcessOptions;
      const t = translator as TranslatorLike;
      const ref = keyRefOf(key, opts, t);
      // Nested keys ride along as empty marked strings inside their host.
      const nested = nestedRefs(opts, t, ref).map((r) => wrap('', keys.add(r)));
      return wrap(nested.join('') + value, keys.add(ref));
    },
  };
}
