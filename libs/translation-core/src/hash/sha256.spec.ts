import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex, toHex, sha256Bytes } from './sha256';
import { utf8Encode, utf8Length } from './utf8';
import { contentHash, shortHash } from './content-hash';

describe('sha256 (FIPS 180-4 vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('hashes %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('hashes one million "a"', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('handles every padding boundary (55, 56, 63, 64, 65 bytes)', () => {
    for (const n of [55, 56, 57, 63, 64, 65, 119, 120, 128]) {
      const s = 'x'.repeat(n);
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });

  it('matches node:crypto on arbitrary strings, including lone surrogates (encoded as U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const bytes = utf8Encode(s);
        expect(bytes.length).toBe(utf8Length(s));
        expect(Buffer.from(bytes).equals(Buffer.from(s, 'utf8'))).toBe(true);
        expect(toHex(sha256Bytes(bytes))).toBe(
          createHash('sha256').update(s, 'utf8').digest('hex'),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('content hash (C4)', () => {
  it('hashes the empty namespace bytes {}\\n to ca3d163b…e442356', () => {
    const h = contentHash('{}\n');
    expect(h).toBe('ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356');
    expect(h.startsWith('ca3d163b')).toBe(true);
    expect(h.endsWith('e442356')).toBe(true);
    expect(shortHash(h)).toBe('ca3d163bab05');
  });
});
