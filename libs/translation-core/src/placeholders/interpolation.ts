/** An i18next interpolation `{{name}}`, `{{ name }}`, `{{- name}}` or `{{name, format(options)}}` (DOMAIN A4). */
export interface Interpolation {
  readonly raw: string;
  /** Text before the first top-level comma, trimmed: `author.name`. */
  readonly name: string;
  /** Identity used by checks: the root of the data path, `author` for `author.name`. */
  readonly root: string;
  /** The format part with whitespace removed (`number(minimumFractionDigits:2)`), or null. */
  readonly format: string | null;
  /** `{{- x}}` inserts raw, unescaped text. */
  readonly unescaped: boolean;
  readonly start: number;
  readonly end: number;
}

function splitTopLevelComma(content: string): [string, string | null] {
  let depth = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) return [content.slice(0, i), content.slice(i + 1)];
  }
  return [content, null];
}

/**
 * Finds `{{…}}` exactly like i18next's `{{(.+?)}}` (no newlines inside, at least one character), in linear
 * time: a translator's text is untrusted and a backtracking regex could be made to hang.
 */
export function extractInterpolations(text: string): Interpolation[] {
  const out: Interpolation[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) break;
    const close = text.indexOf('}}', start + 3);
    if (close < 0) break;
    const newline = text.indexOf('\n', start + 2);
    if (newline >= 0 && newline < close) {
      from = start + 1;
      continue;
    }
    const inner = text.slice(start + 2, close);
    const trimmed = inner.trim();
    const unescaped = inner.startsWith('-');
    const body = unescaped ? inner.slice(1).trim() : trimmed;
    const [namePart, formatPart] = splitTopLevelComma(body);
    const name = namePart.trim();
    const dot = name.indexOf('.');
    out.push({
      raw: text.slice(start, close + 2),
      name,
      root: dot > 0 ? name.slice(0, dot) : name,
      format: formatPart === null ? null : formatPart.replace(/\s+/g, ''),
      unescaped,
      start,
      end: close + 2,
    });
    from = close + 2;
  }
  return out;
}
