/**
 * Runs the tasks of one key one after another, in arrival order, in memory; tasks of different
 * keys run side by side. A key's entry lives only while it has a task running or waiting, so the
 * map holds the keys in flight and no more.
 *
 * Used where two calls by the same caller must not race each other inside Postgres: they wait
 * here, holding no pooled connection, instead of in a lock (e.g. one volunteer's nextString
 * claims, see StringQueueService).
 */
export class KeyedSerial {
  /** The last task queued per key: the next one starts when it has settled. */
  private readonly tails = new Map<string, Promise<unknown>>();
  private queuedTasks = 0;

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key);
    let mine: Promise<T>;
    if (before === undefined) {
      mine = Promise.resolve().then(task);
    } else {
      this.queuedTasks += 1;
      const turn = () => {
        this.queuedTasks -= 1;
        return task();
      };
      mine = before.then(turn, turn);
    }
    this.tails.set(key, mine);
    try {
      return await mine;
    } finally {
      // Still the key's last task: nothing queued behind it, so the key is idle now.
      if (this.tails.get(key) === mine) this.tails.delete(key);
    }
  }

  /** Keys with a task running or waiting. */
  get keysInFlight(): number {
    return this.tails.size;
  }

  /** Tasks waiting for an earlier task of their key to settle (a failed one counts as settled). */
  get queued(): number {
    return this.queuedTasks;
  }
}
