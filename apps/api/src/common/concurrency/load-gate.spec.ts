import { LoadGate } from './load-gate';
import { deferred, flush } from './deferred.testing';

describe('LoadGate', () => {
  it('runs at most its slots at a time, the rest in arrival order', async () => {
    const gate = new LoadGate(2);
    const [t0, t1, t2, t3] = [
      deferred<number>(),
      deferred<number>(),
      deferred<number>(),
      deferred<number>(),
    ];
    const tasks = [t0, t1, t2, t3];
    const started: number[] = [];
    const runs = tasks.map((task, i) =>
      gate.run(() => {
        started.push(i);
        return task.promise;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect(gate.queued).toBe(2);
    t1.resolve(1);
    await flush();
    expect(started).toEqual([0, 1, 2]);
    t0.reject(new Error('failed'));
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    t2.resolve(2);
    t3.resolve(3);
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual([
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(gate.queued).toBe(0);
    // Every slot came back: two new tasks start at once.
    const again = [deferred<number>(), deferred<number>()];
    const startedAgain: number[] = [];
    const more = again.map((task, i) =>
      gate.run(() => {
        startedAgain.push(i);
        return task.promise;
      }),
    );
    await flush();
    expect(startedAgain).toEqual([0, 1]);
    again.forEach((task, i) => task.resolve(i));
    await Promise.all(more);
  });

  it('refuses a gate without slots', () => {
    expect(() => new LoadGate(0)).toThrow('LoadGate needs ≥ 1 slot');
  });
});
