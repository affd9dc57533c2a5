// Benchmark: parse + check + serialize of the real-world corpus and of a generated 50k-key catalogue.
// Run: npm run bench -- translation-core
//   or SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/translation-core/scripts/bench.ts
// Prints a table and rewrites the "translation-core" section of docs/benchmarks.md (other sections kept).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import {
  buildBundle,
  buildSourceUnits,
  checkTranslation,
  isKnownPluralLocale,
  parseI18nextJson,
  serializeI18nextJson,
} from '../src/index';
import type { BundleUnitInput, Catalogue, KeySeparator, SourceUnit } from '../src/index';
import { corpusDir, readCorpus, repoRoot } from './fixtures';

interface Input {
  readonly name: string;
  readonly locale: string;
  readonly text: string;
}

interface Row {
  readonly scenario: string;
  readonly files: number;
  readonly keys: number;
  readonly bytes: number;
  readonly parse: number;
  readonly check: number;
  readonly serialize: number;
  readonly bundle: number;
}

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function parseAll(inputs: readonly Input[], keySeparator: KeySeparator): Catalogue[] {
  return inputs.map((i) => {
    const r = parseI18nextJson(i.text, {
      locale: i.locale,
      keySeparator,
      limits: { maxKeys: 1_000_000 },
    });
    if (!r.ok) throw new Error(`${i.name}: ${r.errors[0]?.message ?? ''}`);
    return r.value.catalogue;
  });
}

function run(
  scenario: string,
  inputs: readonly Input[],
  sourceName: string,
  keySeparator: KeySeparator,
): Row {
  const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);
  const parse: number[] = [];
  const check: number[] = [];
  const serialize: number[] = [];
  const bundle: number[] = [];
  let keys = 0;
  for (let r = 0; r <= RUNS; r++) {
    let catalogues: Catalogue[] = [];
    const tp = time(() => {
      catalogues = parseAll(inputs, keySeparator);
    });
    const sourceIndex = inputs.findIndex((i) => i.name === sourceName);
    const source = buildSourceUnits(catalogues[sourceIndex] as Catalogue);
    const byId = new Map<string, SourceUnit>(source.map((u) => [u.id, u]));
    const sourceLocale = inputs[sourceIndex]?.locale ?? 'en';
    let findings = 0;
    const tc = time(() => {
      catalogues.forEach((c, i) => {
        if (i === sourceIndex) return;
        for (const u of c.units) {
          const s = byId.get(u.id);
          if (s)
            findings += checkTranslation({
              source: s,
              sourceLocale,
              targetLocale: c.locale,
              forms: u.forms,
            }).length;
        }
      });
    });
    const ts = time(() => {
      for (const c of catalogues) {
        const out = serializeI18nextJson(c);
        if (!out.ok) throw new Error('serialize failed');
      }
    });
    // Delivery: one bundle per locale from the translated units treated as decided winners.
    const tb = time(() => {
      catalogues.forEach((c, i) => {
        if (!isKnownPluralLocale(c.locale)) return; // e.g. aii: no CLDR plural rules, no bundle
        const winners = new Map(c.units.map((u) => [u.id, u.forms]));
        const units: BundleUnitInput[] = source.map((u) => {
          const forms = i === sourceIndex ? undefined : winners.get(u.id);
          return forms ? { unit: u, winner: { forms, sourceHash: u.sourceHash } } : { unit: u };
        });
        const b = buildBundle(units, {
          namespace: 'translation',
          locale: c.locale,
          sourceLocale,
          keySeparator,
        });
        if (!b.ok) throw new Error(`bundle failed for ${c.locale}: ${b.errors[0]?.message ?? ''}`);
      });
    });
    keys = catalogues.reduce(
      (n, c) => n + c.units.reduce((m, u) => m + Object.keys(u.forms).length, 0),
      0,
    );
    if (r === 0) continue; // warm-up
    parse.push(tp);
    check.push(tc);
    serialize.push(ts);
    bundle.push(tb);
    if (findings < 0) throw new Error('unreachable');
  }
  return {
    scenario,
    files: inputs.length,
    keys,
    bytes,
    parse: median(parse),
    check: median(check),
    serialize: median(serialize),
    bundle: median(bundle),
  };
}

