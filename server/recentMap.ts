/**
 * A map that keeps only its `limit` most recently stored entries: the server keeps lints and
 * diagnostic reports for the few drafts being worked on, not for every open one. An entry is
 * taken out to be read and put back to count as recent again.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** Removes and returns an entry; `put` it back to keep it. */
  take(key: K): V | undefined {
    const value = this.entries.get(key);
    this.entries.delete(key);
    return value;
  }

  /** Stores an entry as the most recent, dropping the oldest beyond the limit. */
  put(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
