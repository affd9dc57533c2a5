import { LoadGate } from '../concurrency/load-gate';
import { ReadCache } from './read-cache';
import { deferred, flush } from '../concurrency/deferred.testing';

describe('ReadCache', () => {
  it('serves an entry for ttlMs after its load started, then loads again', async () => {
    const cache = new ReadCache<number>({ ttlMs: 1_000, maxEntries: 10 });
    let loads = 0;
    const load = async (): Promise<number> => ++loads;
    expect(await cache.get('k', 5_000, load)).toBe(1);
    expect(await cache.get('k', 5_999, load)).toBe(1);
    expect(await cache.get('k', 6_000, load)).toBe(2);
    // A clock that jumps back as far refreshes the entry too.
    expect(await cache.get('k', 4_000, load)).toBe(3);
    expect(await cache.get('other', 4_000, load)).toBe(4);
  });

  it('runs one load for concurrent misses on a key', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    const slow = deferred<string>();
    const load = jest.fn(() => slow.promise);
    const first = cache.get('k', 0, load);
    const second = cache.get('k', 1, load);
    slow.resolve('v');
    await expect(Promise.all([first, second])).resolves.toEqual(['v', 'v']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shares a load even with ttlMs 0, but keeps nothing', async () => {
    const cache = new ReadCache<string>({ ttlMs: 0, maxEntries: 10 });
    const slow = deferred<string>();
    const load = jest.fn(() => slow.promise);
    const both = Promise.all([cache.get('k', 0, load), cache.get('k', 0, load)]);
    slow.resolve('v');
    expect(await both).toEqual(['v', 'v']);
    expect(cache.size).toBe(0);
    await cache.get('k', 0, async () => 'again');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('lets a waiter load on its own when the shared load fails, and fails only its caller', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    const failing = deferred<string>();
    const first = cache.get('k', 0, () => failing.promise);
    const second = cache.get('k', 0, async () => 'own');
    failing.reject(new Error('rolled back'));
    await expect(first).rejects.toThrow('rolled back');
    await expect(second).resolves.toBe('own');
    expect(await cache.get('k', 1, async () => 'not asked')).toBe('own');
  });

  it('keeps at most maxEntries, dropping the least recently filled', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1_000, maxEntries: 2 });
    await cache.get('a', 0, async () => 'a1');
    await cache.get('b', 0, async () => 'b1');
    await cache.get('c', 0, async () => 'c1');
    expect(cache.size).toBe(2);
    expect(await cache.get('b', 0, async () => 'b2')).toBe('b1');
    expect(await cache.get('a', 0, async () => 'a2')).toBe('a2');
  });

  it('does not keep what a load read before clear()', async () => {
    const cache = new ReadCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    const slow = deferred<string>();
    const before = cache.get('k', 0, () => slow.promise);
    cache.clear();
    slow.resolve('old');
    expect(await before).toBe('old');
    expect(await cache.get('k', 0, async () => 'new')).toBe('new');
  });

  it('gates the loads of a cache: a burst of misses on many keys runs a slot at a time', async () => {
    const gate = new LoadGate(1);
    const cache = new ReadCache<string>({ ttlMs: 1_000, maxEntries: 10, gate });
    const first = deferred<string>();
    let secondStarted = false;
    const a = cache.get('a', 0, () => first.promise);
    const b = cache.get('b', 0, async () => {
      secondStarted = true;
      return 'b';
    });
    await flush();
    expect(secondStarted).toBe(false);
    first.resolve('a');
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(secondStarted).toBe(true);
  });
});
