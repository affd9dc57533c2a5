import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import i18next from 'i18next';
import { analyzeCorpus } from './testing/corpus-analysis';
import type { CorpusFile } from './testing/corpus-analysis';

// Repo root from this file (libs/translation-core/src), never an absolute path.
const repoRoot = resolve(__dirname, '../../..');
const fixtures = process.env['CHORUS_FIXTURES'] ?? resolve(repoRoot, '../shared/fixtures');
const dir = resolve(fixtures, 'actualbudget');

if (!existsSync(dir)) {
  describe('real-world corpus (actualbudget)', () => {
    it('is not available here', () => {
      console.warn(`skipped: corpus not found at ${dir} (set CHORUS_FIXTURES)`);
    });
  });
} else {
  const files: CorpusFile[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(resolve(dir, name), 'utf8') }));
  const summary = analyzeCorpus(files, { sourceFile: 'en.json', keySeparator: false });

  describe('real-world corpus (actualbudget)', () => {
    it('has the source catalogue and the locale files', () => {
      expect(files.length).toBeGreaterThan(40);
      const en = summary.files.find((f) => f.name === 'en.json');
      expect(en?.keys).toBe(2694);
      expect(summary.sourceUnits).toBe(2646);
    });

    it.each(summary.files.map((f) => [f.name, f] as const))(
      '%s parses without error and round-trips',
      (_name, report) => {
        expect(report.errors).toEqual([]);
        expect(report.roundTripEqual).toBe(true);
      },
    );

    it('runs the checks against en.json for every locale', () => {
      const checked = summary.files.filter((f) => f.name !== 'en.json' && f.units > 0);
      expect(checked.length).toBeGreaterThan(30);
      // Every translated unit of a real file maps to a source unit, except texts a tool nested by mistake.
      for (const f of checked) expect(f.orphans).toBeLessThanOrEqual(f.units);
      expect(summary.findingsByCode.size).toBeGreaterThan(3);
    });

    it('finds the known real problems', () => {
      const uk = summary.files.find((f) => f.name === 'uk.json');
      expect(uk?.warnings.some((w) => w.code === 'NESTED_IN_FLAT_FILE')).toBe(true);
      expect(summary.findingsByCode.get('PLURAL_FORM_MISSING') ?? 0).toBeGreaterThan(0);
    });

    it('loads a real exported file into i18next unchanged', async () => {
      const pl = summary.files.find((f) => f.name === 'pl.json')?.catalogue;
      expect(pl).toBeTruthy();
      if (!pl) return;
      const { serializeI18nextJson } = await import('./export/serialize');
      const out = serializeI18nextJson(pl);
      if (!out.ok) throw new Error('serialize failed');
      const inst = i18next.createInstance();
      await inst.init({
        lng: 'pl',
        resources: { pl: { translation: JSON.parse(out.value) as Record<string, string> } },
        keySeparator: false,
        nsSeparator: false,
        interpolation: { escapeValue: false },
      });
      const key = '{{count}} transactions';
      expect(inst.t(key, { count: 1 })).toBe(
        pl.units.find((u) => u.key === key)?.forms.one?.replace('{{count}}', '1'),
      );
    });
  });
}
