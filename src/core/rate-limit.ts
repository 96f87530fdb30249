import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export { RateLimiterRes };
export type RateLimiter = RateLimiterAbstract;

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
 * Builds limiters on one store: process memory by default, Redis when
 * REDIS_URL is set so counters are shared by every instance.
 */
export class RateLimiters {
  /** Where connection errors go; the app points this at its logger once it exists. */
  onRedisError: (error: Error) => void = () => {};
  private lastErrorAt = 0;

  private constructor(readonly redis: Redis | undefined) {
    // Without a listener ioredis reports every reconnect failure as an
    // unhandled 'error' event. Report at most one every 10 s: requests that
    // need Redis fail on their own and say so.
    redis?.on('error', (error: Error) => {
      const now = Date.now();
      if (now - this.lastErrorAt < 10_000) return;
      this.lastErrorAt = now;
      this.onRedisError(error);
    });
  }

  static create(redisUrl: string | undefined): RateLimiters {
    if (!redisUrl) return new RateLimiters(undefined);
    // enableOfflineQueue stays on so the first commands wait for the
    // connection instead of failing during start-up.
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
    return new RateLimiters(redis);
  }

  limiter(options: LimiterOptions): RateLimiter {
    const opts = { ...options, keyPrefix: `atrium:${options.keyPrefix}` };
    return this.redis ? new RateLimiterRedis({ ...opts, storeClient: this.redis }) : new RateLimiterMemory(opts);
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

/** A rejection from rate-limiter-flexible is a RateLimiterRes; anything else is a store error. */
export function isRateLimited(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}
