import { readImageHeader } from './image-header';
import { parseRegions } from './regions';

describe('readImageHeader', () => {
  it('reads PNG, JPEG and WebP sizes from their own bytes', () => {
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(1280, 16);
    png.writeUInt32BE(720, 20);
    expect(readImageHeader(png)).toEqual({ type: 'image/png', width: 1280, height: 720 });

    // SOI, an APP0 segment to skip, then SOF0 (height 600, width 800).
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58,
      0x03, 0x20, 0x03, 0x01, 0x22, 0x00,
    ]);
    expect(readImageHeader(jpeg)).toEqual({ type: 'image/jpeg', width: 800, height: 600 });

    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'latin1');
    webp.write('WEBP', 8, 'latin1');
    webp.write('VP8X', 12, 'latin1');
    webp.writeUIntLE(1023, 24, 3);
    webp.writeUIntLE(767, 27, 3);
    expect(readImageHeader(webp)).toEqual({ type: 'image/webp', width: 1024, height: 768 });
  });

  it('refuses anything else (SVG, HTML, truncated headers)', () => {
    expect(readImageHeader(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(readImageHeader(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
  });
});

describe('parseRegions', () => {
  const image = { width: 100, height: 50 };
  const region = { namespace: 'translation', key: 'a', x: 0, y: 0, width: 10, height: 10 };

  it('keeps the first region of a key shown twice', () => {
    const out = parseRegions(JSON.stringify([region, { ...region, x: 5 }]), image);
    expect(out).toEqual([region]);
  });

  it.each([
    ['not JSON', '{'],
    ['not an array', '{}'],
    ['empty', '[]'],
    ['outside the image', JSON.stringify([{ ...region, x: 95 }])],
    ['negative', JSON.stringify([{ ...region, y: -1 }])],
    ['no area', JSON.stringify([{ ...region, width: 0 }])],
    ['a missing key', JSON.stringify([{ ...region, key: '' }])],
    [
      'too many',
      JSON.stringify(Array.from({ length: 501 }, (_, i) => ({ ...region, key: `k${i}` }))),
    ],
  ])('refuses %s with INVALID_REGIONS', (_name, json) => {
    expect(() => parseRegions(json, image)).toThrow(
      expect.objectContaining({ code: 'INVALID_REGIONS' }),
    );
  });
});
