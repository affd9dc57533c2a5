import type { FormKey } from '../model';
import type { Finding } from './finding';
import { finding, formLabel } from './finding';

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** E: lone surrogates, and C0 control characters other than \n and \t. */
export function invalidCharacters(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      found.push(`lone surrogate U+${c.toString(16).toUpperCase()}`);
    } else if (c >= 0xdc00 && c <= 0xdfff)
      found.push(`lone surrogate U+${c.toString(16).toUpperCase()}`);
    else if (c < 0x20 && c !== 0x0a && c !== 0x09)
      found.push(`control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    if (found.length >= 3) break;
  }
  return found;
}

export function checkText(target: string, form: FormKey, maxLength: number | undefined): Finding[] {
  const out: Finding[] = [];
  const bad = invalidCharacters(target);
  if (bad.length > 0) {
    out.push(
      finding(
        'INVALID_TEXT',
        form,
        `${formLabel(form)} contains ${bad.join(', ')}. Retype the text; these characters cannot be shown.`,
      ),
    );
  }
  if (maxLength !== undefined) {
    const length = [...target].length;
    if (length > maxLength) {
      out.push(
        finding(
          'MAX_LENGTH',
          form,
          `${formLabel(form)} is ${length} characters long; this string has room for at most ${maxLength}. Shorten it.`,
        ),
      );
    }
  }
  return out;
}

// trimStart/trimEnd strip exactly the characters \s matches, in linear time (a /\s*$/ regex is quadratic
// on a long run of spaces followed by text, and translations are untrusted input).
function leading(text: string): string {
  return text.slice(0, text.length - text.trimStart().length);
}
function trailing(text: string): string {
  return text.slice(text.trimEnd().length);
}

/** W: whitespace at the start and end, newline count and double spaces (Weblate's checks). */
export function checkWhitespace(source: string, target: string, form: FormKey): Finding[] {
  const out: Finding[] = [];
  const sl = leading(source);
  const tl = leading(target);
  if (
    sl.includes('\n') !== tl.includes('\n') ||
    sl.replace(/\n/g, '').length !== tl.replace(/\n/g, '').length
  ) {
    out.push(
      finding(
        'LEADING_WHITESPACE',
        form,
        `${formLabel(form)} starts with different spaces or line breaks than the source.`,
      ),
    );
  }
  const st = trailing(source);
  const tt = trailing(target);
  if (st.includes('\n') !== tt.includes('\n') || st.length > 0 !== tt.length > 0) {
    out.push(
      finding(
        'TRAILING_WHITESPACE',
        form,
        `${formLabel(form)} ends with different spaces or line breaks than the source.`,
      ),
    );
  }
  const lines = (t: string): number => t.split('\n').length - 1;
  if (lines(source) !== lines(target)) {
    out.push(
      finding(
        'NEWLINE_COUNT',
        form,
        `${formLabel(form)} has ${lines(target)} line break(s); the source has ${lines(source)}.`,
      ),
    );
  }
  if (target.includes('  ') && !source.includes('  ')) {
    out.push(
      finding(
        'DOUBLE_SPACE',
        form,
        `${formLabel(form)} contains a double space that the source does not have.`,
      ),
    );
  }
  return out;
}
