/**
 * A small XML reader for glossary files (TBX). Safe by construction: a document type declaration is
 * refused (so no external entities, no entity expansion), only the five predefined entities and
 * numeric character references are decoded, size and depth are bounded, and the scan is linear.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  readonly line: number;
}
export type XmlNode = XmlElement | string;

export interface XmlLimits {
  readonly maxChars: number;
  readonly maxDepth: number;
  readonly maxElements: number;
}

export type XmlResult =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly line: number; readonly message: string };

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

interface Building {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  line: number;
}

export function parseXml(text: string, limits: XmlLimits): XmlResult {
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      line: 1,
      message: `The file is larger than ${limits.maxChars} characters.`,
    };
  }
  try {
    return { ok: true, root: new Reader(text, limits).document() };
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      return { ok: false, line: error.line, message: error.message };
    throw error;
  }
}

class Reader {
  private pos = 0;
  private line = 1;
  private elements = 0;

  constructor(
    private readonly s: string,
    private readonly limits: XmlLimits,
  ) {}

  document(): XmlElement {
    if (this.s.charCodeAt(0) === 0xfeff) this.pos = 1;
    let root: XmlElement | null = null;
    const stack: Building[] = [];
    while (this.pos < this.s.length) {
      const lt = this.s.indexOf('<', this.pos);
      const textEnd = lt === -1 ? this.s.length : lt;
      if (textEnd > this.pos) {
        const raw = this.s.slice(this.pos, textEnd);
        const top = stack[stack.length - 1];
        if (top === undefined) {
          if (raw.trim() !== '') this.fail('Text outside the root element.');
        } else top.children.push(this.decode(raw));
        this.advance(textEnd);
      }
      if (lt === -1) break;
      if (this.s.startsWith('<?', lt)) this.skipPast('?>', 'processing instruction');
      else if (this.s.startsWith('<!--', lt)) this.skipPast('-->', 'comment');
      else if (this.s.startsWith('<![CDATA[', lt)) {
        const end = this.s.indexOf(']]>', lt + 9);
        if (end === -1) this.fail('A CDATA section is not closed.');
        const top = stack[stack.length - 1];
        if (top === undefined) this.fail('CDATA outside the root element.');
        else top.children.push(this.s.slice(lt + 9, end));
        this.advance(end + 3);
      } else if (this.s.startsWith('<!', lt)) {
        this.fail('Document type declarations and entities are not accepted.');
      } else if (this.s.startsWith('</', lt)) {
        this.pos = lt + 2;
        const name = this.name();
        this.spaces();
        if (this.s[this.pos] !== '>') this.fail(`Expected ">" after "</${name}".`);
        this.pos += 1;
        const top = stack.pop();
        if (top === undefined || top.name !== name) {
          this.fail(
            `Closing tag </${name}> does not match ${top === undefined ? 'any open element' : `<${top.name}>`}.`,
          );
        }
        const done: XmlElement = top;
        const parent = stack[stack.length - 1];
        if (parent === undefined) root = done;
        else parent.children.push(done);
      } else {
        if (root !== null) this.fail('Only one root element is allowed.');
        this.pos = lt + 1;
        const el = this.openTag();
        this.elements += 1;
        if (this.elements > this.limits.maxElements) this.fail('The file has too many elements.');
        if (el.selfClosing) {
          const parent = stack[stack.length - 1];
          if (parent === undefined) root = el.element;
          else parent.children.push(el.element);
        } else {
          stack.push(el.element);
          if (stack.length > this.limits.maxDepth) this.fail('Elements are nested too deeply.');
        }
      }
    }
    const open = stack[stack.length - 1];
    if (open !== undefined) this.fail(`Element <${open.name}> is not closed.`);
    if (root === null) this.fail('The file has no root element.');
    return root as XmlElement;
  }

  private openTag(): { element: Building; selfClosing: boolean } {
    const line = this.line;
    const name = this.name();
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (;;) {
      const hadSpace = this.spaces();
      const c = this.s[this.pos];
      if (c === '>') {
        this.pos += 1;
        return { element: { name, attributes, children: [], line }, selfClosing: false };
      }
      if (c === '/' && this.s[this.pos + 1] === '>') {
        this.pos += 2;
        return { element: { name, attributes, children: [], line }, selfClosing: true };
      }
      if (!hadSpace || c === undefined) this.fail(`Malformed tag <${name}>.`);
      const attr = this.name();
      this.spaces();
      if (this.s[this.pos] !== '=') this.fail(`Attribute "${attr}" has no value.`);
      this.pos += 1;
      this.spaces();
      const quote = this.s[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(`Attribute "${attr}" must be quoted.`);
      const end = this.s.indexOf(quote as string, this.pos + 1);
      if (end === -1) this.fail(`Attribute "${attr}" is not closed.`);
      const raw = this.s.slice(this.pos + 1, end);
      if (raw.includes('<')) this.fail(`Attribute "${attr}" contains "<".`);
      if (attr in attributes) this.fail(`Attribute "${attr}" is repeated.`);
      attributes[attr] = this.decode(raw);
      this.advance(end + 1);
    }
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.s);
    if (m === null) this.fail('Expected an element or attribute name.');
    this.pos += (m as RegExpExecArray)[0].length;
    return (m as RegExpExecArray)[0];
  }

  private spaces(): boolean {
    const start = this.pos;
    while (this.pos < this.s.length && /[ \t\r\n]/.test(this.s[this.pos] as string)) {
      if (this.s[this.pos] === '\n') this.line += 1;
      this.pos += 1;
    }
    return this.pos > start;
  }

  private skipPast(end: string, what: string): void {
    const at = this.s.indexOf(end, this.pos);
    if (at === -1) this.fail(`A ${what} is not closed.`);
    this.advance(at + end.length);
  }

  private advance(to: number): void {
    for (let i = this.pos; i < to; i++) if (this.s.charCodeAt(i) === 10) this.line += 1;
    this.pos = to;
  }

  private decode(raw: string): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) this.fail(`"&" must be written "&amp;".`);
      const named = PREDEFINED[ref];
      if (named !== undefined) return named;
      const num = /^#x([0-9a-fA-F]{1,6})$/.exec(ref) ?? /^#([0-9]{1,7})$/.exec(ref);
      if (num !== null) {
        const code = parseInt(num[1] as string, ref.startsWith('#x') ? 16 : 10);
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          this.fail(`Character reference "&${ref};" is not a valid character.`);
        }
        return String.fromCodePoint(code);
      }
      return this.fail(
        `Unknown entity "&${ref};" (only &lt; &gt; &amp; &quot; &apos; are accepted).`,
      );
    });
  }

  private fail(message: string): never {
    throw new XmlSyntaxError(this.line, message);
  }
}

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The element's own name without a namespace prefix (`tbx:term` → `term`). */
export function localName(el: XmlElement): string {
  const i = el.name.indexOf(':');
  return i === -1 ? el.name : el.name.slice(i + 1);
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || localName(c) === name),
  );
}

/** All text inside an element (inline markup flattened). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
