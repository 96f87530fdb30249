/**
 * A small, bounded, short-lived cache of decrypted keys for the gateway's hot
 * path (one database read and two AES-GCM opens saved per request).
 *
 * Bounded in time (a few seconds: another process's update or rotation is
 * seen that late at worst) and in size (oldest entries evicted first), and
 * emptied of a workspace's entries by every change made in this process.
 */
export class KeyCache<T extends { workspaceId: string }> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    // Maps iterate in insertion order: the first entry is the oldest.
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
  }

  /** Drops every entry of a workspace (changes are rare; entries few). */
  invalidateWorkspace(workspaceId: string): void {
    for (const [key, entry] of this.entries) if (entry.value.workspaceId === workspaceId) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
