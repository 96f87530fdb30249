import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { RateLimiters } from '../../core/rate-limit.js';

export interface MonthUsage {
  requests: number;
  /** Settled cost (micro-dollars); in-flight reservations are not included. */
  costMicros: number;
}

interface Caps {
  /** Requests per month; null = no cap. */
  requests: number | null;
  /** Micro-dollars per month; null = no cap. */
  costMicros: number | null;
}

/** Reads the month's figures of a counter from the usage rows, the first time a process needs them. */
type Seed = () => Promise<MonthUsage>;

/** One counter a request is admitted against: a provider key, a token, a member or the workspace. */
export interface CapLevel {
  /** Counter id: the key id, or `token:<id>`, `member:<workspace>:<user>`, `workspace:<id>`. */
  id: string;
  caps: Caps;
  seed: Seed;
}

type ReserveResult =
  | { allowed: true; usage: MonthUsage[] }
  | { allowed: false; level: number; reason: 'requests' | 'cost'; usage: MonthUsage };

/**
 * How long a reservation holds its worst-case cost when its request never
 * settles it (the process died): longer than any upstream wait (headers
 * 10 min by default). A request that outlives it is still counted when it
 * settles.
 */
const RESERVATION_TTL_MS = 15 * 60_000;

/**
 * The month's request count, settled cost and in-flight reservations of each
 * counter. `reserve` is one atomic step over all the counters a request
 * touches: unless one of them would pass a cap, it counts the request on each
 * and reserves the request's worst-case cost on those with a cost cap. In
 * Redis (one Lua script) when REDIS_URL is set, else in PostgreSQL (one
 * transaction over the locked rows), so instances never admit more than a
 * cap between them; in memory on SQLite (one process).
 */
export interface CapCounters {
  reserve(reservationId: string, period: string, levels: CapLevel[], micros: number, now: number): Promise<ReserveResult>;
  /** Ends a reservation (its worst case leaves) and adds the actual cost; the month's cost of each level after it. */
  settle(reservationId: string, period: string, levels: CapLevel[], actualMicros: number): Promise<number[]>;
}

const costRefused = (caps: Caps, cost: number, reserved: number, micros: number) =>
  caps.costMicros !== null && (cost >= caps.costMicros || cost + reserved + micros > caps.costMicros);

interface MemoryCounter extends MonthUsage {
  reservations: Map<string, { micros: number; expiresAt: number }>;
}

class MemoryCapCounters implements CapCounters {
  private readonly counters = new Map<string, MemoryCounter>();
  private readonly seeding = new Map<string, Promise<MemoryCounter>>();
  private period = '';

  private async get(level: CapLevel, period: string): Promise<MemoryCounter> {
    if (period !== this.period) {
      // A new month: last month's counters are no longer needed.
      this.period = period;
      this.counters.clear();
      this.seeding.clear();
    }
    const known = this.counters.get(level.id);
    if (known) return known;
    let pending = this.seeding.get(level.id);
    if (!pending) {
      pending = level.seed().then((usage) => {
        const counter = this.counters.get(level.id) ?? { ...usage, reservations: new Map() };
        this.counters.set(level.id, counter);
        return counter;
      });
      this.seeding.set(level.id, pending);
      pending.finally(() => this.seeding.delete(level.id)).catch(() => undefined);
    }
    return pending;
  }

  private static reserved(c: MemoryCounter, now: number): number {
    let sum = 0;
    for (const [id, r] of c.reservations) {
      if (r.expiresAt <= now) c.reservations.delete(id);
      else sum += r.micros;
    }
    return sum;
  }

  async reserve(reservationId: string, period: string, levels: CapLevel[], micros: number, now: number): Promise<ReserveResult> {
    const counters = await Promise.all(levels.map((l) => this.get(l, period)));
    // Nothing awaits between the checks and the updates: atomic within the process.
    for (const [i, c] of counters.entries()) {
      const caps = levels[i].caps;
      const usage = { requests: c.requests, costMicros: c.costMicros };
      if (costRefused(caps, c.costMicros, MemoryCapCounters.reserved(c, now), micros)) return { allowed: false, level: i, reason: 'cost', usage };
      if (caps.requests !== null && c.requests >= caps.requests) return { allowed: false, level: i, reason: 'requests', usage };
    }
    for (const [i, c] of counters.entries()) {
      c.requests += 1;
      if (micros > 0 && levels[i].caps.costMicros !== null) c.reservations.set(reservationId, { micros, expiresAt: now + RESERVATION_TTL_MS });
    }
    return { allowed: true, usage: counters.map((c) => ({ requests: c.requests, costMicros: c.costMicros })) };
  }

