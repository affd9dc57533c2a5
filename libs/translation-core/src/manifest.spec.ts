import { createHash } from 'node:crypto';
import { buildManifest, bundleFilePath, bundleSetHash } from './manifest';
import { contentHash } from './hash/content-hash';

const files = [
  { locale: 'pl', namespace: 'translation', contentHash: contentHash('{\n  "a": "b"\n}\n') },
  { locale: 'de', namespace: 'translation', contentHash: contentHash('{}\n') },
  { locale: 'de', namespace: 'common', contentHash: contentHash('{}\n') },
];

describe('manifest and bundle set hash (C4)', () => {
  it('maps "{lng}/{ns}" to the short hash, canonically', () => {
    const m = buildManifest(files);
    expect(m.text).toBe(
      `{\n  "de/common": "ca3d163bab05",\n  "de/translation": "ca3d163bab05",\n  "pl/translation": "${files[0]!.contentHash.slice(0, 12)}"\n}\n`,
    );
    expect(m.contentHash).toBe(contentHash(m.text));
    expect(m.shortHash).toBe(m.contentHash.slice(0, 12));
  });

  it('is independent of input order', () => {
    expect(buildManifest([...files].reverse())).toEqual(buildManifest(files));
  });

  it('hashes the sorted lines lng \\t ns \\t contentHash \\n', () => {
    const lines = files.map((f) => `${f.locale}\t${f.namespace}\t${f.contentHash}\n`).sort();
    expect(bundleSetHash(files)).toBe(createHash('sha256').update(lines.join('')).digest('hex'));
    expect(buildManifest(files).bundleSetHash).toBe(bundleSetHash(files));
  });

  it('builds cache-busting file paths', () => {
    expect(bundleFilePath(files[1]!)).toBe('locales/de/translation.ca3d163bab05.json');
  });

  it('refuses the same file twice', () => {
    expect(() => buildManifest([files[0]!, files[0]!])).toThrow(RangeError);
  });
});
