import { GroupCommit } from './group-commit';

interface Item {
  readonly voter: string;
  readonly n: number;
}

/** A run whose batches the test releases by hand, recording what each batch held. */
function gatedRun() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  let failOn: number | null = null;
  const run = async (items: readonly Item[]): Promise<number[]> => {
    batches.push(items.map((i) => i.n));
    await new Promise<void>((release) => gates.push(release));
    if (failOn !== null && items.some((i) => i.n === failOn)) throw new Error(`bad ${failOn}`);
    return items.map((i) => i.n * 10);
  };
  const releaseAll = async (): Promise<void> => {
    while (gates.length > 0) {
      for (const release of gates.splice(0)) release();
      // Let the settled batches hand their slots to the waiting items.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  return { run, batches, releaseAll, failWhen: (n: number) => (failOn = n) };
}

const item = (voter: string, n: number): Item => ({ voter, n });

describe('GroupCommit', () => {
  it('sends an item at once while a slot is free, and gathers the rest into the next batch', async () => {
    const gated = gatedRun();
    const group = new GroupCommit(gated.run, { maxBatch: 10, maxInFlight: 1, key: (i) => i.voter });
    const results = [1, 2, 3, 4].map((n) => group.submit(item(`v${n}`, n)));
    expect(gated.batches).toEqual([[1]]);
    expect(group.waiting).toBe(3);
    await gated.releaseAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
    expect(gated.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('never puts two items with one key in a batch, and keeps each key in submission order', async () => {
    const gated = gatedRun();
    const group = new GroupCommit(gated.run, { maxBatch: 10, maxInFlight: 1, key: (i) => i.voter });
    const results = [
      group.submit(item('a', 1)),
      group.submit(item('a', 2)),
      group.submit(item('b', 3)),
      group.submit(item('a', 4)),
      group.submit(item('c', 5)),
    ];
    await gated.releaseAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50]);
    expect(gated.batches).toEqual([[1], [2, 3, 5], [4]]);
  });

  it('caps a batch at maxBatch and runs up to maxInFlight batches at once', async () => {
    const gated = gatedRun();
    const group = new GroupCommit(gated.run, { maxBatch: 2, maxInFlight: 2, key: (i) => i.voter });
    const results = [1, 2, 3, 4, 5, 6].map((n) => group.submit(item(`v${n}`, n)));
    expect(gated.batches).toEqual([[1], [2]]);
    await gated.releaseAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(gated.batches.slice(2)).toEqual([
      [3, 4],
      [5, 6],
    ]);
  });

  describe('with extraSlotAfterMs', () => {
    afterEach(() => jest.useRealTimers());

    /** A group on an injected clock (and Jest's timers): 3 slots, the extra ones after 2 ms. */
    function delayed(maxBatch = 10) {
      jest.useFakeTimers();
      let clock = 0;
      const gated = gatedRun();
      const group = new GroupCommit(gated.run, {
        maxBatch,
        maxInFlight: 3,
        extraSlotAfterMs: 2,
        now: () => clock,
        key: (i) => i.voter,
      });
      const advance = (ms: number): void => {
        clock += ms;
        jest.advanceTimersByTime(ms);
      };
      return { gated, group, advance };
    }

    it('sends the first item at once and holds the next ones behind the running batch', () => {
      const { gated, group, advance } = delayed();
      void group.submit(item('a', 1));
      void group.submit(item('b', 2));
      advance(1);
      void group.submit(item('c', 3));
      expect(gated.batches).toEqual([[1]]);
      expect(group.waiting).toBe(2);
      advance(0.5);
      expect(gated.batches).toEqual([[1]]);
      // The oldest waiting item (2) has now waited 2 ms: a second slot takes every waiting item.
      advance(0.5);
      expect(gated.batches).toEqual([[1], [2, 3]]);
      expect(group.waiting).toBe(0);
    });

    it('opens another slot at once when a whole batch waits', () => {
      const { gated, group } = delayed(2);
      [1, 2, 3].forEach((n) => void group.submit(item(`v${n}`, n)));
      expect(gated.batches).toEqual([[1], [2, 3]]);
    });

    it('hands the waiting items to the slot the running batch frees, without waiting', async () => {
      const { gated, group } = delayed();
      const results = [1, 2, 3].map((n) => group.submit(item(`v${n}`, n)));
      jest.useRealTimers();
      await gated.releaseAll();
      expect(await Promise.all(results)).toEqual([10, 20, 30]);
      expect(gated.batches).toEqual([[1], [2, 3]]);
    });
  });

  it('runs each item of a failed batch alone, so only the bad item fails its caller', async () => {
    const gated = gatedRun();
    gated.failWhen(3);
    const group = new GroupCommit(gated.run, { maxBatch: 10, maxInFlight: 1, key: (i) => i.voter });
    const results = [1, 2, 3, 4].map((n) =>
      group.submit(item(`v${n}`, n)).then(
        (value) => ({ value }),
        (error: unknown) => ({ error: (error as Error).message }),
      ),
    );
    await gated.releaseAll();
    expect(await Promise.all(results)).toEqual([
      { value: 10 },
      { value: 20 },
      { error: 'bad 3' },
      { value: 40 },
    ]);
    expect(gated.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('fails every caller of a batch whose run answers the wrong number of results', async () => {
    const group = new GroupCommit(async (items: readonly Item[]) => items.slice(1).map(() => 0), {
      maxBatch: 10,
      maxInFlight: 1,
      key: (i) => i.voter,
    });
    await expect(group.submit(item('a', 1))).rejects.toThrow('0 results for 1 items');
  });

  it('answers the callers at the commit and runs afterCommit after, outside the slot', async () => {
    const statements: number[][] = [];
    const statementGates: (() => void)[] = [];
    const after: number[][] = [];
    const afterGates: (() => void)[] = [];
    const group = new GroupCommit(
      async (items: readonly Item[]) => {
        statements.push(items.map((i) => i.n));
        await new Promise<void>((release) => statementGates.push(release));
        return items.map((i) => i.n * 10);
      },
      { maxBatch: 10, maxInFlight: 1, key: (i) => i.voter },
      async (items, results) => {
        after.push(items.map((i, k) => i.n * 1000 + (results[k] ?? 0)));
        await new Promise<void>((release) => afterGates.push(release));
      },
    );
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    const first = group.submit(item('a', 1));
    const second = group.submit(item('b', 2));
    statementGates.shift()?.();
    // The first caller has its answer while its afterCommit still holds, and the waiting item
    // already has the slot.
    expect(await first).toBe(10);
    await tick();
    expect(statements).toEqual([[1], [2]]);
    expect(after).toEqual([[1010]]);
    let idle = false;
    const idled = group.idle().then((drained) => (idle = drained));
    statementGates.shift()?.();
    expect(await second).toBe(20);
    expect(after).toEqual([[1010], [2020]]);
    afterGates.shift()?.();
    await tick();
    // idle() waits for every afterCommit under way, the second one included.
    expect(idle).toBe(false);
    afterGates.shift()?.();
    await idled;
    expect(idle).toBe(true);
  });

  it('gives up waiting for an afterCommit that never ends after maxMs, and says so', async () => {
    let release = (): void => undefined;
    const group = new GroupCommit(
      async (items: readonly Item[]) => items.map((i) => i.n),
      { maxBatch: 10, maxInFlight: 1, key: (i) => i.voter },
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    await expect(group.submit(item('a', 1))).resolves.toBe(1);
    // A store that never answers: a bounded wait ends, false; the unbounded one waits for it.
    await expect(group.idle(1)).resolves.toBe(false);
    const drained = group.idle();
    release();
    await expect(drained).resolves.toBe(true);
    await expect(group.idle(1)).resolves.toBe(true);
  });

  it('answers the callers even when afterCommit throws, and reports it as a warning', async () => {
    const warned = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const group = new GroupCommit(
      async (items: readonly Item[]) => items.map((i) => i.n),
      { maxBatch: 10, maxInFlight: 1, key: (i) => i.voter },
      async () => {
        throw new Error('redis down');
      },
    );
    await expect(group.submit(item('a', 7))).resolves.toBe(7);
    await group.idle();
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('redis down'));
    warned.mockRestore();
  });
});
