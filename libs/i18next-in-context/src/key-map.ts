/** What one marked string stands for: the Chorus string an i18next key resolves to. */
export interface KeyRef {
  /** i18next namespace. */
  readonly ns: string;
  /**
   * The key as Chorus stores it: the base key of a plural (`items`, never `items_one`), a context
   * variant with its suffix (`friend_male`), nested keys joined with the key separator.
   */
  readonly key: string;
  /** Plural and ordinal calls: the category suffix i18next used (`one`, `other`…), else null. */
  readonly plural: string | null;
  readonly ordinal: boolean;
}

/** Index ↔ key, deduplicated by namespace and key; lives only while in-context mode is on. */
export class KeyMap {
  private readonly refs: KeyRef[] = [];
  private readonly byId = new Map<string, number>();

  add(ref: KeyRef): number {
    const id = `${ref.ns}\u0000${ref.key}`;
    const known = this.byId.get(id);
    if (known !== undefined) return known;
    const index = this.refs.length;
    this.refs.push(ref);
    this.byId.set(id, index);
    return index;
  }

  get(index: number): KeyRef | undefined {
    return this.refs[index];
  }

  get size(): number {
    return this.refs.length;
  }
}