  async settle(reservationId: string, period: string, levels: CapLevel[], actualMicros: number): Promise<number[]> {
    const counters = await Promise.all(levels.map((l) => this.get(l, period)));
    return counters.map((c) => {
      c.reservations.delete(reservationId);
      c.costMicros += actualMicros;
      return c.costMicros;
    });
  }
}

// Per level i, KEYS[3i-2..3i] = the counter hash (r requests, c cost, v reserved), a sorted set of
// reservation ids by expiry, and a hash of reservation id → micros.
// ARGV = reservation id, micros, now, expiry, ttl ms, n, then per level: request cap, cost cap (-1 = none), seed r, seed c.
// Expired reservations leave first; then every level is checked, and only if all admit are they all updated.
const RESERVE = `
local id, amount, now, exp, ttl, n = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5], tonumber(ARGV[6])
for i = 1, n do
  local h, z, m, b = KEYS[3*i-2], KEYS[3*i-1], KEYS[3*i], 6 + 4*(i-1)
  if redis.call('EXISTS', h) == 0 then
    redis.call('HSET', h, 'r', ARGV[b+3], 'c', ARGV[b+4], 'v', 0)
    redis.call('PEXPIRE', h, ttl)
  end
  local expired = redis.call('ZRANGEBYSCORE', z, '-inf', now)
  for _, rid in ipairs(expired) do
    local amt = redis.call('HGET', m, rid)
    if amt then
      redis.call('HINCRBY', h, 'v', -tonumber(amt))
      redis.call('HDEL', m, rid)
    end
  end
  if #expired > 0 then redis.call('ZREMRANGEBYSCORE', z, '-inf', now) end
  local r = tonumber(redis.call('HGET', h, 'r'))
  local c = tonumber(redis.call('HGET', h, 'c'))
  local v = tonumber(redis.call('HGET', h, 'v') or '0')
  local rc, cc = tonumber(ARGV[b+1]), tonumber(ARGV[b+2])
  if cc >= 0 and (c >= cc or c + v + amount > cc) then return {i, 2, r, c} end
  if rc >= 0 and r >= rc then return {i, 1, r, c} end
end
local out = {0, 0, 0, 0}
for i = 1, n do
  local h, z, m, b = KEYS[3*i-2], KEYS[3*i-1], KEYS[3*i], 6 + 4*(i-1)
  out[#out+1] = redis.call('HINCRBY', h, 'r', 1)
  out[#out+1] = tonumber(redis.call('HGET', h, 'c'))
  if amount > 0 and tonumber(ARGV[b+2]) >= 0 then
    redis.call('HINCRBY', h, 'v', amount)
    redis.call('ZADD', z, exp, id)
    redis.call('HSET', m, id, amount)
    redis.call('PEXPIRE', z, ttl)
    redis.call('PEXPIRE', m, ttl)
  end
end
return out
`;

// KEYS as RESERVE; ARGV = reservation id, actual micros, ttl ms, n, then per level: seed r, seed c.
const SETTLE = `
local id, actual, ttl, n = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local out = {}
for i = 1, n do
  local h, z, m, b = KEYS[3*i-2], KEYS[3*i-1], KEYS[3*i], 4 + 2*(i-1)
  if redis.call('EXISTS', h) == 0 then
    redis.call('HSET', h, 'r', ARGV[b+1], 'c', ARGV[b+2], 'v', 0)
    redis.call('PEXPIRE', h, ttl)
  end
  local amt = redis.call('HGET', m, id)
  if amt then
    redis.call('HDEL', m, id)
    redis.call('ZREM', z, id)
    redis.call('HINCRBY', h, 'v', -tonumber(amt))
  end
  out[i] = redis.call('HINCRBY', h, 'c', actual)
end
return out
`;

const TTL_MS = 40 * 86_400_000;

