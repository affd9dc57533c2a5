import { sha256Hex } from './sha256';

/** `contentHash` of C4: lowercase hex SHA-256 of the bundle bytes (UTF-8 of the text). */
export function contentHash(text: string): string {
  return sha256Hex(text);
}

/** The first 12 hex characters of a content hash, used in file names (`{ns}.{shortHash}.json`). */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
