import { type CanonicalNode, writeCanonicalJson } from '@chorus/translation-core';
import { createHash } from 'node:crypto';

export const LOCK_FILE = 'chorus.lock.json';

export interface LockFile {
  readonly project: string;
  readonly format: string;
  readonly bundleSetHash: string;
  /** Path relative to the lock file's directory (always '/') → sha-256 of the file's bytes. */
  readonly files: Readonly<Record<string, string>>;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Canonical JSON (translation-core's writer): no timestamps, so two pulls give the same bytes. */
export function writeLock(lock: LockFile): string {
  const node: CanonicalNode = {
    kind: 'object',
    entries: [
      ['project', lock.project],
      ['format', lock.format],
      ['bundleSetHash', lock.bundleSetHash],
      ['files', { kind: 'object', entries: Object.entries(lock.files) }],
    ],
  };
  return writeCanonicalJson(node);
}

export function parseLock(text: string): LockFile | null {
  try {
    const value = JSON.parse(text) as Partial<LockFile>;
    if (typeof value.files !== 'object' || value.files === null) return null;
    for (const hash of Object.values(value.files)) if (typeof hash !== 'string') return null;
    return {
      project: String(value.project ?? ''),
      format: String(value.format ?? ''),
      bundleSetHash: String(value.bundleSetHash ?? ''),
      files: value.files,
    };
  } catch {
    return null;
  }
}
