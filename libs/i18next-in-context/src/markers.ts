/**
 * Invisible markers around every string t() returns while in-context mode is on:
 * OPEN, the key-map index in base 3, SEP, the text, then OPEN SEP (a marker without digits closes).
 * Only default-ignorable format characters are used (word joiner, invisible operators), so a
 * marked string renders like the plain one until the DOM scanner strips the markers.
 */
export const OPEN = '\u2060';
export const SEP = '\u2063';
const DIGITS = ['\u2061', '\u2062', '\u2064'] as const;
const BASE = DIGITS.length;
export const CLOSE = OPEN + SEP;

const ANY_MARKER_CHAR = /[\u2060-\u2064]/;
const MARKER = /\u2060([\u2061\u2062\u2064]*)\u2063/g;

export function encodeIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`bad key index ${index}`);
  let out = '';
  let n = index;
  do {
    out = DIGITS[n % BASE] + out;
    n = Math.floor(n / BASE);
  } while (n > 0);
  return out;
}

export function decodeIndex(digits: string): number {
  let n = 0;
  for (const ch of digits) {
    const d = DIGITS.indexOf(ch as (typeof DIGITS)[number]);
    if (d < 0) throw new RangeError('not a marker digit');
    n = n * BASE + d;
  }
  return n;
}

/** `text` wrapped in the markers of key-map entry `index`. */
export function wrap(text: string, index: number): string {
  return OPEN + encodeIndex(index) + SEP + text + CLOSE;
}

export function hasMarkers(text: string): boolean {
  return ANY_MARKER_CHAR.test(text) && text.includes(SEP);
}

/** The text without any markers (what the user sees). */
export function strip(text: string): string {
  return hasMarkers(text) ? text.replace(MARKER, '') : text;
}

export type MarkerToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'open'; readonly index: number }
  | { readonly kind: 'close' };

/** Splits a string into text and markers, in order (nested strings give nested open/close). */
export function tokenize(text: string): MarkerToken[] {
  const out: MarkerToken[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    const digits = m[1] ?? '';
    out.push(digits === '' ? { kind: 'close' } : { kind: 'open', index: decodeIndex(digits) });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The key-map indices a string carries, outermost first. */
export function indicesIn(text: string): number[] {
  return tokenize(text).flatMap((t) => (t.kind === 'open' ? [t.index] : []));
}
