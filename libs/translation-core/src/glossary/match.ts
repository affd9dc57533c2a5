import type { GlossaryCheckTerm } from './model';
import { PatternCache } from './pattern-cache';

/** One occurrence of a term in a text (UTF-16 offsets, end exclusive). */
export interface TermHit {
  readonly termId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface MatchOptions {
  /** BCP 47 code of the text's language: decides how much inflection is tolerated. */
  readonly locale: string;
  readonly caseSensitive: boolean;
  /**
   * Verbatim: every letter as written (a do-not-translate term); in an inflected language an ending
   * may still follow the last word ("Chorus" → Polish "Chorusa").
   */
  readonly verbatim?: boolean;
}

/**
 * Languages whose words change their endings (case, number, possessive suffixes): a term's
 * translation matches when each word starts with the word's stem, followed by a few more letters.
 */
const INFLECTED = new Set([
  'pl',
  'cs',
  'sk',
  'sl',
  'hr',
  'sr',
  'bs',
  'bg',
  'mk',
  'ru',
  'uk',
  'be',
  'lt',
  'lv',
  'et',
  'fi',
  'hu',
  'tr',
  'az',
  'kk',
  'uz',
  'de',
  'nl',
  'da',
  'sv',
  'nb',
  'nn',
  'no',
  'is',
  'ro',
  'el',
  'ka',
  'hy',
  'la',
  'ga',
  'cy',
  'sq',
  'eu',
  'ca',
  'es',
  'pt',
  'it',
  'fr',
]);

/** Scripts written without spaces between words: no word boundaries to test. */
const NO_SPACES =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

export function languageOf(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? '').toLowerCase();
}

export function isInflectedLanguage(locale: string): boolean {
  return INFLECTED.has(languageOf(locale));
}

/**
 * Escapes the characters that mean something in a pattern. Not `-`: it means nothing outside a
 * class, and with the `u` flag every pattern here uses, `\-` is a syntax error ("e-mail" threw).
 */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The stem of a word in an inflected language: the word minus the letters its endings may change. */
export function stemOf(word: string): string {
  const chars = [...word];
  if (chars.length <= 3) return word;
  const drop = chars.length >= 8 ? 3 : chars.length >= 5 ? 2 : 1;
  return chars.slice(0, chars.length - drop).join('');
}

function wordPattern(word: string, inflected: boolean, english: boolean, last: boolean): string {
  if (inflected && [...word].length > 3 && /\p{L}$/u.test(word)) {
    const stem = stemOf(word);
    const extra = [...word].length - [...stem].length + 4;
    return `${escapeRegExp(stem)}[\\p{L}\\p{M}]{0,${extra}}`;
  }
  // English plurals and possessives of the last word ("workspaces", "workspace's").
  if (english && last && /\p{L}$/u.test(word)) return `${escapeRegExp(word)}(?:s|es|'s|’s)?`;
  return escapeRegExp(word);
}

/** Patterns each cache keeps (per process: terms × locales in use). */
const PATTERNS_KEPT = 20_000;

const patterns = new PatternCache(PATTERNS_KEPT);

/**
 * The regular expression that finds `phrase` in text of `locale`: words separated by any run of
 * white space, word boundaries where the script has them, inflection tolerance for inflected
 * languages, Unicode case folding unless case-sensitive. Built from escaped literals and bounded
 * repetitions only, so matching stays linear in the text.
 */
export function termPattern(phrase: string, options: MatchOptions): RegExp | null {
  const key = `${options.locale}\u0000${options.caseSensitive ? 1 : 0}${options.verbatim === true ? 1 : 0}\u0000${phrase}`;
  return patterns.get(key, () => buildPattern(phrase, options));
}

function buildPattern(phrase: string, options: MatchOptions): RegExp | null {
  const words = phrase
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
  let built: RegExp | null = null;
  if (words.length > 0) {
    const inflected = isInflectedLanguage(options.locale);
    const english = languageOf(options.locale) === 'en';
    const body =
      options.verbatim === true
        ? words.map(escapeRegExp).join('\\s+') + (inflected ? '[\\p{L}\\p{M}]{0,4}' : '')
        : words
            .map((w, i) => wordPattern(w, inflected, english, i === words.length - 1))
            .join('\\s+');
    const first = words[0] ?? '';
    const lastWord = words[words.length - 1] ?? '';
    const before =
      WORD_CHAR.test(first.charAt(0)) && !NO_SPACES.test(first) ? '(?<![\\p{L}\\p{N}\\p{M}_])' : '';
    const after =
      WORD_CHAR.test(lastWord.charAt(lastWord.length - 1)) && !NO_SPACES.test(lastWord)
        ? '(?![\\p{L}\\p{N}\\p{M}_])'
        : '';
    built = new RegExp(`${before}${body}${after}`, options.caseSensitive ? 'gu' : 'giu');
  }
  return built;
}

