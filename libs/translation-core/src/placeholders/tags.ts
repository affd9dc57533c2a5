/** A react-i18next `<Trans>` tag: indexed (`<0>`, `<1/>`), basic HTML (`<strong>`, `<br/>`) or named (`<bold>`). */
export interface Tag {
  readonly raw: string;
  /** `0`, `strong`, `CustomLink`; HTML-ish names compared case-sensitively, like react-i18next. */
  readonly name: string;
  readonly kind: 'open' | 'close' | 'self';
  readonly attributes: readonly TagAttribute[];
  readonly start: number;
  readonly end: number;
}
export interface TagAttribute {
  readonly name: string;
  readonly value: string | null;
}

// `[^<>]*` cannot backtrack past the next "<" or ">", so scanning stays linear on hostile input.
const TAG = /<(\/?)([0-9]+|[A-Za-z][A-Za-z0-9_.:-]*)([^<>]*)>/y;
const ATTRIBUTE = /([^\s=/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

function parseAttributes(text: string): TagAttribute[] {
  const out: TagAttribute[] = [];
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? '';
    const rawValue = m[2];
    const value =
      rawValue === undefined ? null : /^["']/.test(rawValue) ? rawValue.slice(1, -1) : rawValue;
    out.push({ name, value });
  }
  return out;
}

export function extractTags(text: string): Tag[] {
  const out: Tag[] = [];
  let i = text.indexOf('<');
  while (i >= 0) {
    TAG.lastIndex = i;
    const m = TAG.exec(text);
    if (m) {
      const closing = m[1] === '/';
      let rest = m[3] ?? '';
      const self = /\/\s*$/.test(rest);
      if (self) rest = rest.replace(/\/\s*$/, '');
      // After the name there must be whitespace (attributes) or nothing: "<a+b>" is text, not a tag.
      if (rest === '' || /^\s/.test(rest)) {
        if (!(closing && (self || rest.trim() !== ''))) {
          out.push({
            raw: m[0],
            name: m[2] ?? '',
            kind: closing ? 'close' : self ? 'self' : 'open',
            attributes: parseAttributes(rest),
            start: i,
            end: i + m[0].length,
          });
          i = text.indexOf('<', i + m[0].length);
          continue;
        }
      }
    }
    i = text.indexOf('<', i + 1);
  }
  return out;
}

/** True when every open tag is closed in order and no close tag is unmatched. */
export function tagsBalanced(tags: readonly Tag[]): boolean {
  const stack: string[] = [];
  for (const t of tags) {
    if (t.kind === 'open') stack.push(t.name);
    else if (t.kind === 'close') {
      if (stack.pop() !== t.name) return false;
    }
  }
  return stack.length === 0;
}
