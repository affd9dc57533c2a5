import fc from 'fast-check';
import { decodeIndex, encodeIndex, hasMarkers, indicesIn, strip, tokenize, wrap } from './markers';

describe('markers', () => {
  it('encodes any index and decodes it back', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(decodeIndex(encodeIndex(n))).toBe(n);
      }),
    );
  });

  it('refuses negative or fractional indices', () => {
    expect(() => encodeIndex(-1)).toThrow(RangeError);
    expect(() => encodeIndex(1.5)).toThrow(RangeError);
  });

  it('adds only invisible format characters and strips back to the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(10_000), (text, n) => {
        const marked = wrap(text, n);
        expect(marked.replace(/[\u2060-\u2064]/g, '')).toBe(text.replace(/[\u2060-\u2064]/g, ''));
        expect(hasMarkers(marked)).toBe(true);
        if (!/[\u2060-\u2064]/.test(text)) expect(strip(marked)).toBe(text);
      }),
    );
  });

  it('leaves unmarked text alone', () => {
    expect(hasMarkers('Save changes')).toBe(false);
    expect(strip('Save changes')).toBe('Save changes');
    // A lone word joiner in app text is not a marker.
    expect(strip('a\u2060b')).toBe('a\u2060b');
  });

  it('tokenizes nested strings in order, outermost first', () => {
    const inner = wrap('Ada', 7);
    const outer = wrap(`Hello ${inner}!`, 2);
    expect(tokenize(outer)).toEqual([
      { kind: 'open', index: 2 },
      { kind: 'text', text: 'Hello ' },
      { kind: 'open', index: 7 },
      { kind: 'text', text: 'Ada' },
      { kind: 'close' },
      { kind: 'text', text: '!' },
      { kind: 'close' },
    ]);
    expect(indicesIn(outer)).toEqual([2, 7]);
    expect(strip(outer)).toBe('Hello Ada!');
  });
});