type ScriptedRedis = Redis & {
  atriumAiCapReserve(numKeys: number, ...args: Array<string | number>): Promise<number[]>;
  atriumAiCapSettle(numKeys: number, ...args: Array<string | number>): Promise<number[]>;
};

class RedisCapCounters implements CapCounters {
  private readonly redis: ScriptedRedis;
  /** Hashes this process knows exist: it need not read the database to seed them. */
  private readonly seeded = new Set<string>();

  constructor(redis: Redis) {
    if (!('atriumAiCapReserve' in redis)) {
      redis.defineCommand('atriumAiCapReserve', { lua: RESERVE });
      redis.defineCommand('atriumAiCapSettle', { lua: SETTLE });
    }
    this.redis = redis as ScriptedRedis;
  }

  private keys(levels: CapLevel[], period: string): string[] {
    return levels.flatMap((l) => {
      const hash = `atrium:ai-usage:${l.id}:${period}`;
      return [hash, `${hash}:rz`, `${hash}:rm`];
    });
  }

  /** Seed values: the database's only the first time this process touches the hash. */
  private async seeds(levels: CapLevel[], period: string): Promise<MonthUsage[]> {
    return Promise.all(
      levels.map(async (l) => {
        const hash = `${l.id}:${period}`;
        if (this.seeded.has(hash)) return { requests: 0, costMicros: 0 };
        const usage = await l.seed();
        this.seeded.add(hash);
        return usage;
      }),
    );
  }

  async reserve(reservationId: string, period: string, levels: CapLevel[], micros: number, now: number): Promise<ReserveResult> {
    const seeds = await this.seeds(levels, period);
    const perLevel = levels.flatMap((l, i) => [l.caps.requests ?? -1, l.caps.costMicros ?? -1, seeds[i].requests, seeds[i].costMicros]);
    const keys = this.keys(levels, period);
    const out = (await this.redis.atriumAiCapReserve(keys.length, ...keys, reservationId, micros, now, now + RESERVATION_TTL_MS, TTL_MS, levels.length, ...perLevel)).map(Number);
    if (out[0] !== 0) return { allowed: false, level: out[0] - 1, reason: out[1] === 2 ? 'cost' : 'requests', usage: { requests: out[2], costMicros: out[3] } };
    return { allowed: true, usage: levels.map((_, i) => ({ requests: out[4 + 2 * i], costMicros: out[5 + 2 * i] })) };
  }

  async settle(reservationId: string, period: string, levels: CapLevel[], actualMicros: number): Promise<number[]> {
    const seeds = await this.seeds(levels, period);
    const keys = this.keys(levels, period);
    const perLevel = seeds.flatMap((s) => [s.requests, s.costMicros]);
    return (await this.redis.atriumAiCapSettle(keys.length, ...keys, reservationId, actualMicros, TTL_MS, levels.length, ...perLevel)).map(Number);
  }
}

/**
 * Counters in `ai_cap_counters` (one row per counter and month) and
 * reservations in `ai_cap_reservations` (migration 0009). Admission is one
 * transaction: lock the request's counter rows in id order (no deadlock
 * between requests touching several), drop expired reservations, sum the
 * live ones, check every cap, then count and reserve. Settling is one
 * statement that drops the reservation and adds the cost.
 */
class PostgresCapCounters implements CapCounters {
  /** Rows this process knows exist (as RedisCapCounters' hashes). */
  private readonly seeded = new Set<string>();
  private period = '';

  constructor(private readonly db: Db) {}

