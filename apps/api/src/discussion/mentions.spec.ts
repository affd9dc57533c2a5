import { mentionedNames, mentionKey, MENTIONS_MAX } from './mentions';

describe('mentions', () => {
  it('finds @names at a start or after a space, once each, in lower case', () => {
    expect(mentionedNames('@Ada what does this mean? cc @bob.smith, (@Ada) @ZOË-1.')).toEqual([
      'ada',
      'bob.smith',
      'zoë-1',
    ]);
  });

  it('ignores e-mail addresses and a bare @', () => {
    expect(mentionedNames('write to ada@example.com or @ alone')).toEqual([]);
  });

  it(`keeps at most ${MENTIONS_MAX} names`, () => {
    const body = Array.from({ length: 15 }, (_, i) => `@user${i}`).join(' ');
    expect(mentionedNames(body)).toHaveLength(MENTIONS_MAX);
  });

  it('keys display names without spaces', () => {
    expect(mentionKey('Ada  Lovelace')).toBe('adalovelace');
  });
});
