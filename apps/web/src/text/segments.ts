import { extractPlaceholders } from '@chorus/translation-core';

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'token';
      readonly text: string;
      readonly tokenKind: 'interpolation' | 'nesting' | 'tag';
    };

/** Splits a source or candidate text into plain text and the placeholders/tags a translation keeps. */
export function segmentText(text: string): Segment[] {
  const p = extractPlaceholders(text);
  const tokens = [
    ...p.interpolations.map((x) => ({ ...x, tokenKind: 'interpolation' as const })),
    ...p.nestings.map((x) => ({ ...x, tokenKind: 'nesting' as const })),
    ...p.tags.map((x) => ({ ...x, tokenKind: 'tag' as const })),
  ].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let from = 0;
  for (const token of tokens) {
    if (token.start < from) continue; // overlapping matches: keep the first
    if (token.start > from) out.push({ kind: 'text', text: text.slice(from, token.start) });
    out.push({
      kind: 'token',
      text: text.slice(token.start, token.end),
      tokenKind: token.tokenKind,
    });
    from = token.end;
  }
  if (from < text.length) out.push({ kind: 'text', text: text.slice(from) });
  return out;
}

/** The distinct placeholders of a source, in order of first appearance: what Alt+1…9 insert. */
export function insertableTokens(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const segment of segmentText(text)) {
      if (segment.kind === 'token') seen.add(segment.text);
    }
  }
  return [...seen];
}
