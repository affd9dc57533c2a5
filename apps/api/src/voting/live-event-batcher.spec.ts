import { LiveEventBatcher } from './live-event-batcher';
import type { LiveEvent, LiveEvents } from './live-events';

function recordingLive(fail = false): LiveEvents & { sent: LiveEvent[][] } {
  const sent: LiveEvent[][] = [];
  return {
    sent,
    publish: (event) => {
      sent.push([event]);
      return Promise.resolve();
    },
    publishMany: (events) => {
      if (fail) return Promise.reject(new Error('redis down'));
      sent.push([...events]);
      return Promise.resolve();
    },
    subscribe: () => {
      throw new Error('not used');
    },
    close: () => Promise.resolve(),
  };
}

const updated = (stringId: string): LiveEvent => ({
  type: 'stringUpdated',
  projectId: 'p',
  locale: 'pl',
  stringId,
});

describe('LiveEventBatcher', () => {
  it('sends the events of one window as one message, each distinct event once', async () => {
    const live = recordingLive();
    const batcher = new LiveEventBatcher(live);
    batcher.add(updated('a'));
    batcher.add(updated('b'));
    batcher.add(updated('a'));
    await batcher.flush();
    expect(live.sent).toEqual([[updated('a'), updated('b')]]);
    await batcher.flush();
    expect(live.sent).toHaveLength(1);
  });

  it('flushes on its own once the window ends', async () => {
    jest.useFakeTimers();
    try {
      const live = recordingLive();
      const batcher = new LiveEventBatcher(live);
      batcher.add(updated('a'));
      expect(live.sent).toEqual([]);
      await jest.runOnlyPendingTimersAsync();
      expect(live.sent).toEqual([[updated('a')]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends what is queued at shutdown, and a failed publish is logged, not thrown', async () => {
    const live = recordingLive(true);
    const batcher = new LiveEventBatcher(live);
    batcher.add(updated('a'));
    await expect(batcher.onApplicationShutdown()).resolves.toBeUndefined();
    const ok = recordingLive();
    const second = new LiveEventBatcher(ok);
    second.add(updated('b'));
    await second.onApplicationShutdown();
    expect(ok.sent).toEqual([[updated('b')]]);
  });
});
