import { LiveEventHub, type SpacingClock, SUBSCRIBER_BUFFER_MAX } from './live-event-hub';
import type { RoundDecidedEvent, StringUpdatedEvent } from './live-events';

const P = '00000000-0000-4000-8000-000000000001';
const S1 = '00000000-0000-4000-8000-0000000000a1';
const S2 = '00000000-0000-4000-8000-0000000000a2';

const updated = (stringId: string, locale = 'de'): StringUpdatedEvent => ({
  type: 'stringUpdated',
  projectId: P,
  locale,
  stringId,
});
const decided = (roundId: string, locale = 'de'): RoundDecidedEvent => ({
  type: 'roundDecided',
  projectId: P,
  locale,
  stringId: S1,
  roundId,
});

/**
 * What `next()` gives now: an event already buffered settles within the current microtasks, so it
 * wins against the next turn of the event loop (no clock involved); a pending read loses.
 */
async function nowOrNothing<T>(iterator: AsyncIterator<T>): Promise<T | 'nothing'> {
  const next = iterator.next().then((r) => (r.done === true ? 'nothing' : r.value));
  const nextTurn = new Promise<'nothing'>((resolve) => setImmediate(() => resolve('nothing')));
  return Promise.race([next, nextTurn]);
}

/** A clock moved by hand: `wait` settles when `advance` passes its moment. */
class HandClock implements SpacingClock {
  private time = 1_000_000;
  private readonly sleepers: { until: number; wake: () => void }[] = [];
  readonly waits: number[] = [];

  now(): number {
    return this.time;
  }

  wait(ms: number): Promise<void> {
    this.waits.push(ms);
    return new Promise((wake) => this.sleepers.push({ until: this.time + ms, wake }));
  }

  advance(ms: number): void {
    this.time += ms;
    for (const sleeper of this.sleepers.filter((s) => s.until <= this.time)) {
      this.sleepers.splice(this.sleepers.indexOf(sleeper), 1);
      sleeper.wake();
    }
  }
}

