interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

interface LookupBatcherOptions {
  /** Queries running at once; keys asked for meanwhile wait for the next one. */
  inFlight: number;
  /** Keys per query at most. */
  maxKeys: number;
}

/**
 * Coalesces concurrent point lookups (a session by its hash, a member's role)
 * into one query: keys asked for in the same turn of the event loop, or
 * while the previous query runs, are loaded together by one `load` call. On
 * PostgreSQL each query is a round trip, and under load the round trips, not
 * the rows, are what costs (a context switch each, on both sides of the
 * socket): N concurrent requests then pay one lookup instead of N.
 *
 * Nothing is cached: every lookup reads the database after it was asked for,
 * so an answer is never older than a direct query's would be. A failed query
 * fails the lookups it carried, and only those.
 */
export class LookupBatcher<K, V> {
  private pending = new Map<string, { key: K; waiters: Waiter<V>[] }>();
  private running = 0;
  private scheduled = false;

  constructor(
    /** Loads the rows of these keys, answered by `keyOf` of each (missing: none). */
    private readonly load: (keys: K[]) => Promise<Map<string, V>>,
    private readonly keyOf: (key: K) => string,
    private readonly options: LookupBatcherOptions = { inFlight: 2, maxKeys: 200 },
  ) {}

  get(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const id = this.keyOf(key);
      const entry = this.pending.get(id);
      if (entry) entry.waiters.push({ resolve, reject });
      else this.pending.set(id, { key, waiters: [{ resolve, reject }] });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.inFlight || this.pending.size === 0) return;
    this.scheduled = true;
    // One turn of the event loop lets lookups of requests that arrived together join the query.
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.options.inFlight && this.pending.size > 0) {
        this.running += 1;
        void this.run(this.take()).finally(() => {
          this.running -= 1;
          this.schedule();
        });
      }
    });
  }

  private take(): Map<string, { key: K; waiters: Waiter<V>[] }> {
    if (this.pending.size <= this.options.maxKeys) {
      const all = this.pending;
      this.pending = new Map();
      return all;
    }
    const some = new Map<string, { key: K; waiters: Waiter<V>[] }>();
    for (const [id, entry] of this.pending) {
      if (some.size === this.options.maxKeys) break;
      some.set(id, entry);
      this.pending.delete(id);
    }
    return some;
  }

  private async run(batch: Map<string, { key: K; waiters: Waiter<V>[] }>): Promise<void> {
    try {
      const rows = await this.load([...batch.values()].map((e) => e.key));
      for (const [id, entry] of batch) for (const w of entry.waiters) w.resolve(rows.get(id));
    } catch (error) {
      for (const entry of batch.values()) for (const w of entry.waiters) w.reject(error);
    }
  }
}
