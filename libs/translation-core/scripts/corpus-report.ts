// Prints a summary of the real-world corpus: files, keys, parse warnings and check findings per code.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/translation-core/scripts/corpus-report.ts
import { CHECK_SEVERITY } from '../src/index';
import type { CheckCode } from '../src/index';
import { analyzeCorpus } from '../src/testing/corpus-analysis';
import { corpusDir, readCorpus } from './fixtures';

const files = readCorpus();
if (files === null) {
  console.log(`skipped: corpus not found at ${corpusDir()} (set CHORUS_FIXTURES)`);
  process.exit(0);
}
const summary = analyzeCorpus(files, {
  sourceFile: 'en.json',
  keySeparator: false,
  examplesPerCode: 1,
});
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const locales = summary.files.filter((f) => f.name !== 'en.json');
const translated = locales.filter((f) => f.units > 0);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const en = summary.files.find((f) => f.name === 'en.json');

console.log('# translation-core corpus report (actualbudget)');
console.log('');
console.log(
  `files:              ${files.length} (${(bytes / 1024).toFixed(0)} KiB), ${locales.length} locales + en.json`,
);
console.log(`parse errors:       ${sum(summary.files.map((f) => f.errors.length))}`);
console.log(
  `round-trip equal:   ${summary.files.filter((f) => f.roundTripEqual).length}/${files.length}`,
);
console.log(`source (en.json):   ${en?.keys ?? 0} keys → ${summary.sourceUnits} units`);
console.log(
  `locale files:       ${translated.length} non-empty, ${locales.length - translated.length} empty ({})`,
);
console.log(
  `translated keys:    ${sum(locales.map((f) => f.keys))} in ${sum(locales.map((f) => f.units))} units`,
);
console.log(`units without source: ${sum(locales.map((f) => f.orphans))}`);
console.log('');
console.log('parse warnings by code:');
for (const [code, n] of [...summary.warningsByCode].sort((a, b) => b[1] - a[1]))
  console.log(`  ${code.padEnd(26)} ${n}`);
console.log('');
const findings = [...summary.findingsByCode].sort((a, b) => b[1] - a[1]);
const errors = sum(
  findings.filter(([c]) => CHECK_SEVERITY[c as CheckCode] === 'error').map(([, n]) => n),
);
console.log(
  `check findings by code (${errors} errors, ${sum(findings.map(([, n]) => n)) - errors} warnings):`,
);
for (const [code, n] of findings)
  console.log(
    `  ${code.padEnd(26)} ${String(n).padStart(5)}  ${CHECK_SEVERITY[code as CheckCode]}`,
  );
console.log('');
console.log('per locale (units / E / W):');
const rows = translated.map((f) => {
  const e = f.findings.filter((x) => x.severity === 'error').length;
  return `${f.locale}: ${f.units}/${e}/${f.findings.length - e}`;
});
for (let i = 0; i < rows.length; i += 6) console.log(`  ${rows.slice(i, i + 6).join('   ')}`);
console.log('');
console.log('one example per code:');
for (const ex of summary.examples) {
  console.log(
    `- [${ex.finding.code}] ${ex.file} "${ex.key}" (form ${JSON.stringify(ex.finding.form)})`,
  );
  console.log(`    source:      ${JSON.stringify(ex.source)}`);
  console.log(`    translation: ${JSON.stringify(ex.translation)}`);
  console.log(`    message:     ${ex.finding.message}`);
}
