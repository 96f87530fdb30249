import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import { CompiledQuery, sql } from 'kysely';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Database, Db } from './db/database.js';
import { AppError } from './errors.js';

export { RateLimiterRes };

/** The part of rate-limiter-flexible's API atrium uses; store failures surface as LimitsUnavailableError. */
export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  get(key: string): Promise<RateLimiterRes | null>;
  penalty(key: string, points: number): Promise<RateLimiterRes>;
  reward(key: string, points: number): Promise<RateLimiterRes>;
  /** Blocks the key for exactly `seconds` from now, whatever its window. */
  block(key: string, seconds: number): Promise<RateLimiterRes>;
  delete(key: string): Promise<boolean>;
}

export interface LimiterOptions {
  /** Namespaces the counters: different limiters never share keys. */
  keyPrefix: string;
  points: number;
  /** Window in seconds. */
  duration: number;
  /** Once exhausted, block the key for this many seconds. */
  blockDuration?: number;
}

/**
 * The store that holds the counters (Redis or PostgreSQL) did not answer.
 * Limits fail closed: a 503 that says so, never a 500 with the store's error
 * (which is logged instead), never a request let through unchecked.
 */
class LimitsUnavailableError extends AppError {
  constructor() {
    super('limits_unavailable', 'Rate limits cannot be checked right now; retry shortly', null, { 'retry-after': '1' });
  }
}

/** PostgreSQL table of rate-limiter-flexible's counters (migration 0008_rate_limits). */
const PG_TABLE = 'rate_limits';

/**
 * Builds limiters on one store, so counters are exact however many processes
 * serve the API: Redis when REDIS_URL is set (fastest); otherwise PostgreSQL
 * when the database is PostgreSQL (several processes may share it); process
 * memory on SQLite, which is one process by design.
 */
export class RateLimiters {
  /** Where store errors go; the app points this at its logger once it exists. */
  onStoreError: (error: Error) => void = () => {};
  private lastErrorAt = 0;
  private sweeper: NodeJS.Timeout | undefined;

  private constructor(
    readonly redis: Redis | undefined,
    /** The PostgreSQL database holding the counters when there is no Redis. */
    readonly postgres: Db | undefined,
  ) {
    // Without a listener ioredis reports every reconnect failure as an
    // unhandled 'error' event; requests that need Redis fail on their own.
    redis?.on('error', (error: Error) => this.reportStoreError(error));
    if (postgres) {
      // Expired counters are only ignored by reads; delete them now and then
      // (the library's own sweep would run one timer per limiter).
      this.sweeper = setInterval(() => {
        void sql`delete from ${sql.table(PG_TABLE)} where expire < ${Date.now() - 3_600_000}`.execute(postgres).catch(() => undefined);
      }, 300_000);
      this.sweeper.unref();
    }
  }

  static create(redisUrl: string | undefined, database?: Pick<Database, 'db' | 'dialect'>): RateLimiters {
    if (redisUrl) {
      // enableOfflineQueue stays on so the first commands wait for the
      // connection instead of failing during start-up.
      // Loaded only when Redis is configured: the client costs ~15 MB of memory at start.
      const ioredis = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
      return new RateLimiters(new ioredis.Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false }), undefined);
    }
    return new RateLimiters(undefined, database?.dialect === 'postgres' ? database.db : undefined);
  }

  /** Logs at most one store error every 10 s: an outage would otherwise log one per request. */
  private reportStoreError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorAt < 10_000) return;
    this.lastErrorAt = now;
    this.onStoreError(error);
  }

  limiter(options: LimiterOptions): RateLimiter {
    const opts = { ...options, keyPrefix: `atrium:${options.keyPrefix}` };
    let inner: RateLimiterAbstract;
    if (this.redis) inner = new RateLimiterRedis({ ...opts, storeClient: this.redis });
    else if (this.postgres) {
      inner = new RateLimiterPostgres({
        ...opts,
        storeClient: kyselyClient(this.postgres),
        storeType: 'client',
        tableName: PG_TABLE,
        // Created by the migration, in the schema of the connection's search_path.
        tableCreated: true,
        clearExpiredByTimeout: false,
      });
    } else inner = new RateLimiterMemory(opts);
    return new GuardedLimiter(inner, (error) => this.reportStoreError(error));
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

/**
 * rate-limiter-flexible's PostgreSQL store calls `client.query({text, values})`
 * and reads `rows` and `rowCount`: run those queries on the app's own pool
 * through Kysely, so they share its connections and search_path.
 */
function kyselyClient(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const result = await db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
      return { rows: result.rows, rowCount: result.numAffectedRows !== undefined ? Number(result.numAffectedRows) : result.rows.length };
    },
  };
}

class GuardedLimiter implements RateLimiter {
  constructor(
    private readonly inner: RateLimiterAbstract,
    private readonly onStoreError: (error: Error) => void,
  ) {}

  private guard<T>(promise: Promise<T>): Promise<T> {
    return promise.catch((error: unknown) => {
      if (isRateLimited(error)) throw error;
      this.onStoreError(error instanceof Error ? error : new Error(String(error)));
      throw new LimitsUnavailableError();
    });
  }

  consume(key: string, points = 1) {
    return this.guard(this.inner.consume(key, points));
  }
  get(key: string) {
    return this.guard(this.inner.get(key));
  }
  penalty(key: string, points: number) {
    return this.guard(this.inner.penalty(key, points));
  }
  reward(key: string, points: number) {
    return this.guard(this.inner.reward(key, points));
  }
  block(key: string, seconds: number) {
    return this.guard(this.inner.block(key, seconds));
  }
  delete(key: string) {
    return this.guard(this.inner.delete(key));
  }
}

/** A rejection from rate-limiter-flexible is a RateLimiterRes; anything else is a store error. */
export function isRateLimited(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}