/** Whether `promise` has settled once the microtasks queued now have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('LiveEventHub', () => {
  it('hands an event to the subscriptions of its topic only', async () => {
    const hub = new LiveEventHub();
    const s1 = hub.subscribe({ type: 'stringUpdated', stringId: S1, locale: 'de' });
    const s2 = hub.subscribe({ type: 'stringUpdated', stringId: S2, locale: 'de' });
    const s1pl = hub.subscribe({ type: 'stringUpdated', stringId: S1, locale: 'pl' });
    const rounds = hub.subscribe({ type: 'roundDecided', projectId: P, locale: 'de' });
    const mine = hub.subscribe({ type: 'notificationAdded', userId: 'u1' });

    hub.deliver(updated(S1));
    hub.deliver(decided('r1'));
    hub.deliver({ type: 'notificationAdded', userId: 'u2', notificationId: 'n1' });

    expect(await nowOrNothing(s1)).toEqual(updated(S1));
    expect(await nowOrNothing(s2)).toBe('nothing');
    expect(await nowOrNothing(s1pl)).toBe('nothing');
    expect(await nowOrNothing(rounds)).toEqual(decided('r1'));
    expect(await nowOrNothing(mine)).toBe('nothing');
  });

  it('answers a waiting subscriber at once and forgets a topic when its last subscription ends', async () => {
    const hub = new LiveEventHub();
    const topic = { type: 'stringUpdated', stringId: S1, locale: 'de' } as const;
    const a = hub.subscribe(topic);
    const b = hub.subscribe(topic);
    expect(hub.listeners(topic)).toBe(2);
    const waiting = a.next();
    hub.deliver(updated(S1));
    await expect(waiting).resolves.toEqual({ value: updated(S1), done: false });

    await a.return?.();
    expect(hub.listeners(topic)).toBe(1);
    await b.return?.();
    expect(hub.listeners(topic)).toBe(0);
    expect(hub.topics).toBe(0);
    await expect(b.next()).resolves.toEqual({ value: undefined, done: true });
    // Delivering to a topic nobody listens to is a no-op.
    hub.deliver(updated(S1));
    expect(hub.topics).toBe(0);
  });

  it('merges "look again" events a subscriber has not taken yet, and never a decision', async () => {
    const hub = new LiveEventHub();
    const strings = hub.subscribe({ type: 'stringUpdated', stringId: S1, locale: 'de' });
    const rounds = hub.subscribe({ type: 'roundDecided', projectId: P, locale: 'de' });
    const changes = Array.from({ length: 5 }, () => updated(S1));
    changes.forEach((change, i) => {
      hub.deliver(change);
      hub.deliver(decided(`r${i}`));
    });
    // The newest object, not the first: what other subscribers loaded for an older event object
    // (EventMemo) may predate the change the newest one announces.
    expect(await nowOrNothing(strings)).toBe(changes[4]);
    // Once the merged one is taken, the next change is delivered again.
    hub.deliver(updated(S1));
    expect(await nowOrNothing(strings)).toEqual(updated(S1));
    // (Checked last: a read that finds nothing stays waiting and would take the next event.)
    expect(await nowOrNothing(strings)).toBe('nothing');
    const got: unknown[] = [];
    for (let i = 0; i < 5; i += 1) got.push(await nowOrNothing(rounds));
    expect(got).toEqual([0, 1, 2, 3, 4].map((i) => decided(`r${i}`)));
    expect(await nowOrNothing(rounds)).toBe('nothing');
  });

  it('keeps the newest events of a subscriber that falls behind', async () => {
    const hub = new LiveEventHub();
    const rounds = hub.subscribe({ type: 'roundDecided', projectId: P, locale: 'de' });
    const extra = 5;
    for (let i = 0; i < SUBSCRIBER_BUFFER_MAX + extra; i += 1) hub.deliver(decided(`r${i}`));
    expect(await nowOrNothing(rounds)).toEqual(decided(`r${extra}`));
  });

  it('ends waiting readers when the subscription is thrown into', async () => {
    const hub = new LiveEventHub();
    const topic = { type: 'roundDecided', projectId: P, locale: 'de' } as const;
    const rounds = hub.subscribe(topic);
    const waiting = rounds.next();
    await expect(rounds.throw?.(new Error('client gone'))).rejects.toThrow('client gone');
    await expect(waiting).resolves.toEqual({ value: undefined, done: true });
    expect(hub.listeners(topic)).toBe(0);
  });

  describe('with a spacing', () => {
    const topic = { type: 'stringUpdated', stringId: S1, locale: 'de' } as const;

    it('hands a string page one change per spacing, the newest, and the first at once', async () => {
      const clock = new HandClock();
      const hub = new LiveEventHub({ spacingMs: 500, clock });
      const page = hub.subscribe(topic);
      hub.deliver(updated(S1));
      expect(await nowOrNothing(page)).toEqual(updated(S1));

      const changes = [updated(S1), updated(S1), updated(S1)];
      hub.deliver(changes[0]!);
      const next = page.next();
      expect(await settled(next)).toBe(false);
      hub.deliver(changes[1]!);
      clock.advance(499);
      hub.deliver(changes[2]!);
      expect(await settled(next)).toBe(false);
      clock.advance(1);
      await expect(next).resolves.toEqual({ value: changes[2], done: false });
      expect(clock.waits).toEqual([500]);

      // After a quiet spell longer than the spacing, a change goes out at once.
      clock.advance(2_000);
      hub.deliver(updated(S1));
      expect(await nowOrNothing(page)).toEqual(updated(S1));
      expect(clock.waits).toEqual([500]);
    });

    it('never spaces decisions, which are not merged', async () => {
      const clock = new HandClock();
      const hub = new LiveEventHub({ spacingMs: 500, clock });
      const rounds = hub.subscribe({ type: 'roundDecided', projectId: P, locale: 'de' });
      hub.deliver(decided('r1'));
      hub.deliver(decided('r2'));
      expect(await nowOrNothing(rounds)).toEqual(decided('r1'));
      expect(await nowOrNothing(rounds)).toEqual(decided('r2'));
      expect(clock.waits).toEqual([]);
    });

    it('ends a subscription closed while it waits out the spacing', async () => {
      const clock = new HandClock();
      const hub = new LiveEventHub({ spacingMs: 500, clock });
      const page = hub.subscribe(topic);
      hub.deliver(updated(S1));
      await page.next();
      hub.deliver(updated(S1));
      const next = page.next();
      await page.return?.();
      expect(hub.listeners(topic)).toBe(0);
      clock.advance(500);
      await expect(next).resolves.toEqual({ value: undefined, done: true });
    });
  });
});
