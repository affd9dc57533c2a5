import { decodeUtf8 } from './decode-utf8';

describe('decodeUtf8', () => {
  it('decodes UTF-8, dropping a byte-order mark', () => {
    expect(decodeUtf8(Buffer.from('{"a":"Zażółć"}'))).toBe('{"a":"Zażółć"}');
    expect(decodeUtf8(Buffer.from('\uFEFF{"a":1}'))).toBe('{"a":1}');
  });

  it.each([
    ['a lone continuation byte', [0x7b, 0x80, 0x7d]],
    ['a truncated sequence', [0x22, 0xc5, 0x22]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['Latin-1 text', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]],
  ])('refuses %s instead of storing U+FFFD', (_name, bytes) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toBeNull();
  });
});
