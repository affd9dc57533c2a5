import { extractInterpolations } from './interpolation';

/** A `$t(key)` or `$t(key, {"option": …})` reference (DOMAIN A5). */
export interface Nesting {
  readonly raw: string;
  /** Referenced key, possibly with a namespace prefix (`common:key`). */
  readonly key: string;
  /** The options text as written, or null when there are none. */
  readonly options: string | null;
  /** Sorted option keys; null when the options are not valid JSON (after replacing `{{…}}` by a number). */
  readonly optionKeys: readonly string[] | null;
  readonly start: number;
  readonly end: number;
}

function skipQuoted(text: string, i: number): number {
  const q = text.charAt(i);
  const close = text.indexOf(q, i + 1);
  return close;
}

/**
 * Finds the end of a `$t(` call the way i18next's regex
 * `\$t\(((?:[^()"']+|"[^"]*"|'[^']*'|\((?:[^()]|"[^"]*"|'[^']*')*\))*?)\)` does, but in linear time.
 * Returns the index of the closing parenthesis, or -1.
 */
function findCallEnd(text: string, open: number): number {
  let i = open;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ')') return i;
    if (c === '"' || c === "'") {
      const close = skipQuoted(text, i);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    if (c === '(') {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return -1;
        const d = text.charAt(j);
        if (d === ')') break;
        if (d === '(') return -1;
        if (d === '"' || d === "'") {
          const close = skipQuoted(text, j);
          if (close >= 0) {
            j = close + 1;
            continue;
          }
        }
        j++;
      }
      i = j + 1;
      continue;
    }
    i++;
  }
  return -1;
}

function optionKeysOf(options: string): readonly string[] | null {
  let json = options;
  // Replace every {{…}} by a number, as the value would be interpolated before JSON.parse.
  for (const ip of extractInterpolations(options).reverse()) {
    json = json.slice(0, ip.start) + '0' + json.slice(ip.end);
  }
  const singles = (json.match(/'/g) ?? []).length;
  const doubles = (json.match(/"/g) ?? []).length;
  if ((singles % 2 === 0 && doubles === 0) || doubles % 2 !== 0) json = json.replace(/'/g, '"');
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    return Object.keys(parsed).sort();
  } catch {
    return null;
  }
}

export function extractNestings(text: string): Nesting[] {
  const out: Nesting[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('$t(', from);
    if (start < 0) break;
    const close = findCallEnd(text, start + 3);
    if (close < 0) {
      from = start + 3;
      continue;
    }
    const inner = text.slice(start + 3, close);
    const sep = /,[ ]*\{/.exec(inner);
    const key = (sep ? inner.slice(0, sep.index) : inner).trim();
    const options = sep ? '{' + inner.slice(sep.index + sep[0].length) : null;
    out.push({
      raw: text.slice(start, close + 1),
      key,
      options,
      optionKeys: options === null ? [] : optionKeysOf(options),
      start,
      end: close + 1,
    });
    from = close + 1;
  }
  return out;
}
