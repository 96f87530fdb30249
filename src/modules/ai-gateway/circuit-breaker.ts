import type { Redis } from 'ioredis';

interface BreakerSettings {
  /** Consecutive retryable failures that open the circuit. */
  failures: number;
  cooldownMs: number;
}

/**
 * `skip`: the circuit is open (or its one trial is running); `clean`: closed
 * with no failure on record; `tracked`: closed with failures on record, or
 * the half-open trial — a success must then reset the record.
 */
type BreakerAdmission = 'skip' | 'clean' | 'tracked';

/**
 * A circuit breaker per AI key (ADR 0008): after `failures` consecutive
 * retryable failures the key is skipped for the cool-down, then one trial
 * request is let through (half-open); its success closes the circuit, its
 * failure opens it again. Shared between instances through Redis when
 * REDIS_URL is set, else per process.
 */
export interface CircuitBreaker {
  admit(keyId: string, settings: BreakerSettings): Promise<BreakerAdmission>;
  /** Counts a retryable failure; true when the circuit is now open. */
  failure(keyId: string, settings: BreakerSettings): Promise<boolean>;
  success(keyId: string, admission: BreakerAdmission): Promise<void>;
}

interface State {
  failures: number;
  /** 0: closed; else open (or trial running) until then. */
  openUntil: number;
}

/** Keys are few per process, and an entry goes away with the key's first success. */
class MemoryCircuitBreaker implements CircuitBreaker {
  private readonly states = new Map<string, State>();

  constructor(private readonly now: () => number) {}

  admit(keyId: string, settings: BreakerSettings): Promise<BreakerAdmission> {
    const state = this.states.get(keyId);
    if (!state) return Promise.resolve('clean');
    if (state.openUntil === 0) return Promise.resolve('tracked');
    const now = this.now();
    if (now < state.openUntil) return Promise.resolve('skip');
    // Half-open: this request is the trial; others skip the key until it ends or the cool-down passes again.
    state.openUntil = now + settings.cooldownMs;
    return Promise.resolve('tracked');
  }

  failure(keyId: string, settings: BreakerSettings): Promise<boolean> {
    const state = this.states.get(keyId) ?? { failures: 0, openUntil: 0 };
    state.failures += 1;
    if (state.openUntil !== 0 || state.failures >= settings.failures) state.openUntil = this.now() + settings.cooldownMs;
    this.states.set(keyId, state);
    return Promise.resolve(state.openUntil !== 0);
  }

  success(keyId: string, admission: BreakerAdmission): Promise<void> {
    if (admission === 'tracked') this.states.delete(keyId);
    return Promise.resolve();
  }
}

// KEYS[1] = hash {f: failures, u: open until}; ARGV = now, cool-down ms. Returns 0 skip, 1 clean, 2 tracked.
const ADMIT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 1 end
local u = tonumber(redis.call('HGET', KEYS[1], 'u') or '0')
if u == 0 then return 2 end
local now = tonumber(ARGV[1])
if now < u then return 0 end
redis.call('HSET', KEYS[1], 'u', now + tonumber(ARGV[2]))
return 2
`;

// KEYS[1] = hash; ARGV = now, cool-down ms, failures that open, ttl ms. Returns 1 when the circuit is open.
const FAILURE = `
local f = redis.call('HINCRBY', KEYS[1], 'f', 1)
local u = tonumber(redis.call('HGET', KEYS[1], 'u') or '0')
local open = 0
if u ~= 0 or f >= tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[1], 'u', tonumber(ARGV[1]) + tonumber(ARGV[2]))
  open = 1
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return open
`;

/** A failure record outlives its last failure by this much (then the count starts again). */
const TTL_MS = 3_600_000;

type ScriptedRedis = Redis & {
  atriumBreakerAdmit(key: string, ...args: Array<string | number>): Promise<number>;
  atriumBreakerFailure(key: string, ...args: Array<string | number>): Promise<number>;
};

/**
 * The same state machine in a Redis hash per key, each step one Lua script.
 * A Redis failure never refuses a request: the breaker only saves time, so
 * it then lets every target be tried.
 */
class RedisCircuitBreaker implements CircuitBreaker {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
  ) {
    if (!('atriumBreakerAdmit' in redis)) {
      redis.defineCommand('atriumBreakerAdmit', { numberOfKeys: 1, lua: ADMIT });
      redis.defineCommand('atriumBreakerFailure', { numberOfKeys: 1, lua: FAILURE });
    }
    this.redis = redis as ScriptedRedis;
  }

  private key(keyId: string): string {
    return `atrium:ai-breaker:${keyId}`;
  }

  async admit(keyId: string, settings: BreakerSettings): Promise<BreakerAdmission> {
    try {
      const code = await this.redis.atriumBreakerAdmit(this.key(keyId), this.now(), settings.cooldownMs);
      return code === 0 ? 'skip' : code === 1 ? 'clean' : 'tracked';
    } catch (error) {
      this.onError(error);
      return 'clean';
    }
  }

  async failure(keyId: string, settings: BreakerSettings): Promise<boolean> {
    try {
      return (await this.redis.atriumBreakerFailure(this.key(keyId), this.now(), settings.cooldownMs, settings.failures, TTL_MS)) === 1;
    } catch (error) {
      this.onError(error);
      return false;
    }
  }

  async success(keyId: string, admission: BreakerAdmission): Promise<void> {
    // A clean key has nothing to reset: no write on the happy path.
    if (admission === 'tracked') await this.redis.del(this.key(keyId)).catch(this.onError);
  }
}

export function circuitBreaker(options: { redis?: Redis; now?: () => number; onError?: (error: unknown) => void }): CircuitBreaker {
  const now = options.now ?? Date.now;
  if (options.redis) return new RedisCircuitBreaker(options.redis, now, options.onError ?? (() => undefined));
  return new MemoryCircuitBreaker(now);
}
