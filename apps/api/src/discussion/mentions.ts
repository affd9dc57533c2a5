/** At most this many distinct @names in one comment notify anyone; the rest stay plain text. */
export const MENTIONS_MAX = 10;

/**
 * `@name` as people type it: letters, digits, `_`, `.` and `-`, after a start or a space. A user
 * is mentioned by their display name without spaces ("Ada Lovelace" as `@AdaLovelace`), compared
 * case-insensitively. Returns the distinct names in lower case, in order of first use.
 */
export function mentionedNames(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(/(^|[\s(])@([\p{L}\p{N}_.-]{1,40})/gu)) {
    const name = (match[2] ?? '').replace(/[.-]+$/u, '').toLowerCase();
    if (name !== '' && !names.includes(name)) names.push(name);
    if (names.length === MENTIONS_MAX) break;
  }
  return names;
}

/** The key a display name is mentioned by: no whitespace, lower case (the SQL does the same). */
export function mentionKey(displayName: string): string {
  return displayName.replace(/\s+/gu, '').toLowerCase();
}
