import { segmentText } from './segments';

/**
 * Shows a source string or a translation safely: always as React text children (never HTML),
 * with placeholders and `<0>` tags drawn as visible tokens.
 */
export function TokenizedText({
  text,
  className,
}: {
  readonly text: string;
  readonly className?: string;
}) {
  return (
    <span className={className === undefined ? 'tokenized' : `tokenized ${className}`}>
      {segmentText(text).map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <code key={index} className={`token token-${segment.tokenKind}`}>
            {segment.text}
          </code>
        ),
      )}
    </span>
  );
}
