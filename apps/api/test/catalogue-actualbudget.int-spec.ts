import { buildSourceUnits, isKnownPluralLocale, parseI18nextJson } from '@chorus/translation-core';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { pushCatalogue } from './support/catalogue-http';
import { signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const fixtures =
  process.env['CHORUS_FIXTURES'] ?? resolve(__dirname, '../../../../shared/fixtures');
const dir = resolve(fixtures, 'actualbudget');
const present = existsSync(resolve(dir, 'en.json'));

/** What the files say: source units, and per locale the non-empty units whose key the source has. */
function expectedCounts(files: readonly string[]): {
  source: number;
  perLocale: Map<string, number>;
} {
  const parse = (file: string, locale: string) => {
    const parsed = parseI18nextJson(readFileSync(resolve(dir, file), 'utf8'), {
      locale,
      keySeparator: false,
    });
    if (!parsed.ok) throw new Error(`${file}: ${parsed.errors[0]?.message ?? ''}`);
    return parsed.value.catalogue.units;
  };
  const source = buildSourceUnits({
    namespace: 'translation',
    locale: 'en',
    keySeparator: false,
    units: parse('en.json', 'en'),
  });
  const ids = new Set(source.map((u) => u.id));
  const perLocale = new Map<string, number>();
  for (const file of files) {
    const locale = Intl.getCanonicalLocales(file.replace(/\.json$/, ''))[0] ?? '';
    const units = parse(file, locale).filter(
      (u) =>
        ids.has(u.id) && Object.values(u.forms).some((t) => t !== undefined && t.trim() !== ''),
    );
    perLocale.set(locale, units.length);
  }
  return { source: source.length, perLocale };
}

describe('importing the actualbudget corpus through the HTTP endpoint', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
  });

  afterAll(() => api.close());

  it('stores every source string and every translation the files hold', async () => {
    if (!present) {
      process.stdout.write(
        `actualbudget fixtures not found at ${dir}: corpus import test skipped\n`,
      );
      return;
    }
    const { client } = await signedInClient(api.baseUrl, 'owner');
    await client.ok(
      'mutation { createProject(input: { slug: "actual", name: "Actual", sourceLocale: "en" }) { slug } }',
    );
    const token = await client.ok<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(project: "actual", name: "ci", scopes: [push]) { secret } }',
    );
    const auth = { token: token.createApiToken.secret };
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'en.json')
      .sort();
    const expected = expectedCounts(files);
    const db = api.app.get(DataSource);
    const started = performance.now();

    const source = await pushCatalogue(
      api.baseUrl,
      '/api/projects/actual/catalogues/translation',
      readFileSync(resolve(dir, 'en.json'), 'utf8'),
      auth,
    );
    expect(source.status).toBe(200);
    expect(source.body).toMatchObject({
      kind: 'source',
      added: expected.source,
      imported: expected.source,
    });

    const refused: string[] = [];
    for (const file of files) {
      const locale = file.replace(/\.json$/, '');
      const result = await pushCatalogue(
        api.baseUrl,
        `/api/projects/actual/catalogues/translation?locale=${locale}`,
        readFileSync(resolve(dir, file), 'utf8'),
        auth,
      );
      if (!isKnownPluralLocale(locale)) {
        // aii.json ({} in the corpus): no pinned plural rules, so the locale is refused by design.
        expect([file, result.status, (result.body['error'] as { code: string }).code]).toEqual([
          file,
          400,
          'UNKNOWN_LOCALE',
        ]);
        refused.push(locale);
        continue;
      }
      if (result.status !== 200) throw new Error(`${file}: ${JSON.stringify(result.body)}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    const strings: { n: string }[] = await db.query(
      'SELECT count(*) AS n FROM source_string WHERE removed_at IS NULL',
    );
    expect(Number(strings[0]?.n)).toBe(expected.source);
    const rows: { code: string; n: string; winners: string }[] = await db.query(
      `SELECT l.code, count(t.id) AS n, count(u.winner_translation_id) FILTER (WHERE u.winner_translation_id = t.id) AS winners
       FROM locale l JOIN translation_unit u ON u.locale_id = l.id JOIN translation t ON t.unit_id = u.id
       GROUP BY l.code ORDER BY l.code`,
    );
    const stored = new Map(rows.map((r) => [r.code, Number(r.n)]));
    for (const [locale, count] of expected.perLocale) {
      if (refused.includes(locale)) continue;
      expect([locale, stored.get(locale) ?? 0]).toEqual([locale, count]);
    }
    const totalTranslations = rows.reduce((sum, r) => sum + Number(r.n), 0);
    const totalWinners = rows.reduce((sum, r) => sum + Number(r.winners), 0);
    process.stdout.write(
      `actualbudget: ${expected.source} source strings, ${files.length - refused.length} locales (refused: ${refused.join(', ')}), ${totalTranslations} translations (${totalWinners} decided winners) in ${seconds} s\n`,
    );
    expect(refused).toEqual(['aii']);
    const locales: { n: string }[] = await db.query('SELECT count(*) AS n FROM locale');
    expect(Number(locales[0]?.n)).toBe(files.length - 1);
    expect(totalWinners).toBeGreaterThan(totalTranslations * 0.9);
  });
});
