/**
 * Strict UTF-8: a catalogue with an invalid byte sequence is refused, never stored with U+FFFD in
 * place of what the author wrote. Every path that turns uploaded bytes into text (the REST body,
 * GraphQL multipart files, queued uploads) calls this, so they accept exactly the same files.
 * A leading byte-order mark is dropped, as JSON parsers expect.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export const NOT_UTF8_MESSAGE =
  'The catalogue is not valid UTF-8 text; save the file as UTF-8 and send it again.';
