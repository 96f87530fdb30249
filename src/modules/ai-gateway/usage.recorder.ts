import type { FastifyBaseLogger } from 'fastify';
import { ping, type Db } from '../../core/db/database.js';
import type { UsageRepository } from './usage.repository.js';
import type { AiUsageTable } from './usage.tables.js';

export interface UsageRecorderOptions {
  /** Buffered rows are written this long after the first one arrives. */
  flushIntervalMs?: number;
  /** How long close() waits for in-flight requests to finish. */
  drainTimeoutMs?: number;
  /** Rows kept while the database is failing; beyond that the oldest are dropped (and logged). */
  maxBuffered?: number;
  /** Called for rows set aside: `refused` (the database rejects the row itself) or `buffer_full`. */
  onDropped?: (reason: 'refused' | 'buffer_full', rows: number) => void;
}

/**
 * Errors that say nothing about the rows: the database is unreachable, busy
 * or shutting down, or its schema or grants are wrong. A batch failing with
 * one of these is retried as a whole, never split nor dropped. PostgreSQL
 * SQLSTATE classes: 08 connection, 40 transaction rollback, 42 undefined
 * table/column or permission denied, 53 insufficient resources, 55 lock not
 * available, 57 operator intervention, 58 system error; SQLite's generic
 * error (no such table) and busy/locked/I/O/full. Row-level refusals are the
 * others: PostgreSQL 22 (data exception: U+0000, out of range) and 23
 * (constraint), SQLite constraint/mismatch/too big.
 */
const TRANSIENT_SQLSTATE = /^(08|40|42|53|55|57|58)/;
const TRANSIENT_SQLITE = /^SQLITE_(ERROR$|BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM|INTERRUPT|PROTOCOL|READONLY|CORRUPT|NOTADB)/;
const TRANSIENT_NODE = /^(E[A-Z]+)$/; // ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND…

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  // Errors without a code (pg's "Connection terminated unexpectedly") are settled by a ping once a row stands alone.
  return typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_SQLITE.test(code) || TRANSIENT_NODE.test(code));
}

/** A database error without values: what is safe to log about a refused row. */
const describe = (error: unknown) => ({ code: (error as { code?: unknown })?.code ?? null, message: String((error as Error)?.message ?? error).slice(0, 200) });

/**
 * Usage rows are written in batches, off the request path: a row joins the
 * buffer, and the buffer is written in one transaction (rows + daily
 * aggregates) ~100 ms after its first row. `close()` waits for the requests
 * still in flight (a stream ending during shutdown), then writes everything.
 * Caps do not depend on these writes: they read the in-memory/Redis counters.
 *
 * One row the database refuses (e.g. a model name with U+0000 on PostgreSQL)
 * must not hold back everyone's usage: a failing batch is split in halves
 * until the refused row stands alone, which is then set aside (logged,
 * counted), and the others are written. A failure that is not about the
 * rows (database down) keeps the batch for a retry instead.
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
    private readonly options: UsageRecorderOptions = {},
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
      this.options.onDropped?.('buffer_full', dropped.length);
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
      const left = await this.write(rows);
      if (left.length > 0) {
        this.buffer.unshift(...left);
        this.log?.error({ rows: left.length }, 'writing ai usage failed (database unavailable); retrying in 1 s');
        this.schedule(1000);
        return;
      }
    }
  }

  /**
   * Writes `rows`, splitting the batch to isolate rows the database refuses.
   * Returns the rows still to write because the database itself failed
   * (empty when every row was written or set aside).
   */
  private async write(rows: AiUsageTable[]): Promise<AiUsageTable[]> {
    try {
      await this.db.transaction().execute((trx) => this.repo.with(trx).insertBatch(rows));
      return [];
    } catch (error) {
      if (isTransient(error)) return rows;
      if (rows.length > 1) {
        const half = Math.ceil(rows.length / 2);
        const first = await this.write(rows.slice(0, half));
        if (first.length > 0) return [...first, ...rows.slice(half)];
        return this.write(rows.slice(half));
      }
      // Alone, and the error names no outage: still make sure the database answers before blaming the row.
      try {
        await ping(this.db);
      } catch {
        return rows;
      }
      const [row] = rows;
      this.options.onDropped?.('refused', 1);
      this.log?.error(
        { usage_id: row.id, workspace_id: row.workspace_id, key_id: row.key_id, provider: row.provider, status_code: row.status_code, err: describe(error) },
        'ai usage row refused by the database: set aside, the others are written',
      );
      return [];
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
