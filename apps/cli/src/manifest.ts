/** The server's manifest.json (values are strings: it is written by the canonical writer). */
export interface ServerManifest {
  readonly project: string;
  readonly sourceLocale: string;
  readonly bundleSetHash: string;
  readonly namespaces: readonly string[];
  readonly locales: Readonly<Record<string, { readonly coverage: string }>>;
  readonly bundles: Readonly<
    Record<
      string,
      {
        readonly contentHash: string;
        readonly path: string;
        readonly keys: string;
        readonly units: string;
        readonly totalUnits: string;
      }
    >
  >;
}

export interface SelectedBundle {
  readonly locale: string;
  readonly namespace: string;
  readonly contentHash: string;
  readonly path: string;
  readonly units: number;
  readonly totalUnits: number;
}

export interface LocaleCoverage {
  readonly locale: string;
  readonly units: number;
  readonly totalUnits: number;
  /** Percent, rounded down to one decimal like the server's manifest. */
  readonly coverage: number;
}

export function bundlesOf(manifest: ServerManifest): SelectedBundle[] {
  return Object.entries(manifest.bundles).map(([key, b]) => {
    const slash = key.indexOf('/');
    return {
      locale: key.slice(0, slash),
      namespace: key.slice(slash + 1),
      contentHash: b.contentHash,
      path: b.path,
      units: Number(b.units),
      totalUnits: Number(b.totalUnits),
    };
  });
}

/** Coverage of each locale over the selected bundles (all namespaces unless filtered). */
export function coverageOf(bundles: readonly SelectedBundle[]): LocaleCoverage[] {
  const sums = new Map<string, { units: number; total: number }>();
  for (const b of bundles) {
    const s = sums.get(b.locale) ?? { units: 0, total: 0 };
    s.units += b.units;
    s.total += b.totalUnits;
    sums.set(b.locale, s);
  }
  return [...sums.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([locale, s]) => ({
      locale,
      units: s.units,
      totalUnits: s.total,
      coverage: s.total === 0 ? 100 : Math.floor((s.units * 1000) / s.total) / 10,
    }));
}
