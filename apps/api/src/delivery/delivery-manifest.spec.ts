import { buildDeliveryManifest, coveragePercent } from './delivery-manifest';

const hash = (c: string) => c.repeat(64);

describe('delivery manifest', () => {
  it('rounds coverage down so an almost complete locale never reads 100', () => {
    expect(coveragePercent(9999, 10000)).toBe('99.9');
    expect(coveragePercent(1, 3)).toBe('33.3');
    expect(coveragePercent(0, 0)).toBe('100.0');
    expect(coveragePercent(0, 7)).toBe('0.0');
  });

  it('is the same bytes whatever the order of bundles', () => {
    const bundles = [
      {
        locale: 'pl',
        namespace: 'b',
        contentHash: hash('a'),
        keyCount: 3,
        unitCount: 2,
        totalUnits: 4,
      },
      {
        locale: 'pl',
        namespace: 'a',
        contentHash: hash('b'),
        keyCount: 1,
        unitCount: 1,
        totalUnits: 1,
      },
      {
        locale: 'en',
        namespace: 'a',
        contentHash: hash('c'),
        keyCount: 1,
        unitCount: 1,
        totalUnits: 1,
      },
    ];
    const project = { slug: 'shop', sourceLocale: 'en' };
    const one = buildDeliveryManifest(project, bundles);
    const two = buildDeliveryManifest(project, [...bundles].reverse());
    expect(two.text).toBe(one.text);
    expect(one.locales.map((l) => [l.locale, l.coverage])).toEqual([
      ['en', '100.0'],
      ['pl', '60.0'],
    ]);
    const parsed = JSON.parse(one.text) as { files: Record<string, string> };
    expect(parsed.files).toEqual({
      'en/a': 'c'.repeat(12),
      'pl/a': 'b'.repeat(12),
      'pl/b': 'a'.repeat(12),
    });
  });
});