/** A deterministic 50,000-key catalogue: nested keys, plurals, placeholders and Trans tags, plus a translation. */
function generated(): Input[] {
  const source: string[] = [];
  const target: string[] = [];
  let keys = 0;
  let i = 0;
  const entries: [string, string, string][] = [];
  while (keys < 50_000) {
    const group = `section${i % 97}.page${i % 13}`;
    if (i % 10 === 0) {
      for (const [cat, en, pl] of [
        ['one', `{{count}} file ${i}`, `{{count}} plik ${i}`],
        ['few', `{{count}} files ${i}`, `{{count}} pliki ${i}`],
        ['many', `{{count}} files ${i}`, `{{count}} plików ${i}`],
        ['other', `{{count}} files ${i}`, `{{count}} pliku ${i}`],
      ] as const) {
        entries.push([`${group}.item${i}_${cat}`, en, pl]);
        keys++;
      }
    } else {
      entries.push([
        `${group}.key${i}`,
        `Hello <1>{{name}}</1>, you have {{n, number}} new messages in ${i}.`,
        `Cześć <1>{{name}}</1>, masz {{n, number}} nowych wiadomości w ${i}.`,
      ]);
      keys++;
    }
    i++;
  }
  for (const [k, en, pl] of entries) {
    source.push(`  ${JSON.stringify(k)}: ${JSON.stringify(en)}`);
    target.push(`  ${JSON.stringify(k)}: ${JSON.stringify(pl)}`);
  }
  return [
    { name: 'en.json', locale: 'en', text: `{\n${source.join(',\n')}\n}\n` },
    { name: 'pl.json', locale: 'pl', text: `{\n${target.join(',\n')}\n}\n` },
  ];
}

/** A Markdown table laid out the way Prettier formats it, so the recorded file stays format-clean. */
function markdownTable(
  header: readonly string[],
  right: readonly boolean[],
  body: readonly (readonly string[])[],
): string {
  const widths = header.map((h, c) =>
    Math.max(h.length, 3, ...body.map((r) => (r[c] ?? '').length)),
  );
  const cell = (text: string, c: number): string =>
    right[c] ? text.padStart(widths[c] ?? 0) : text.padEnd(widths[c] ?? 0);
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (right[c] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

function table(rows: readonly Row[]): string {
  const header = [
    'scenario',
    'files',
    'keys',
    'MB',
    'parse ms',
    'check ms',
    'serialize ms',
    'bundle ms',
    'parse+check+serialize ms',
    'MB/s',
  ];
  const body = rows.map((r) => {
    const total = r.parse + r.check + r.serialize;
    const mb = r.bytes / 1e6;
    return [
      r.scenario,
      String(r.files),
      String(r.keys),
      mb.toFixed(2),
      r.parse.toFixed(0),
      r.check.toFixed(0),
      r.serialize.toFixed(0),
      r.bundle.toFixed(0),
      total.toFixed(0),
      (mb / (total / 1000)).toFixed(1),
    ];
  });
  return markdownTable(
    header,
    header.map((_, i) => i > 0),
    body,
  );
}

const rows: Row[] = [];
const corpus = readCorpus();
if (corpus === null)
  console.log(`corpus not found at ${corpusDir()}: only the generated catalogue is measured`);
else {
  rows.push(
    run(
      'actualbudget corpus (flat)',
      corpus.map((f) => ({ name: f.name, locale: f.name.replace(/\.json$/, ''), text: f.text })),
      'en.json',
      false,
    ),
  );
}
rows.push(run('generated 50k keys, en + pl (nested)', generated(), 'en.json', '.'));

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
// The machine is shared with other work; the load average says how much the numbers may be inflated.
const load = `load average ${loadavg()[0]?.toFixed(1) ?? '?'} before the run`;
const result = table(rows);
console.log(result);
console.log(`\n${date}, ${machine}, ${load}; median of ${RUNS} runs after one warm-up.`);

const section = [
  '## translation-core',
  '',
  `Measured ${date} on ${machine} (${load}) with \`npm run bench -- translation-core\`; median of ${RUNS} runs after one warm-up.`,
  'parse = strict tokenizer + unit grouping; check = every A9/C4 check of each translated unit against en;',
  'serialize = canonical C4 writer; bundle = export selection + canonical write + SHA-256 per locale.',
  'MB/s = input bytes / (parse + check + serialize).',
  '',
  result,
  '',
].join('\n');
const docs = resolve(repoRoot, 'docs/benchmarks.md');
const before = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
const start = before.indexOf('\n## translation-core');
let after: string;
if (start < 0) after = `${before.trimEnd()}\n\n${section}`;
else {
  const next = before.indexOf('\n## ', start + 1);
  after = `${before.slice(0, start)}\n${section}${next < 0 ? '' : `\n${before.slice(next + 1)}`}`;
}
writeFileSync(docs, after.endsWith('\n') ? after : `${after}\n`);
console.log(`recorded in ${docs}`);
