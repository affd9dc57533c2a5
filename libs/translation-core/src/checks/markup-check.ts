import type { FormKey } from '../model';
import type { Tag } from '../placeholders/tags';
import { tagsBalanced } from '../placeholders/tags';
import type { Finding } from './finding';
import { finding, formLabel } from './finding';

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'srcset',
  'poster',
  'data',
]);

/**
 * Basic HTML that react-i18next keeps by name (transKeepBasicHtmlNodesFor and its usual extensions): dropping
 * one of these, when the source writes it without attributes, loses only emphasis or a line break, so it is a
 * warning (DOMAIN A9). Indexed (`<0>`) and named components (`<link>`) carry links and behaviour: an error.
 */
const BASIC_HTML = new Set([
  'b',
  'br',
  'em',
  'i',
  'p',
  'strong',
  'u',
  's',
  'small',
  'mark',
  'sub',
  'sup',
]);

function counts(tags: readonly Tag[], kind: Tag['kind']): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tags) if (t.kind === kind) m.set(t.name, (m.get(t.name) ?? 0) + 1);
  return m;
}

function diff(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) for (let i = b.get(k) ?? 0; i < n; i++) out.push(k);
  return out;
}

/** E: react-i18next tags keep their multiset, nesting balance, self-closing shape and attributes (DOMAIN A8). */
export function checkTags(
  source: readonly Tag[],
  target: readonly Tag[],
  form: FormKey,
): Finding[] {
  const out: Finding[] = [];
  if (tagsBalanced(source) && !tagsBalanced(target)) {
    out.push(
      finding(
        'TAG_UNBALANCED',
        form,
        `${formLabel(form)} has tags that are not closed in order (every <n> needs its </n>, nested like the source).`,
      ),
    );
  }
  const sOpen = counts(source, 'open');
  const tOpen = counts(target, 'open');
  const sSelf = counts(source, 'self');
  const tSelf = counts(target, 'self');
  const sClose = counts(source, 'close');
  const tClose = counts(target, 'close');
  const total = (open: Map<string, number>, self: Map<string, number>): Map<string, number> => {
    const m = new Map(open);
    for (const [k, n] of self) m.set(k, (m.get(k) ?? 0) + n);
    return m;
  };
  const sAll = total(sOpen, sSelf);
  const tAll = total(tOpen, tSelf);
  const missingAll = diff(sAll, tAll);
  const extra = diff(tAll, sAll);
  const plainInSource = (name: string): boolean =>
    BASIC_HTML.has(name) && source.every((t) => t.name !== name || t.attributes.length === 0);
  // A dropped basic tag must be dropped whole (open and close), or the target is unbalanced (an error above).
  const dropped = missingAll.filter(plainInSource);
  const missing = missingAll.filter((n) => !plainInSource(n));
  const show = (names: readonly string[]): string => names.map((n) => `<${n}>`).join(', ');
  if (dropped.length > 0) {
    out.push(
      finding(
        'TAG_DROPPED',
        form,
        `${formLabel(form)} leaves out ${show([...new Set(dropped)])} of the source; only the emphasis or line break is lost. Keep it if your language can.`,
      ),
    );
  }
  if (missing.length > 0 || extra.length > 0) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`lacks ${show(missing)}`);
    if (extra.length > 0) parts.push(`adds ${show(extra)}`);
    out.push(
      finding(
        'TAG_MISMATCH',
        form,
        `${formLabel(form)} ${parts.join(' and ')} compared with the source. Keep exactly the source's tags; you may move them to fit the word order.`,
      ),
    );
  } else if (
    diff(sSelf, tSelf).filter((n) => !plainInSource(n)).length > 0 ||
    diff(tSelf, sSelf).length > 0
  ) {
    out.push(
      finding(
        'TAG_SELF_CLOSING_CHANGED',
        form,
        `${formLabel(form)} writes a tag as <n>…</n> that the source writes as <n/> (or the reverse). Keep self-closing tags self-closing.`,
      ),
    );
  } else if (
    diff(sClose, tClose).filter((n) => !plainInSource(n)).length > 0 &&
    tagsBalanced(source) &&
    tagsBalanced(target)
  ) {
    out.push(
      finding('TAG_MISMATCH', form, `${formLabel(form)} closes different tags than the source.`),
    );
  }

  const sourceAttributes = new Map<string, Map<string, string | null>>();
  for (const t of source) {
    const m = sourceAttributes.get(t.name) ?? new Map<string, string | null>();
    for (const a of t.attributes) m.set(a.name.toLowerCase(), a.value);
    sourceAttributes.set(t.name, m);
  }
  const added = new Set<string>();
  const changed = new Set<string>();
  for (const t of target) {
    const allowed = sourceAttributes.get(t.name);
    for (const a of t.attributes) {
      const name = a.name.toLowerCase();
      if (!allowed || !allowed.has(name)) added.add(`${name} on <${t.name}>`);
      else if (URL_ATTRIBUTES.has(name) && allowed.get(name) !== a.value)
        changed.add(`${name} on <${t.name}>`);
    }
  }
  if (added.size > 0) {
    out.push(
      finding(
        'TAG_ATTRIBUTE_ADDED',
        form,
        `${formLabel(form)} adds the attribute${added.size > 1 ? 's' : ''} ${[...added].join(', ')}, which the source does not have. Attributes in a translation override the app's own (a phishing risk); remove them.`,
      ),
    );
  }
  if (changed.size > 0) {
    out.push(
      finding(
        'TAG_ATTRIBUTE_CHANGED',
        form,
        `${formLabel(form)} changes the link target ${[...changed].join(', ')}. Keep link addresses exactly as in the source.`,
      ),
    );
  }
  return out;
}

function decodeNumericEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_, hex: string) =>
      String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)),
    )
    .replace(/&#([0-9]{1,7});?/g, (_, dec: string) =>
      String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)),
    )
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}

function isSpaceOrControl(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function squash(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceOrControl(text.charCodeAt(i))) {
      if (i > from) parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Dangerous constructs in a text: script tags, on* event handlers, javascript:/vbscript:/data:text/html URLs. */
export function unsafeConstructs(text: string, tags: readonly Tag[]): Set<string> {
  const found = new Set<string>();
  for (const t of tags) {
    if (/^(script|iframe|object|embed)$/i.test(t.name) && t.kind !== 'close')
      found.add(`<${t.name.toLowerCase()}>`);
    for (const a of t.attributes) if (/^on/i.test(a.name)) found.add(`${a.name.toLowerCase()}=`);
  }
  if (/<\s*script\b/i.test(text)) found.add('<script>');
  // Browsers ignore whitespace and control characters inside a URL scheme ("java\nscript:").
  const squashed = squash(decodeNumericEntities(text).toLowerCase());
  for (const scheme of ['javascript:', 'vbscript:', 'data:text/html'])
    if (squashed.includes(scheme)) found.add(scheme);
  return found;
}

/** E: never a script tag, an on*= handler or a javascript: URL that the source does not have. */
export function checkHtmlSafety(
  sourceText: string,
  sourceTags: readonly Tag[],
  targetText: string,
  targetTags: readonly Tag[],
  form: FormKey,
): Finding[] {
  const allowed = unsafeConstructs(sourceText, sourceTags);
  const introduced = [...unsafeConstructs(targetText, targetTags)].filter((c) => !allowed.has(c));
  if (introduced.length === 0) return [];
  return [
    finding(
      'UNSAFE_HTML',
      form,
      `${formLabel(form)} contains ${introduced.join(', ')}, which could run code in users' browsers. Remove it.`,
    ),
  ];
}
