import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../core/db/database.js';
import type { UsageRepository } from './usage.repository.js';
import type { AiUsageTable } from './usage.tables.js';

export interface UsageRecorderOptions {
  /** Buffered rows are written this long after the first one arrives. */
  flushIntervalMs?: number;
  /** How long close() waits for in-flight requests to finish. */
  drainTimeoutMs?: number;
  /** Rows kept while the database is failing; beyond that the oldest are dropped (and logged). */
  maxBuffered?: number;
}

/**
 * Usage rows are written in batches, off the request path: a row joins the
 * buffer, and the buffer is written in one transaction (rows + daily
 * aggregates) ~100 ms after its first row. `close()` waits for the requests
 * still in flight (a stream ending during shutdown), then writes everything.
 * Caps do not depend on these writes: they read the in-memory/Redis counters.
 */
export class UsageRecorder {
  private buffer: AiUsageTable[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private drained: Array<() => void> = [];
  private readonly flushIntervalMs: number;
  private readonly drainTimeoutMs: number;
  private readonly maxBuffered: number;
  log: Pick<FastifyBaseLogger, 'error' | 'warn'> | undefined;

  constructor(
    private readonly db: Db,
    private readonly repo: UsageRepository,
    options: UsageRecorderOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 100;
    this.drainTimeoutMs = options.drainTimeoutMs ?? 25_000;
    this.maxBuffered = options.maxBuffered ?? 100_000;
  }

  /** Marks a request in flight; call the returned function once its usage is recorded (or it has none). */
  begin(): () => void {
    this.inFlight += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
    };
  }

  get pending(): number {
    return this.buffer.length;
  }

  record(row: AiUsageTable): void {
    this.buffer.push(row);
    if (this.buffer.length > this.maxBuffered) {
      const dropped = this.buffer.splice(0, this.buffer.length - this.maxBuffered);
      this.log?.error({ dropped: dropped.length }, 'ai usage buffer full: oldest usage rows dropped');
    }
    this.schedule(this.flushIntervalMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  /** Writes everything buffered so far; resolves when it is in the database (or the write failed and was logged). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.chain = this.chain.then(() => this.writeAll());
    return this.chain;
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const rows = this.buffer.splice(0, 1000);
      try {
        await this.db.transaction().execute((trx) => this.repo.with(trx).insertBatch(rows));
      } catch (error) {
        this.buffer.unshift(...rows);
        this.log?.error({ err: error, rows: rows.length }, 'writing ai usage failed; retrying in 1 s');
        this.schedule(1000);
        return;
      }
    }
  }

  /** Graceful shutdown: wait for in-flight requests, then write every buffered row. */
  async close(): Promise<void> {
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(resolve, this.drainTimeoutMs);
        this.drained.push(() => {
          clearTimeout(timeout);
          resolve();
        });
      });
    }
    await this.flush();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.buffer.length > 0) {
      // One last try: the database may have come back.
      this.chain = this.chain.then(() => this.writeAll());
      await this.chain;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (this.buffer.length > 0) this.log?.error({ rows: this.buffer.length }, 'ai usage rows lost at shutdown: the database refused them');
    }
  }
}
