import { sha256Hex } from '@chorus/translation-core';
import { nativeSha256Hex } from './native-sha256';

describe('nativeSha256Hex', () => {
  it('answers what translation-core’s portable SHA-256 answers', () => {
    const texts = [
      '',
      'abc',
      'Hello {{name}}',
      '"{\\"one\\":\\"{{count}} item\\",\\"other\\":\\"{{count}} items\\"}"',
      'Zażółć gęślą jaźń — ünïcödé',
      '日本語のテキスト',
      'emoji 🙂 and 𝄞 outside the BMP',
      'lone \ud800 high and \udc00 low surrogates',
      'x'.repeat(55),
      'y'.repeat(64),
      'z'.repeat(1_000),
      '\u0000 nul',
    ];
    for (const text of texts) expect(nativeSha256Hex(text)).toBe(sha256Hex(text));
  });
});
