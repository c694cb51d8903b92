// Bounded memories of what was sent: rendered session JSON (so many clients walking the
// same sessions cost one render each) and, for the eventAnySession defect, event ids.

/**
 * Rendered session JSON by key, bounded: a million-session walk still holds at most
 * MAX_ENTRIES strings (oldest forgotten first). Stop and new sessions invalidate it.
 */
export class SessionJsonCache {
  static readonly MAX_ENTRIES = 20_000;
  private readonly entries = new Map<number, string>();

  get(key: number, render: () => string): string {
    let json = this.entries.get(key);
    if (json === undefined) {
      json = render();
      if (this.entries.size >= SessionJsonCache.MAX_ENTRIES) {
        this.entries.delete(this.entries.keys().next().value as number);
      }
      this.entries.set(key, json);
    }
    return json;
  }

  delete(key: number): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Event ids served, by id, bounded like SessionJsonCache (oldest forgotten first). */
export class ServedEvents {
  static readonly MAX_ENTRIES = 100_000;
  private readonly entries = new Map<string, { key: number; index: number }>();

  remember(id: string, key: number, index: number): void {
    if (this.entries.size >= ServedEvents.MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id.toLowerCase(), { key, index });
  }

  find(id: string): { key: number; index: number } | undefined {
    return this.entries.get(id.toLowerCase());
  }
}
