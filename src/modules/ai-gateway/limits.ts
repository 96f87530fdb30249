import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { isRateLimited, type RateLimiter, type RateLimiters } from '../../core/rate-limit.js';

export interface MonthUsage {
  requests: number;
  costMicros: number;
}

interface Caps {
  /** Requests per month; null = no cap. */
  requests: number | null;
  /** Micro-dollars per month; null = no cap. */
  costMicros: number | null;
}

type ReserveResult = { allowed: true; usage: MonthUsage } | { allowed: false; reason: 'requests' | 'cost'; usage: MonthUsage };

/** Reads the month's figures from the database, the first time a process needs them. */
type Seed = () => Promise<MonthUsage>;

/**
 * The month's request count and cost of each key, read by the cap check
 * before every upstream call. In Redis (atomic Lua scripts) when REDIS_URL
 * is set, else in PostgreSQL (conditional UPDATE … RETURNING), so several
 * instances never admit more requests than the cap; in memory on SQLite (one
 * process). Seeded once from the usage tables.
 */
export interface CapCounters {
  /** Counts one request for the month unless a cap is reached. */
  reserve(keyId: string, period: string, caps: Caps, seed: Seed): Promise<ReserveResult>;
  /** Adds the cost of a finished request; returns the month's cost after it. */
  addCost(keyId: string, period: string, micros: number, seed: Seed): Promise<number>;
}

class MemoryCapCounters implements CapCounters {
  private readonly counters = new Map<string, MonthUsage>();
  private readonly seeding = new Map<string, Promise<MonthUsage>>();
  private period = '';

  private async get(keyId: string, period: string, seed: Seed): Promise<MonthUsage> {
    if (period !== this.period) {
      // A new month: last month's counters are no longer needed.
      this.period = period;
      this.counters.clear();
      this.seeding.clear();
    }
    const id = `${keyId}:${period}`;
    const known = this.counters.get(id);
    if (known) return known;
    let pending = this.seeding.get(id);
    if (!pending) {
      pending = seed().then((usage) => {
        const counter = this.counters.get(id) ?? { ...usage };
        this.counters.set(id, counter);
        return counter;
      });
      this.seeding.set(id, pending);
      pending.finally(() => this.seeding.delete(id)).catch(() => undefined);
    }
    return pending;
  }

  async reserve(keyId: string, period: string, caps: Caps, seed: Seed): Promise<ReserveResult> {
    const c = await this.get(keyId, period, seed);
    if (caps.costMicros !== null && c.costMicros >= caps.costMicros) return { allowed: false, reason: 'cost', usage: { ...c } };
    if (caps.requests !== null && c.requests >= caps.requests) return { allowed: false, reason: 'requests', usage: { ...c } };
    c.requests += 1;
    return { allowed: true, usage: { ...c } };
  }

  async addCost(keyId: string, period: string, micros: number, seed: Seed): Promise<number> {
    const c = await this.get(keyId, period, seed);
    c.costMicros += micros;
    return c.costMicros;
  }
}

// KEYS[1] = hash; ARGV = request cap, cost cap (-1 = none), seed requests, seed cost, ttl ms.
// Seeds the hash from the database figures if it does not exist, then counts the request atomically.
const RESERVE = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'r', ARGV[3], 'c', ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
end
local r = tonumber(redis.call('HGET', KEYS[1], 'r'))
local c = tonumber(redis.call('HGET', KEYS[1], 'c'))
if tonumber(ARGV[2]) >= 0 and c >= tonumber(ARGV[2]) then return {2, r, c} end
if tonumber(ARGV[1]) >= 0 and r >= tonumber(ARGV[1]) then return {1, r, c} end
r = redis.call('HINCRBY', KEYS[1], 'r', 1)
return {0, r, c}
`;

// KEYS[1] = hash; ARGV = micros, seed requests, seed cost, ttl ms.
const ADD_COST = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'r', ARGV[2], 'c', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return redis.call('HINCRBY', KEYS[1], 'c', ARGV[1])
`;

const TTL_MS = 40 * 86_400_000;

