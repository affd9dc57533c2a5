import { CopyOut, copyUuid, parseCopyText } from './copy-out';

describe('parseCopyText', () => {
  const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

  it('splits rows and fields, and reads \\N as NULL', () => {
    expect(parseCopyText(bytes('a\tb\t\\N\nc\t\td\n'))).toEqual([
      ['a', 'b', null],
      ['c', '', 'd'],
    ]);
  });

  it('unescapes what COPY escapes: backslash, tab, newline and the other control characters', () => {
    const row = 'back\\\\slash\ttab\\there\tline\\nbreak\t\\r\\b\\f\\v\toctal \\101 hex \\x42';
    expect(parseCopyText(bytes(`${row}\n`))).toEqual([
      ['back\\slash', 'tab\there', 'line\nbreak', '\r\b\f\v', 'octal A hex B'],
    ]);
  });

  it('keeps UTF-8 text whole and JSON intact', () => {
    const json = JSON.stringify({ '': 'Zażółć "gęślą" jaźń {{count}}' });
    const escaped = json.replace(/\\/g, '\\\\');
    expect(parseCopyText(bytes(`${escaped}\n`))).toEqual([[json]]);
  });

  it('reads an empty result as no rows', () => {
    expect(parseCopyText(bytes(''))).toEqual([]);
  });
});

describe('copyUuid', () => {
  it('inlines a UUID and refuses anything else', () => {
    expect(copyUuid('3f2c1d4e-0000-4000-8000-00000000000a')).toBe(
      "'3f2c1d4e-0000-4000-8000-00000000000a'::uuid",
    );
    expect(() => copyUuid("x'; DROP TABLE project; --")).toThrow('not a UUID');
  });
});

describe('CopyOut', () => {
  it('answers the bytes of every chunk once the server is ready again', async () => {
    const copy = new CopyOut('COPY (SELECT 1) TO STDOUT');
    copy.handleCopyData({ chunk: Buffer.from('a\tb\n') });
    copy.handleCopyData({ chunk: Buffer.from('c\td\n') });
    copy.handleCommandComplete();
    copy.handleReadyForQuery();
    expect((await copy.done).toString()).toBe('a\tb\nc\td\n');
  });

  it('fails at the error itself: a broken connection never sends ReadyForQuery', async () => {
    const copy = new CopyOut('COPY (SELECT 1) TO STDOUT');
    copy.handleCopyData({ chunk: Buffer.from('a\n') });
    copy.handleError(new Error('Connection terminated unexpectedly'));
    await expect(copy.done).rejects.toThrow('Connection terminated unexpectedly');
    copy.handleReadyForQuery();
  });
});
