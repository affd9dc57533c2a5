import type { FormKey } from '../model';
import type { Finding } from './finding';
import { finding, formLabel } from './finding';

type EndClass =
  | 'full stop'
  | 'colon'
  | 'question mark'
  | 'exclamation mark'
  | 'semicolon'
  | 'ellipsis'
  | 'interrobang';

const CLASSES: readonly (readonly [EndClass, string])[] = [
  ['full stop', '.。।۔։።჻｡'],
  ['colon', ':：︰'],
  ['question mark', '?？؟՞፧⸮;'],
  ['exclamation mark', '!！՜߹'],
  ['semicolon', ';؛；፤'],
  ['interrobang', '‽⁈⁉'],
];

/** Languages that end sentences without a full stop (Weblate skips th and jbo; lo, km, my likewise). */
const NO_FULL_STOP = new Set(['th', 'jbo', 'lo', 'km', 'my']);

function language(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? '').toLowerCase();
}

export function endClass(text: string, locale: string): EndClass | null {
  const t = text.trimEnd();
  if (t.endsWith('...') || t.endsWith('…')) return 'ellipsis';
  const last = t.charAt(t.length - 1);
  if (last === '') return null;
  // Greek writes the question mark as ";" (U+037E looks the same).
  if ((last === ';' || last === '\u037e') && language(locale) === 'el') return 'question mark';
  if (last === ';') return 'semicolon';
  for (const [cls, chars] of CLASSES) if (chars.includes(last)) return cls;
  return null;
}

/** W: trailing punctuation differs, language-aware (Weblate's end_* checks; sources of ≤ 4 characters skipped). */
export function checkEndPunctuation(
  source: string,
  target: string,
  form: FormKey,
  sourceLocale: string,
  targetLocale: string,
): Finding[] {
  if (source.trim().length <= 4) return [];
  const s = endClass(source, sourceLocale);
  const t = endClass(target, targetLocale);
  if (s === t) return [];
  const lang = language(targetLocale);
  if (s === 'full stop' && t === null && NO_FULL_STOP.has(lang)) return [];
  if (lang === 'hy' && (s === 'question mark' || t === 'question mark')) return [];
  const what = (c: EndClass | null): string => (c === null ? 'no punctuation' : `a ${c}`);
  return [
    finding(
      'END_PUNCTUATION',
      form,
      `${formLabel(form)} ends with ${what(t)} but the source ends with ${what(s)}. Use your language's equivalent unless the sentence needs otherwise.`,
    ),
  ];
}
