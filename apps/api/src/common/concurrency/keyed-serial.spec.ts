import { deferred, flush } from './deferred.testing';
import { KeyedSerial } from './keyed-serial';

describe('KeyedSerial', () => {
  it('runs one key’s tasks one at a time in arrival order, other keys beside them', async () => {
    const serial = new KeyedSerial();
    const [a0, a1, a2, b0] = [
      deferred<string>(),
      deferred<string>(),
      deferred<string>(),
      deferred<string>(),
    ];
    const started: string[] = [];
    const task = (name: string, d: { promise: Promise<string> }) => () => {
      started.push(name);
      return d.promise;
    };
    const runs = [
      serial.run('a', task('a0', a0)),
      serial.run('a', task('a1', a1)),
      serial.run('b', task('b0', b0)),
      serial.run('a', task('a2', a2)),
    ];
    // Observed from the start, so a0's rejection is handled when it happens.
    const outcomes = Promise.allSettled(runs);
    await flush();
    expect(started).toEqual(['a0', 'b0']);
    expect(serial.keysInFlight).toBe(2);
    expect(serial.queued).toBe(2);
    b0.resolve('b0');
    a0.reject(new Error('a0 failed'));
    await flush();
    // A failed task still lets the next of its key start, and fails only its own caller.
    expect(started).toEqual(['a0', 'b0', 'a1']);
    expect(serial.keysInFlight).toBe(1);
    expect(serial.queued).toBe(1);
    a1.resolve('a1');
    await flush();
    expect(started).toEqual(['a0', 'b0', 'a1', 'a2']);
    a2.resolve('a2');
    expect(await outcomes).toEqual([
      { status: 'rejected', reason: new Error('a0 failed') },
      { status: 'fulfilled', value: 'a1' },
      { status: 'fulfilled', value: 'b0' },
      { status: 'fulfilled', value: 'a2' },
    ]);
    // Idle keys are forgotten: the map holds only keys in flight.
    expect(serial.keysInFlight).toBe(0);
    expect(serial.queued).toBe(0);
  });

  it('starts a task of an idle key at once, even after the key’s last task threw synchronously', async () => {
    const serial = new KeyedSerial();
    await expect(
      serial.run('k', () => {
        throw new Error('thrown');
      }),
    ).rejects.toThrow('thrown');
    expect(serial.keysInFlight).toBe(0);
    await expect(serial.run('k', () => Promise.resolve(7))).resolves.toBe(7);
  });
});
