import { PatternCache } from './pattern-cache';

describe('PatternCache', () => {
  it('keeps the patterns used most recently and builds each key once while it is kept', () => {
    const cache = new PatternCache(2);
    const built: string[] = [];
    const get = (key: string) =>
      cache.get(key, () => {
        built.push(key);
        return new RegExp(key, 'gu');
      });
    const a = get('a');
    get('b');
    expect(get('a')).toBe(a); // a hit: a is now the most recent
    get('c'); // full: b, the least recently used, goes
    expect(get('a')).toBe(a);
    get('b');
    expect(built).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
  });

  it('remembers that a phrase has no pattern', () => {
    const cache = new PatternCache(4);
    let builds = 0;
    const build = () => {
      builds += 1;
      return null;
    };
    expect(cache.get('none', build)).toBeNull();
    expect(cache.get('none', build)).toBeNull();
    expect(builds).toBe(1);
  });
});
