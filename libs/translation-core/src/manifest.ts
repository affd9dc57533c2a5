import { compareCodeUnits, writeCanonicalJson } from './export/canonical-json';
import type { CanonicalNode } from './export/canonical-json';
import { contentHash, shortHash } from './hash/content-hash';
import { sha256Hex } from './hash/sha256';

export interface BundleFileRef {
  readonly locale: string;
  readonly namespace: string;
  readonly contentHash: string;
}

export interface Manifest {
  /** Canonical JSON mapping "{lng}/{ns}" → shortHash. */
  readonly text: string;
  readonly contentHash: string;
  readonly shortHash: string;
  /** SHA-256 of the sorted lines `lng \t ns \t contentHash \n` (C4), for `queryStringParams: { v }`. */
  readonly bundleSetHash: string;
}

/** `locales/{lng}/{ns}.{shortHash}.json` */
export function bundleFilePath(file: BundleFileRef): string {
  return `locales/${file.locale}/${file.namespace}.${shortHash(file.contentHash)}.json`;
}

function sortedLines(files: readonly BundleFileRef[]): string[] {
  return files.map((f) => `${f.locale}\t${f.namespace}\t${f.contentHash}\n`).sort(compareCodeUnits);
}

export function bundleSetHash(files: readonly BundleFileRef[]): string {
  return sha256Hex(sortedLines(files).join(''));
}

/** The manifest of a bundle set (C4): canonical, hashed itself, independent of input order. */
export function buildManifest(files: readonly BundleFileRef[]): Manifest {
  const seen = new Set<string>();
  const entries: (readonly [string, CanonicalNode])[] = [];
  for (const f of files) {
    const key = `${f.locale}/${f.namespace}`;
    if (seen.has(key)) throw new RangeError(`manifest lists ${key} twice`);
    seen.add(key);
    entries.push([key, shortHash(f.contentHash)]);
  }
  const text = writeCanonicalJson({ kind: 'object', entries });
  const hash = contentHash(text);
  return {
    text,
    contentHash: hash,
    shortHash: shortHash(hash),
    bundleSetHash: bundleSetHash(files),
  };
}