/** Every occurrence of `phrase` in `text`. */
export function findPhrase(text: string, phrase: string, options: MatchOptions): TermHit[] {
  const re = termPattern(phrase, options);
  if (re === null) return [];
  const hits: TermHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    hits.push({ termId: '', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return hits;
}

/** The index key of a word: its first three characters, lower-cased (stems keep at least three). */
function wordKey(text: string, at: number): string {
  return text.slice(at, at + 3).toLowerCase();
}

function startsWithWord(term: string): boolean {
  const first = term.trim().charAt(0);
  return WORD_CHAR.test(first) && !NO_SPACES.test(first);
}

/**
 * The key findGlossaryHits files a term under: the first three characters of its first word,
 * lower-cased. Null for a term that does not start with a word (".NET", kana), which is looked
 * for everywhere. Stored with each term, so a store can hand over only the terms a text may hold.
 */
export function glossaryTermKey(term: string): string | null {
  return startsWithWord(term) ? wordKey(term.trim(), 0) : null;
}

/**
 * The keys of every word start in `texts`: findGlossaryHits can find a term in them only if the
 * term's key (glossaryTermKey) is one of these, or null. At most one key per word, so the list
 * grows with the text, not with the glossary.
 */
export function glossaryTextKeys(texts: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      if (isWordStart(text, i)) keys.add(wordKey(text, i));
    }
  }
  return [...keys];
}

function isWordStart(text: string, i: number): boolean {
  return WORD_CHAR.test(text.charAt(i)) && !(i > 0 && WORD_CHAR.test(text.charAt(i - 1)));
}

/**
 * The glossary terms found in a source text, in text order. Where terms overlap ("workspace" inside
 * "shared workspace") the longer one wins, so each piece of text belongs to at most one term.
 * Terms are indexed by the start of their first word and tried only where a word of the text starts
 * with it, so the cost grows with the text and the hits, not with text × terms (the text may come
 * from anyone on a public project). Terms that do not start with a word (".NET", kana) are scanned.
 */
export function findGlossaryHits(
  text: string,
  terms: readonly Pick<GlossaryCheckTerm, 'id' | 'term' | 'caseSensitive'>[],
  sourceLocale: string,
): TermHit[] {
  const all: TermHit[] = [];
  const byKey = new Map<string, Pick<GlossaryCheckTerm, 'id' | 'term' | 'caseSensitive'>[]>();
  for (const t of terms) {
    const key = glossaryTermKey(t.term);
    if (key === null) {
      for (const h of findPhrase(text, t.term, {
        locale: sourceLocale,
        caseSensitive: t.caseSensitive,
      }))
        all.push({ ...h, termId: t.id });
      continue;
    }
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [t]);
    else list.push(t);
  }
  if (byKey.size > 0) {
    for (let i = 0; i < text.length; i++) {
      if (!isWordStart(text, i)) continue;
      const candidates = byKey.get(wordKey(text, i));
      if (candidates === undefined) continue;
      for (const t of candidates) {
        const re = stickyPattern(t.term, { locale: sourceLocale, caseSensitive: t.caseSensitive });
        if (re === null) continue;
        re.lastIndex = i;
        const m = re.exec(text);
        if (m !== null && m[0] !== '')
          all.push({ termId: t.id, start: i, end: i + m[0].length, text: m[0] });
      }
    }
  }
  all.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || a.start - b.start || a.termId.localeCompare(b.termId),
  );
  const kept: TermHit[] = [];
  for (const h of all) {
    if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const stickyPatterns = new PatternCache(PATTERNS_KEPT);

/** termPattern anchored at lastIndex (flag `y`). */
function stickyPattern(phrase: string, options: MatchOptions): RegExp | null {
  const key = `${options.locale}\u0000${options.caseSensitive ? 1 : 0}\u0000${phrase}`;
  return stickyPatterns.get(key, () => {
    const base = termPattern(phrase, options);
    return base === null ? null : new RegExp(base.source, base.flags.replace('g', 'y'));
  });
}
