import { isRateLimited, type RateLimiter, type RateLimiters } from '../../core/rate-limit.js';

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

  /** Gives back what admit() took, when a later check refused the request. */
  async refund(keyId: string, rpm: number | null, tpm: number | null, taken: number): Promise<void> {
    if (rpm !== null) await this.limiter('rpm', rpm).reward(keyId, 1);
    if (tpm !== null && taken > 0) await this.limiter('tpm', tpm).reward(keyId, taken);
  }

  /** Corrects the token count with the real usage (more or fewer than estimated). */
  async settle(keyId: string, tpm: number | null, taken: number, actual: number): Promise<void> {
    if (tpm === null) return;
    const delta = actual - taken;
    if (delta > 0) await this.limiter('tpm', tpm).penalty(keyId, delta);
    else if (delta < 0) await this.limiter('tpm', tpm).reward(keyId, -delta);
  }
}
