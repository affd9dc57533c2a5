import { gunzipSync } from 'node:zlib';
import { writeTar, writeTarGz } from './tar-writer';

describe('writeTar', () => {
  const entries = [
    { path: 'pl/translation.json', body: Buffer.from('{}\n') },
    { path: 'en/translation.json', body: Buffer.from('{\n  "a": "b"\n}\n') },
  ];

  it('sorts entries and fixes mode, owner and mtime, so the bytes never vary', () => {
    const tar = writeTar(entries);
    expect(writeTar([...entries].reverse()).equals(tar)).toBe(true);
    expect(tar.subarray(0, 19).toString()).toBe('en/translation.json');
    expect(tar.subarray(100, 108).toString()).toBe('0000644\0');
    expect(tar.subarray(108, 116).toString()).toBe('0000000\0');
    expect(tar.subarray(136, 148).toString()).toBe('00000000000\0');
    expect(tar.subarray(257, 263).toString()).toBe('ustar\0');
    // two entries of one block each, plus the two zero blocks that end an archive
    expect(tar.length).toBe(512 * 6);
  });

  it('writes a checksum that tar readers accept', () => {
    const header = writeTar(entries).subarray(0, 512);
    const stored = parseInt(header.subarray(148, 154).toString(), 8);
    const copy = Buffer.from(header);
    copy.fill(0x20, 148, 156);
    expect(stored).toBe(copy.reduce((sum, b) => sum + b, 0));
  });

  it('splits long paths into prefix and name, and refuses what ustar cannot hold', () => {
    const long = `${'l'.repeat(60)}/${'n'.repeat(80)}.json`;
    const header = writeTar([{ path: long, body: Buffer.alloc(0) }]).subarray(0, 512);
    expect(header.subarray(345, 405).toString()).toBe('l'.repeat(60));
    expect(() => writeTar([{ path: 'x'.repeat(300), body: Buffer.alloc(0) }])).toThrow(
      'path too long',
    );
  });

  it('gzips without a timestamp', async () => {
    const gz = await writeTarGz(entries);
    expect(gz.readUInt32LE(4)).toBe(0);
    expect(gunzipSync(gz).equals(writeTar(entries))).toBe(true);
    expect((await writeTarGz(entries)).equals(gz)).toBe(true);
  });
});
