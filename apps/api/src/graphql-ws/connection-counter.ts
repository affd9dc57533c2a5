/** Counts open connections per key (a user, an IP) in this process and refuses past a maximum. */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  /** Takes one slot for `key`; false (and nothing taken) when `max` are already open. */
  acquire(key: string, max: number): boolean {
    const current = this.open.get(key) ?? 0;
    if (current >= max) return false;
    this.open.set(key, current + 1);
    return true;
  }

  release(key: string): void {
    const current = this.open.get(key) ?? 0;
    if (current <= 1) this.open.delete(key);
    else this.open.set(key, current - 1);
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
