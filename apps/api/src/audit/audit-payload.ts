import type { JsonValue } from '../common/errors/app-error';

/** Largest audit payload stored as given (UTF-8 bytes of its JSON). */
export const AUDIT_PAYLOAD_MAX_BYTES = 8_192;
/** How much of an oversized payload's JSON is kept as a preview. */
export const AUDIT_PREVIEW_BYTES = 1_024;

/**
 * The payload to store: as given when its JSON fits AUDIT_PAYLOAD_MAX_BYTES, else a marker with
 * the original size and the start of its JSON. Payloads carry user input (names, texts, voting
 * parameters), and an append-only log must not grow by whatever a caller chose to send.
 */
export function capAuditPayload(
  payload: { readonly [key: string]: JsonValue },
  maxBytes = AUDIT_PAYLOAD_MAX_BYTES,
): { [key: string]: JsonValue } {
  const json = JSON.stringify(payload);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= maxBytes) return { ...payload };
  return {
    truncated: true,
    originalBytes: bytes,
    preview: utf8Prefix(json, Math.min(AUDIT_PREVIEW_BYTES, maxBytes)),
  };
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, never splitting a character. */
function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}