type ScriptedRedis = Redis & {
  atriumAiReserve(key: string, ...args: Array<string | number>): Promise<[number, number, number]>;
  atriumAiAddCost(key: string, ...args: Array<string | number>): Promise<number>;
};

class RedisCapCounters implements CapCounters {
  private readonly redis: ScriptedRedis;
  /** Hashes this process knows exist: it need not read the database to seed them. */
  private readonly seeded = new Set<string>();

  constructor(redis: Redis) {
    if (!('atriumAiReserve' in redis)) {
      redis.defineCommand('atriumAiReserve', { numberOfKeys: 1, lua: RESERVE });
      redis.defineCommand('atriumAiAddCost', { numberOfKeys: 1, lua: ADD_COST });
    }
    this.redis = redis as ScriptedRedis;
  }

  private key(keyId: string, period: string): string {
    return `atrium:ai-usage:${keyId}:${period}`;
  }

  /** Seed values: the database's only the first time this process touches the hash. */
  private async seedFor(hash: string, seed: Seed): Promise<MonthUsage> {
    if (this.seeded.has(hash)) return { requests: 0, costMicros: 0 };
    const usage = await seed();
    this.seeded.add(hash);
    return usage;
  }

  async reserve(keyId: string, period: string, caps: Caps, seed: Seed): Promise<ReserveResult> {
    const hash = this.key(keyId, period);
    const s = await this.seedFor(hash, seed);
    const [code, requests, costMicros] = await this.redis.atriumAiReserve(hash, caps.requests ?? -1, caps.costMicros ?? -1, s.requests, s.costMicros, TTL_MS);
    const usage = { requests: Number(requests), costMicros: Number(costMicros) };
    if (code === 0) return { allowed: true, usage };
    return { allowed: false, reason: code === 2 ? 'cost' : 'requests', usage };
  }

  async addCost(keyId: string, period: string, micros: number, seed: Seed): Promise<number> {
    const hash = this.key(keyId, period);
    const s = await this.seedFor(hash, seed);
    return Number(await this.redis.atriumAiAddCost(hash, micros, s.requests, s.costMicros, TTL_MS));
  }
}

/**
 * Counters in `ai_cap_counters` (migration 0008_rate_limits), one row per key
 * and month. Checking the caps and counting the request is one UPDATE whose
 * WHERE holds the caps: PostgreSQL re-checks it on the locked row, so
 * concurrent requests from any number of processes never pass the cap.
 */
class PostgresCapCounters implements CapCounters {
  /** Rows this process knows exist (as RedisCapCounters' hashes). */
  private readonly seeded = new Set<string>();
  private period = '';

  constructor(private readonly db: Db) {}

