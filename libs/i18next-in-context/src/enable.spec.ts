import { activation, matchesShortcut, parseShortcut, type KeyLike } from './enable';

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: 'c',
  code: 'KeyC',
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...over,
});

describe('activation', () => {
  it('is never requested when the build is not enabled, whatever the URL or storage say', () => {
    expect(activation({ enabled: false, search: '?chorus-in-context=1', stored: '1' })).toEqual({
      requested: false,
      store: 'keep',
    });
  });

  it('is off by default', () => {
    expect(activation({ enabled: true, search: '', stored: null }).requested).toBe(false);
    expect(activation({ enabled: true, search: '?page=2', stored: null }).requested).toBe(false);
  });

  it('is requested by the query parameter, which the tab remembers', () => {
    expect(activation({ enabled: true, search: '?chorus-in-context=1', stored: null })).toEqual({
      requested: true,
      store: 'set',
    });
    expect(activation({ enabled: true, search: '', stored: '1' })).toEqual({
      requested: true,
      store: 'keep',
    });
  });

  it('is switched off again by =0', () => {
    expect(activation({ enabled: true, search: '?chorus-in-context=0', stored: '1' })).toEqual({
      requested: false,
      store: 'clear',
    });
  });

  it('ignores other values', () => {
    expect(
      activation({ enabled: true, search: '?chorus-in-context=yes', stored: null }).requested,
    ).toBe(false);
  });
});

describe('shortcut', () => {
  const altShiftC = parseShortcut('Alt+Shift+C');

  it('matches exactly its modifiers', () => {
    expect(matchesShortcut(key({ altKey: true, shiftKey: true, key: 'C' }), altShiftC)).toBe(true);
    expect(matchesShortcut(key({ altKey: true, key: 'c' }), altShiftC)).toBe(false);
    expect(matchesShortcut(key({ altKey: true, shiftKey: true, ctrlKey: true }), altShiftC)).toBe(
      false,
    );
  });

  it('matches letters by physical key when Alt changes the character (macOS)', () => {
    expect(matchesShortcut(key({ altKey: true, shiftKey: true, key: 'Ç' }), altShiftC)).toBe(true);
  });

  it('refuses shortcuts it cannot read', () => {
    expect(() => parseShortcut('Alt+')).toThrow('names no key');
    expect(() => parseShortcut('Hyper+X')).toThrow('unknown "hyper"');
  });
});
