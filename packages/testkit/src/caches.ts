// Bounded memories of what was sent: rendered session JSON (so many clients walking the
// same sessions cost one render each) and, for the eventAnySession defect, event ids.

/**
 * Rendered session JSON by key and version, bounded: a million-session walk still holds
 * at most MAX_ENTRIES sessions (oldest forgotten first). Stop and new sessions invalidate it.
 */
export class SessionJsonCache {
  static readonly MAX_ENTRIES = 20_000;
  private readonly entries = new Map<number, Map<string, string>>();

  get(key: number, render: () => string, version = "v6"): string {
    let versions = this.entries.get(key);
    let json = versions?.get(version);
    if (json === undefined) {
      json = render();
      if (!versions) {
        if (this.entries.size >= SessionJsonCache.MAX_ENTRIES) {
          this.entries.delete(this.entries.keys().next().value as number);
        }
        versions = new Map();
        this.entries.set(key, versions);
      }
      versions.set(version, json);
    }
    return json;
  }

  /** Forgets the session in every version. */
  delete(key: number): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** How many sessions are held (each in one or more versions). */
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