  /** Creates the row from the database figures the first time this process touches it (the first process wins). */
  private async ensureRow(keyId: string, period: string, seed: Seed): Promise<void> {
    if (period !== this.period) {
      // A new month: rows older than last month are no longer read (last
      // month's stay for processes whose clock has not turned yet).
      this.period = period;
      this.seeded.clear();
      const previous = new Date(Date.parse(`${period}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
      void sql`delete from ai_cap_counters where period < ${previous}`.execute(this.db).catch(() => undefined);
    }
    const id = `${keyId}:${period}`;
    if (this.seeded.has(id)) return;
    const usage = await seed();
    await sql`insert into ai_cap_counters (key_id, period, requests, cost_micros)
      values (${keyId}, ${period}, ${usage.requests}, ${usage.costMicros}) on conflict do nothing`.execute(this.db);
    this.seeded.add(id);
  }

  async reserve(keyId: string, period: string, caps: Caps, seed: Seed, retry = true): Promise<ReserveResult> {
    await this.ensureRow(keyId, period, seed);
    const costCap = caps.costMicros ?? -1;
    const requestCap = caps.requests ?? -1;
    // `counted` is empty when a cap is reached; the second part then reads the row as it was.
    const { rows } = await sql<{ allowed: boolean; requests: number; cost_micros: number }>`
      with counted as (
        update ai_cap_counters set requests = requests + 1
        where key_id = ${keyId} and period = ${period}
          and (${costCap}::bigint < 0 or cost_micros < ${costCap}::bigint)
          and (${requestCap}::bigint < 0 or requests < ${requestCap}::bigint)
        returning requests, cost_micros
      )
      select true as allowed, requests, cost_micros from counted
      union all
      select false, requests, cost_micros from ai_cap_counters
      where key_id = ${keyId} and period = ${period} and not exists (select 1 from counted)`.execute(this.db);
    const row = rows[0];
    if (!row) {
      // Deleted under us (another process's clock is a month ahead): seed it again, once.
      this.seeded.delete(`${keyId}:${period}`);
      if (retry) return this.reserve(keyId, period, caps, seed, false);
      throw new Error(`ai_cap_counters row ${keyId}:${period} vanished`);
    }
    const usage = { requests: Number(row.requests), costMicros: Number(row.cost_micros) };
    if (row.allowed) return { allowed: true, usage };
    return { allowed: false, reason: costCap >= 0 && usage.costMicros >= costCap ? 'cost' : 'requests', usage };
  }

  async addCost(keyId: string, period: string, micros: number, seed: Seed, retry = true): Promise<number> {
    await this.ensureRow(keyId, period, seed);
    const { rows } = await sql<{ cost_micros: number }>`
      update ai_cap_counters set cost_micros = cost_micros + ${micros}
      where key_id = ${keyId} and period = ${period} returning cost_micros`.execute(this.db);
    if (!rows[0]) {
      this.seeded.delete(`${keyId}:${period}`);
      if (retry) return this.addCost(keyId, period, micros, seed, false);
      throw new Error(`ai_cap_counters row ${keyId}:${period} vanished`);
    }
    return Number(rows[0].cost_micros);
  }
}

/** The counters on the limiters' store: Redis, else PostgreSQL, else memory (SQLite). */
export function capCounters(limiters: RateLimiters): CapCounters {
  if (limiters.redis) return new RedisCapCounters(limiters.redis);
  if (limiters.postgres) return new PostgresCapCounters(limiters.postgres);
  return new MemoryCapCounters();
}

export class RateLimitError extends Error {
  constructor(
    readonly limit: 'rpm' | 'tpm',
    readonly retryAfterSeconds: number,
  ) {
    super(`rate limit ${limit}`);
  }
}

/**
 * Per-key requests and tokens per minute (rate-limiter-flexible, on the
 * limiters' store: Redis, PostgreSQL or memory). One limiter per distinct limit value; counters are keyed
 * by the key id, so changing a key's limit keeps its current window.
 */
export class KeyRateLimits {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly factory: RateLimiters) {}

  private limiter(kind: 'rpm' | 'tpm', points: number): RateLimiter {
    const id = `${kind}:${points}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = this.factory.limiter({ keyPrefix: `ai-${kind}`, points, duration: 60 });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /**
   * Takes one request and `tokens` (the prompt estimate, capped at the limit
   * so one large prompt can still pass in an empty minute) from the key's
   * minute. Returns the tokens taken, to settle once usage is known.
   */
  async admit(keyId: string, rpm: number | null, tpm: number | null, tokens: number): Promise<number> {
    try {
      if (rpm !== null) await this.limiter('rpm', rpm).consume(keyId, 1);
    } catch (error) {
      throw isRateLimited(error) ? new RateLimitError('rpm', Math.max(1, Math.ceil(error.msBeforeNext / 1000))) : error;
    }
    if (tpm === null) return 0;
    const taken = Math.max(1, Math.min(tokens, tpm));
    try {
      await this.limiter('tpm', tpm).consume(keyId, taken);
    } catch (error) {
      throw isRateLimited(error) ? new RateLimitError('tpm', Math.max(1, Math.ceil(error.msBeforeNext / 1000))) : error;
    }
    return taken;
  }

  /** Corrects the token count with the real usage (more or fewer than estimated). */
  async settle(keyId: string, tpm: number | null, taken: number, actual: number): Promise<void> {
    if (tpm === null) return;
    const delta = actual - taken;
    if (delta > 0) await this.limiter('tpm', tpm).penalty(keyId, delta);
    else if (delta < 0) await this.limiter('tpm', tpm).reward(keyId, -delta);
  }
}
