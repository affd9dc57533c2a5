/** A bounded set of ids: the oldest are forgotten first (insertion order, refreshed on remember). */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  remember(ids: readonly string[] | string): void {
    for (const id of typeof ids === 'string' ? [ids] : ids) {
      this.ids.delete(id);
      this.ids.add(id);
    }
    for (const oldest of this.ids) {
      if (this.ids.size <= this.capacity) break;
      this.ids.delete(oldest);
    }
  }
}
