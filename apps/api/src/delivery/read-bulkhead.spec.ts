import { ReadBulkhead } from './read-bulkhead';

describe('ReadBulkhead', () => {
  it('runs at most `slots` at once, queues up to `maxWaiting`, and turns the rest away', async () => {
    const bulkhead = new ReadBulkhead(2, 1);
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const work = () =>
      new Promise<string>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        gates.push(() => {
          running -= 1;
          resolve('done');
        });
      });
    const first = bulkhead.run(work);
    const second = bulkhead.run(work);
    const third = bulkhead.run(work);
    expect(await bulkhead.run(work)).toBeNull();
    await Promise.resolve();
    expect(running).toBe(2);
    gates.shift()?.();
    await first;
    // The waiter took the freed slot.
    await new Promise((r) => setImmediate(r));
    expect(running).toBe(2);
    while (gates.length > 0) {
      gates.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await expect(Promise.all([second, third])).resolves.toEqual(['done', 'done']);
    expect(peak).toBe(2);
    // Every slot is free again.
    const again = [bulkhead.run(work), bulkhead.run(work), bulkhead.run(work)];
    await new Promise((r) => setImmediate(r));
    expect(running).toBe(2);
    while (gates.length > 0) {
      gates.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(again);
  });

  it('frees the slot when the work fails', async () => {
    const bulkhead = new ReadBulkhead(1, 0);
    await expect(bulkhead.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(bulkhead.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
