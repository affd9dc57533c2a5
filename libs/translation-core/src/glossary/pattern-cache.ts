/**
 * The compiled patterns of one kind, by key, at most `capacity` of them, the least recently used
 * dropped first. A pattern with Unicode-property word boundaries costs V8 ~0.7 ms to compile on
 * its first use and ~5 µs a match after, so the patterns a process uses often must stay: the
 * caches were cleared wholesale when full, and a process serving large glossaries in many locales
 * compiled its everyday terms again after every clear.
 */
export class PatternCache {
  private readonly entries = new Map<string, RegExp | null>();

  constructor(private readonly capacity: number) {}

  /** The pattern of `key`, built by `build` on a miss (null: nothing to look for). */
  get(key: string, build: () => RegExp | null): RegExp | null {
    if (this.entries.has(key)) {
      const known = this.entries.get(key) ?? null;
      // Most recently used last: re-inserted, so the Map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const built = build();
    this.entries.set(key, built);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return built;
  }

  get size(): number {
    return this.entries.size;
  }
}
