import type { ReactNode } from 'react';
import { segmentText } from './segments';

/** A stretch of the text to mark (e.g. a glossary term), UTF-16 offsets, end exclusive. */
export interface TextMark {
  readonly start: number;
  readonly end: number;
  /** Shown as the mark's tooltip. */
  readonly title: string;
}

/** Plain text with the parts inside `marks` wrapped in <mark> (as text, never HTML). */
function marked(text: string, offset: number, marks: readonly TextMark[]): ReactNode[] {
  const out: ReactNode[] = [];
  let from = 0;
  for (const m of marks) {
    const start = Math.max(m.start - offset, from);
    const end = Math.min(m.end - offset, text.length);
    if (end <= start) continue;
    if (start > from) out.push(text.slice(from, start));
    out.push(
      <mark key={start} title={m.title} className="glossary-mark">
        {text.slice(start, end)}
      </mark>,
    );
    from = end;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

/**
 * Shows a source string or a translation safely: always as React text children (never HTML),
 * with placeholders and `<0>` tags drawn as visible tokens, and optional marks over plain text.
 */
export function TokenizedText({
  text,
  className,
  marks = [],
}: {
  readonly text: string;
  readonly className?: string;
  readonly marks?: readonly TextMark[];
}) {
  let offset = 0;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  return (
    <span className={className === undefined ? 'tokenized' : `tokenized ${className}`}>
      {segmentText(text).map((segment, index) => {
        const at = offset;
        offset += segment.text.length;
        return segment.kind === 'text' ? (
          <span key={index}>
            {sorted.length === 0 ? segment.text : marked(segment.text, at, sorted)}
          </span>
        ) : (
          <code key={index} className={`token token-${segment.tokenKind}`}>
            {segment.text}
          </code>
        );
      })}
    </span>
  );
}
