import { EXIT } from '../failure';
import type { ChorusHttp } from '../http';
import type { CliIo } from '../io';
import { bundlesOf, coverageOf, type ServerManifest } from '../manifest';

/** `chorus status`: coverage per locale, from the manifest. */
export async function status(
  io: CliIo,
  http: ChorusHttp,
  options: { readonly project: string; readonly json: boolean },
): Promise<number> {
  const { body: manifest } = await http.json<ServerManifest>(
    `/bundles/${encodeURIComponent(options.project)}/manifest.json?fresh=1`,
  );
  const coverage = coverageOf(bundlesOf(manifest));
  if (options.json) {
    io.out(
      `${JSON.stringify({
        project: options.project,
        sourceLocale: manifest.sourceLocale,
        bundleSetHash: manifest.bundleSetHash,
        namespaces: manifest.namespaces,
        locales: coverage,
      })}\n`,
    );
    return EXIT.ok;
  }
  io.out(
    `${options.project} (source ${manifest.sourceLocale}, ${manifest.namespaces.length} namespace(s))\n`,
  );
  const width = Math.max(6, ...coverage.map((c) => c.locale.length));
  for (const c of coverage) {
    const source = c.locale === manifest.sourceLocale ? '  (source)' : '';
    io.out(
      `  ${c.locale.padEnd(width)}  ${c.coverage.toFixed(1).padStart(5)}%  ${c.units}/${c.totalUnits}${source}\n`,
    );
  }
  return EXIT.ok;
}
