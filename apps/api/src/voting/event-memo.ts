/**
 * Work done once per live event and shared by every subscriber it reaches in this process.
 * The transports hand the same event object to every local listener, so the object is the key
 * and the entry disappears with it: one `roundDecided` fanned out to N subscriptions costs one
 * round load, not N.
 */
export class EventMemo<V> {
  private readonly byEvent = new WeakMap<object, Map<string, Promise<V>>>();

  once(event: object, key: string, load: () => Promise<V>): Promise<V> {
    let entries = this.byEvent.get(event);
    if (entries === undefined) {
      entries = new Map();
      this.byEvent.set(event, entries);
    }
    let value = entries.get(key);
    if (value === undefined) {
      value = load();
      entries.set(key, value);
    }
    return value;
  }
}
