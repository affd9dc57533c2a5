import { createHash } from 'node:crypto';

/**
 * Round ids are derived from (unit, number), so a retried transition that opens "the next round"
 * names the same row twice instead of creating two. Formatted as a UUID (version nibble 8, RFC 9562
 * custom) to fit the uuid column.
 */
export function roundUuid(unitId: string, number: number): string {
  const hex = createHash('sha256').update(`${unitId}#${number}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
