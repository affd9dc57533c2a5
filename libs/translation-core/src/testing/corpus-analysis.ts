// Pure analysis of a directory of i18next files (the real-world corpus): used by the corpus test and by
// scripts/corpus-report.ts. File reading stays with the callers, so this module needs no Node APIs.
import type { Finding } from '../checks/finding';
import { checkTranslation } from '../checks/check-translation';
import type { CatalogueError } from '../json/parse-errors';
import type { ParseWarning } from '../json/parse-errors';
import { parseI18nextJson } from '../json/parse-i18next';
import type { Catalogue, KeySeparator, SourceUnit } from '../model';
import { buildSourceUnits } from '../source-hash';
import { serializeI18nextJson } from '../export/serialize';

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

export interface CorpusExample {
  readonly file: string;
  readonly key: string;
  readonly finding: Finding;
  readonly source: string;
  readonly translation: string;
}

export interface FileReport {
  readonly name: string;
  readonly locale: string;
  readonly bytes: number;
  readonly errors: readonly CatalogueError[];
  readonly warnings: readonly ParseWarning[];
  readonly keys: number;
  readonly units: number;
  /** Units whose id is not in the source catalogue. */
  readonly orphans: number;
  readonly findings: readonly Finding[];
  readonly roundTripEqual: boolean;
  readonly catalogue: Catalogue | null;
}

export interface CorpusSummary {
  readonly files: readonly FileReport[];
  readonly sourceUnits: number;
  readonly findingsByCode: ReadonlyMap<string, number>;
  readonly warningsByCode: ReadonlyMap<string, number>;
  readonly examples: readonly CorpusExample[];
}

/** Flattens parsed JSON into path → value pairs (the "semantic" content of a file). */
export function flattenJson(
  value: unknown,
  prefix: readonly string[] = [],
  out = new Map<string, string>(),
): Map<string, string> {
  if (typeof value === 'string') out.set(JSON.stringify(prefix), value);
  else if (Array.isArray(value))
    value.forEach((v: unknown, i) => flattenJson(v, [...prefix, `#${i}`], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      flattenJson(v, [...prefix, k], out);
  }
  return out;
}

function sameContent(a: string, b: string): boolean {
  const fa = flattenJson(JSON.parse(a) as unknown);
  const fb = flattenJson(JSON.parse(b) as unknown);
  // Empty strings are never written (C4), so they do not count as content.
  for (const [k, v] of fa) if (v === '') fa.delete(k);
  if (fa.size !== fb.size) return false;
  for (const [k, v] of fa) if (fb.get(k) !== v) return false;
  return true;
}

export function localeOfFile(name: string): string {
  return name.replace(/\.json$/, '');
}

export function analyzeCorpus(
  files: readonly CorpusFile[],
  options: { sourceFile: string; keySeparator: KeySeparator; examplesPerCode?: number },
): CorpusSummary {
  const sourceText = files.find((f) => f.name === options.sourceFile)?.text;
  let source = new Map<string, SourceUnit>();
  const sourceLocale = localeOfFile(options.sourceFile);
  if (sourceText !== undefined) {
    const r = parseI18nextJson(sourceText, {
      locale: sourceLocale,
      keySeparator: options.keySeparator,
    });
    if (r.ok) source = new Map(buildSourceUnits(r.value.catalogue).map((u) => [u.id, u]));
  }
  const reports: FileReport[] = [];
  const findingsByCode = new Map<string, number>();
  const warningsByCode = new Map<string, number>();
  const examples: CorpusExample[] = [];
  const perCode = new Map<string, number>();
  for (const file of files) {
    const locale = localeOfFile(file.name);
    const parsed = parseI18nextJson(file.text, { locale, keySeparator: options.keySeparator });
    if (!parsed.ok) {
      reports.push({
        name: file.name,
        locale,
        bytes: file.text.length,
        errors: parsed.errors,
        warnings: [],
        keys: 0,
        units: 0,
        orphans: 0,
        findings: [],
        roundTripEqual: false,
        catalogue: null,
      });
      continue;
    }
    const { catalogue, warnings } = parsed.value;
    for (const w of warnings) warningsByCode.set(w.code, (warningsByCode.get(w.code) ?? 0) + 1);
    const out = serializeI18nextJson(catalogue);
    const roundTripEqual = out.ok && sameContent(file.text, out.value);
    const findings: Finding[] = [];
    let orphans = 0;
    let keys = 0;
    for (const unit of catalogue.units) {
      keys += Object.keys(unit.forms).length;
      if (file.name === options.sourceFile) continue;
      const src = source.get(unit.id);
      if (!src) {
        orphans++;
        continue;
      }
      for (const f of checkTranslation({
        source: src,
        sourceLocale,
        targetLocale: locale,
        forms: unit.forms,
      })) {
        findings.push(f);
        findingsByCode.set(f.code, (findingsByCode.get(f.code) ?? 0) + 1);
        const seen = perCode.get(f.code) ?? 0;
        if (seen < (options.examplesPerCode ?? 2)) {
          perCode.set(f.code, seen + 1);
          examples.push({
            file: file.name,
            key: unit.key,
            finding: f,
            source: (f.form === '' ? src.forms[''] : (src.forms[f.form] ?? src.forms.other)) ?? '',
            translation: unit.forms[f.form] ?? '',
          });
        }
      }
    }
    reports.push({
      name: file.name,
      locale,
      bytes: file.text.length,
      errors: [],
      warnings,
      keys,
      units: catalogue.units.length,
      orphans,
      findings,
      roundTripEqual,
      catalogue,
    });
  }
  return { files: reports, sourceUnits: source.size, findingsByCode, warningsByCode, examples };
}
