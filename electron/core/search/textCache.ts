// Search keys (folded texts) kept in memory so that exact counts over the whole library cost a
// JavaScript indexOf scan (milliseconds) instead of reading every text back from SQLite. Keyed by
// the never-reused search_docs id, so an entry never goes stale. It fills up to a budget in UTF-16
// code units; texts beyond it are read from SQLite when a query needs them.
export class TextCache {
  private readonly texts = new Map<number, string>();
  private used = 0;

  constructor(readonly budgetChars: number) {}

  has(id: number): boolean {
    return this.texts.has(id);
  }

  get(id: number): string | undefined {
    return this.texts.get(id);
  }

  hasRoomFor(chars: number): boolean {
    return this.used + chars <= this.budgetChars;
  }

  /** Keeps the text if it fits. */
  set(id: number, text: string): void {
    if (this.texts.has(id) || !this.hasRoomFor(text.length)) return;
    this.texts.set(id, text);
    this.used += text.length;
  }

  /** Drops texts of documents no longer in the index. */
  retain(live: Set<number>): void {
    for (const [id, text] of this.texts) {
      if (!live.has(id)) {
        this.texts.delete(id);
        this.used -= text.length;
      }
    }
  }
}
