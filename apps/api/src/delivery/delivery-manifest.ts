import {
  type CanonicalNode,
  buildManifest,
  compareCodeUnits,
  contentHash,
  shortHash,
  writeCanonicalJson,
} from '@chorus/translation-core';

export interface ManifestBundle {
  readonly locale: string;
  readonly namespace: string;
  readonly contentHash: string;
  readonly keyCount: number;
  readonly unitCount: number;
  readonly totalUnits: number;
}

export interface LocaleCoverage {
  readonly locale: string;
  readonly units: number;
  readonly totalUnits: number;
  readonly keys: number;
  /** Percent of live source strings shipped, rounded down to one decimal ("87.5"). */
  readonly coverage: string;
}

export interface DeliveryManifest {
  /** manifest.json bytes: canonical JSON (C4 writer), values are strings. */
  readonly text: string;
  readonly contentHash: string;
  readonly bundleSetHash: string;
  readonly locales: readonly LocaleCoverage[];
}

/** Rounded down, so 99.96 % never reads as 100. */
export function coveragePercent(units: number, total: number): string {
  if (total === 0) return '100.0';
  const tenths = Math.floor((units * 1000) / total);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

const str = (n: number): string => String(n);
const obj = (entries: [string, CanonicalNode][]): CanonicalNode => ({ kind: 'object', entries });

/**
 * The project's manifest.json: C4's `"{lng}/{ns}" → shortHash` map under `files`, plus per-bundle
 * hashes and counts, per-locale coverage and the bundleSetHash. Every value is a string because
 * the canonical writer of translation-core writes strings only; the bytes are therefore as stable
 * as the bundles' (independent of row order, time and machine).
 */
export function buildDeliveryManifest(
  project: { readonly slug: string; readonly sourceLocale: string },
  bundles: readonly ManifestBundle[],
): DeliveryManifest {
  const c4 = buildManifest(bundles);
  const byLocale = new Map<string, { units: number; total: number; keys: number }>();
  const namespaces = new Set<string>();
  for (const b of bundles) {
    namespaces.add(b.namespace);
    const sum = byLocale.get(b.locale) ?? { units: 0, total: 0, keys: 0 };
    sum.units += b.unitCount;
    sum.total += b.totalUnits;
    sum.keys += b.keyCount;
    byLocale.set(b.locale, sum);
  }
  const locales: LocaleCoverage[] = [...byLocale.entries()]
    .sort((a, b) => compareCodeUnits(a[0], b[0]))
    .map(([locale, s]) => ({
      locale,
      units: s.units,
      totalUnits: s.total,
      keys: s.keys,
      coverage: coveragePercent(s.units, s.total),
    }));
  const node = obj([
    ['project', project.slug],
    ['sourceLocale', project.sourceLocale],
    ['bundleSetHash', c4.bundleSetHash],
    ['namespaces', { kind: 'array', items: [...namespaces].sort(compareCodeUnits) }],
    [
      'locales',
      obj(
        locales.map((l) => [
          l.locale,
          obj([
            ['coverage', l.coverage],
            ['keys', str(l.keys)],
            ['units', str(l.units)],
            ['totalUnits', str(l.totalUnits)],
          ]),
        ]),
      ),
    ],
    [
      'bundles',
      obj(
        bundles.map((b) => [
          `${b.locale}/${b.namespace}`,
          obj([
            ['contentHash', b.contentHash],
            ['shortHash', shortHash(b.contentHash)],
            ['path', `${b.locale}/${b.namespace}.${shortHash(b.contentHash)}.json`],
            ['keys', str(b.keyCount)],
            ['units', str(b.unitCount)],
            ['totalUnits', str(b.totalUnits)],
          ]),
        ]),
      ),
    ],
    ['files', obj(bundles.map((b) => [`${b.locale}/${b.namespace}`, shortHash(b.contentHash)]))],
  ]);
  const text = writeCanonicalJson(node);
  return { text, contentHash: contentHash(text), bundleSetHash: c4.bundleSetHash, locales };
}
