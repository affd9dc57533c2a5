import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret (session cookie or API token); only its SHA-256 is ever stored. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
