import { RecentIds } from './recent-ids';

describe('RecentIds', () => {
  it('remembers ids up to its capacity and forgets the oldest first', () => {
    const ids = new RecentIds(2);
    ids.remember(['a', 'b']);
    ids.remember('c');
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([false, true, true]);
  });

  it('refreshes an id remembered again, so it outlives older ones', () => {
    const ids = new RecentIds(2);
    ids.remember(['a', 'b']);
    ids.remember('a');
    ids.remember('c');
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([true, false, true]);
  });
});
