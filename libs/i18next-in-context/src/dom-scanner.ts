import { hasMarkers, strip, tokenize } from './markers';

/** Attributes whose values come from t() often enough to be scanned (placeholders, labels). */
const ATTRIBUTES = ['title', 'placeholder', 'aria-label', 'alt', 'value'] as const;

interface OpenMark {
  readonly index: number;
  readonly node: Node;
}

function commonElement(a: Node, b: Node): Element | null {
  const start = a instanceof Element ? a : a.parentElement;
  for (let el: Element | null = start; el !== null; el = el.parentElement) {
    if (el.contains(b)) return el;
  }
  return null;
}

/**
 * Finds marked strings in the DOM, remembers which element shows which key-map entries, and strips
 * the markers so the page's text is what users see (copy, search, lengths). A string rendered
 * across several nodes (react-i18next `<Trans>` with components) is tied to the element holding
 * both of its ends.
 */
export class DomScanner {
  private readonly keysOf = new WeakMap<Element, number[]>();
  private observer: MutationObserver | null = null;

  constructor(
    private readonly root: ParentNode & Node,
    /** Our own UI (the panel's shadow host): never scanned. */
    private readonly ignore: (node: Node) => boolean = () => false,
  ) {}

  /** The key-map entries an element (or its nearest marked ancestor) shows; innermost element first. */
  keysAt(target: Element | null): { element: Element; indices: readonly number[] } | null {
    for (let el = target; el !== null; el = el.parentElement) {
      if (this.ignore(el)) return null;
      const indices = this.keysOf.get(el);
      if (indices !== undefined && indices.length > 0) return { element: el, indices };
    }
    return null;
  }

  /** Every element showing a key, for screenshots of key regions. */
  markedElements(): Element[] {
    const out: Element[] = [];
    const all = this.root instanceof Document ? this.root.body : this.root;
    if (all === null) return out;
    for (const el of (all as ParentNode).querySelectorAll('*')) {
      if (this.keysOf.has(el)) out.push(el);
    }
    return out;
  }

  scan(): void {
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const walker = doc.createTreeWalker(this.root, NodeFilter.SHOW_TEXT);
    const open: OpenMark[] = [];
    const marked: Text[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node as Text;
      if (!hasMarkers(text.data) || this.insideIgnored(text)) continue;
      marked.push(text);
      for (const token of tokenize(text.data)) {
        if (token.kind === 'open') open.push({ index: token.index, node: text });
        else if (token.kind === 'close') {
          const start = open.pop();
          if (start !== undefined) this.remember(commonElement(start.node, text), start.index);
        }
      }
    }
    // A string whose end marker never arrived (cut by the app): tie it to where it starts.
    for (const start of open) this.remember(start.node.parentElement, start.index);
    for (const text of marked) text.data = strip(text.data);
    this.scanAttributes();
    if (doc.title !== '' && hasMarkers(doc.title)) doc.title = strip(doc.title);
  }

  /** Rescans after every DOM change until stop(); our own stripping is swallowed. */
  observe(): void {
    if (this.observer !== null) return;
    this.observer = new MutationObserver(() => {
      this.scan();
      this.observer?.takeRecords();
    });
    this.observer.observe(this.root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...ATTRIBUTES],
    });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private scanAttributes(): void {
    const selector = ATTRIBUTES.map((a) => `[${a}]`).join(',');
    for (const el of (this.root as ParentNode).querySelectorAll(selector)) {
      if (this.insideIgnored(el)) continue;
      for (const name of ATTRIBUTES) {
        const value = el.getAttribute(name);
        if (value === null || !hasMarkers(value)) continue;
        for (const token of tokenize(value))
          if (token.kind === 'open') this.remember(el, token.index);
        el.setAttribute(name, strip(value));
        if (name === 'value' && el instanceof HTMLInputElement) el.value = strip(el.value);
      }
    }
  }

  private remember(el: Element | null, index: number): void {
    if (el === null) return;
    const known = this.keysOf.get(el);
    if (known === undefined) this.keysOf.set(el, [index]);
    // An enclosing string closes after the strings nested in it: it goes first.
    else if (!known.includes(index)) known.unshift(index);
  }

  private insideIgnored(node: Node): boolean {
    for (let n: Node | null = node; n !== null; n = n.parentNode) if (this.ignore(n)) return true;
    return false;
  }
}
