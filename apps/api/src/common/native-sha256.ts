import type { Sha256Hex } from '@chorus/translation-core';
import { createHash } from 'node:crypto';

/**
 * translation-core's SHA-256 (lowercase hex of the UTF-8 bytes, a lone surrogate as U+FFFD, as
 * Buffer encodes it) computed by node:crypto: the same digests, about ten times faster than the
 * library's portable one, which a source import of 50k strings spent 0.6 s in.
 */
export const nativeSha256Hex: Sha256Hex = (text) =>
  createHash('sha256').update(text, 'utf8').digest('hex');