  /** Creates the rows from the database figures the first time this process touches them (the first process wins). */
  private async ensureRows(levels: CapLevel[], period: string): Promise<void> {
    if (period !== this.period) {
      // A new month: rows older than last month are no longer read (last
      // month's stay for processes whose clock has not turned yet).
      this.period = period;
      this.seeded.clear();
      const previous = new Date(Date.parse(`${period}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
      void sql`delete from ai_cap_counters where period < ${previous}`.execute(this.db).catch(() => undefined);
      void sql`delete from ai_cap_reservations where period < ${previous}`.execute(this.db).catch(() => undefined);
    }
    await Promise.all(
      levels.map(async (l) => {
        const id = `${l.id}:${period}`;
        if (this.seeded.has(id)) return;
        const usage = await l.seed();
        await sql`insert into ai_cap_counters (key_id, period, requests, cost_micros)
          values (${l.id}, ${period}, ${usage.requests}, ${usage.costMicros}) on conflict do nothing`.execute(this.db);
        this.seeded.add(id);
      }),
    );
  }

  async reserve(reservationId: string, period: string, levels: CapLevel[], micros: number, now: number, retry = true): Promise<ReserveResult> {
    await this.ensureRows(levels, period);
    const ids = levels.map((l) => l.id);
    const result = await this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ key_id: string; requests: string; cost_micros: string }>`
        select key_id, requests, cost_micros from ai_cap_counters
        where period = ${period} and key_id in (${sql.join(ids)}) order by key_id for update`.execute(trx);
      if (rows.length !== new Set(ids).size) return null;
      await sql`delete from ai_cap_reservations where period = ${period} and counter_id in (${sql.join(ids)}) and expires_at <= ${now}`.execute(trx);
      const live = await sql<{ counter_id: string; micros: string }>`
        select counter_id, sum(micros) as micros from ai_cap_reservations
        where period = ${period} and counter_id in (${sql.join(ids)}) group by counter_id`.execute(trx);
      const reserved = new Map(live.rows.map((r) => [r.counter_id, Number(r.micros)]));
      const byId = new Map(rows.map((r) => [r.key_id, { requests: Number(r.requests), costMicros: Number(r.cost_micros) }]));
      for (const [i, l] of levels.entries()) {
        const usage = byId.get(l.id)!;
        if (costRefused(l.caps, usage.costMicros, reserved.get(l.id) ?? 0, micros)) return { allowed: false as const, level: i, reason: 'cost' as const, usage };
        if (l.caps.requests !== null && usage.requests >= l.caps.requests) return { allowed: false as const, level: i, reason: 'requests' as const, usage };
      }
      await sql`update ai_cap_counters set requests = requests + 1 where period = ${period} and key_id in (${sql.join(ids)})`.execute(trx);
      const capped = levels.filter((l) => l.caps.costMicros !== null);
      if (micros > 0 && capped.length) {
        const values = capped.map((l) => sql`(${reservationId}, ${l.id}, ${period}, ${micros}, ${now + RESERVATION_TTL_MS})`);
        await sql`insert into ai_cap_reservations (id, counter_id, period, micros, expires_at) values ${sql.join(values)}`.execute(trx);
      }
      return { allowed: true as const, usage: levels.map((l) => ({ ...byId.get(l.id)!, requests: byId.get(l.id)!.requests + 1 })) };
    });
    if (result) return result;
    // A row deleted under us (another process's clock is a month ahead): seed again, once.
    for (const id of ids) this.seeded.delete(`${id}:${period}`);
    if (retry) return this.reserve(reservationId, period, levels, micros, now, false);
    throw new Error(`ai_cap_counters rows of ${ids.join(', ')} for ${period} vanished`);
  }

  async settle(reservationId: string, period: string, levels: CapLevel[], actualMicros: number): Promise<number[]> {
    await this.ensureRows(levels, period);
    const ids = levels.map((l) => l.id);
    // The rows are locked in id order first, as reserve() does, so the two never deadlock.
    const { rows } = await sql<{ key_id: string; cost_micros: string }>`
      with locked as (
        select key_id from ai_cap_counters where period = ${period} and key_id in (${sql.join(ids)}) order by key_id for update
      ), released as (
        delete from ai_cap_reservations where id = ${reservationId}
      )
      update ai_cap_counters set cost_micros = cost_micros + ${actualMicros}
      where period = ${period} and key_id in (select key_id from locked)
      returning key_id, cost_micros`.execute(this.db);
    const cost = new Map(rows.map((r) => [r.key_id, Number(r.cost_micros)]));
    return ids.map((id) => cost.get(id) ?? 0);
  }
}

/** The counters on the limiters' store: Redis, else PostgreSQL, else memory (SQLite). */
export function capCounters(limiters: RateLimiters): CapCounters {
  if (limiters.redis) return new RedisCapCounters(limiters.redis);
  if (limiters.postgres) return new PostgresCapCounters(limiters.postgres);
  return new MemoryCapCounters();
}
