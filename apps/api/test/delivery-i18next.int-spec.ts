import i18next from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { DataSource } from 'typeorm';
import { buildBundles } from './support/bundle-build';
import { localeId, seedNamespace, seedWinner, type SeededCatalogue } from './support/delivery-seed';
import { signedInClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';

const EN = JSON.stringify({
  title: 'Budget',
  menu: { open: 'Open file', close: 'Close file' },
  transaction_one: '{{count}} transaction',
  transaction_other: '{{count}} transactions',
  undecided: 'Only in English',
});

describe('delivery: a real i18next client loads the bundles over HTTP', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    const ds = api.app.get(DataSource);
    const owner = await signedInClient(api.baseUrl, 'owner');
    const created = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation { createProject(input: { slug: "app", name: "App", sourceLocale: "en" }) { id } }',
    );
    const projectId = created.createProject.id;
    const catalogue: SeededCatalogue = await seedNamespace(ds, projectId, 'translation', 'en', EN);
    const decide = async (locale: string, unitId: string, forms: Record<string, string>) => {
      const s = catalogue.strings.get(unitId);
      if (s === undefined) throw new Error(unitId);
      await seedWinner(ds, {
        projectId,
        stringId: s.id,
        localeId: await localeId(ds, projectId, locale),
        authorId: owner.id,
        forms,
        sourceHash: s.unit.sourceHash,
      });
    };
    await decide('pl', 's:title', { '': 'Budżet' });
    await decide('pl', 's:menu.open', { '': 'Otwórz plik' });
    await decide('pl', 'p:transaction', {
      one: '{{count}} transakcja',
      few: '{{count}} transakcje',
      many: '{{count}} transakcji',
      other: '{{count}} transakcji (ułamek)',
    });
    await decide('ar', 'p:transaction', {
      zero: 'لا معاملات',
      one: 'معاملة واحدة',
      two: 'معاملتان',
      few: '{{count}} معاملات',
      many: '{{count}} معاملة',
      other: '{{count}} معاملة (أخرى)',
    });
    await buildBundles(api.app, projectId);
  });

  afterAll(async () => {
    await flushQueueKeys(api.config);
    await api.close();
  });

  async function client(lng: string) {
    const instance = i18next.createInstance();
    await instance.use(HttpBackend).init({
      lng,
      fallbackLng: 'en',
      ns: ['translation'],
      defaultNS: 'translation',
      backend: { loadPath: `${api.baseUrl}/bundles/app/{{lng}}/{{ns}}.json` },
      interpolation: { escapeValue: false },
    });
    return instance;
  }

  it('renders pl winners, every pl plural form, and falls back to the source for undecided keys', async () => {
    const i18n = await client('pl');
    expect(i18n.t('title')).toBe('Budżet');
    expect(i18n.t('menu.open')).toBe('Otwórz plik');
    expect(i18n.t('menu.close')).toBe('Close file');
    expect(i18n.t('undecided')).toBe('Only in English');
    expect(i18n.t('transaction', { count: 1 })).toBe('1 transakcja');
    expect(i18n.t('transaction', { count: 3 })).toBe('3 transakcje');
    expect(i18n.t('transaction', { count: 5 })).toBe('5 transakcji');
    expect(i18n.t('transaction', { count: 1.5 })).toBe('1.5 transakcji (ułamek)');
  });

  it('renders all six ar plural forms', async () => {
    const i18n = await client('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => i18n.t('transaction', { count }))).toEqual([
      'لا معاملات',
      'معاملة واحدة',
      'معاملتان',
      '3 معاملات',
      '11 معاملة',
      '100 معاملة (أخرى)',
    ]);
    expect(i18n.t('title')).toBe('Budget');
  });
});
