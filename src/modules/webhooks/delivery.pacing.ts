import type { WebhookConfig } from '../../core/config.js';

/**
 * Deliveries claimed per endpoint slot, at most: one being sent and the rest
 * waiting locally, so a freed slot is refilled at once and claims (each a
 * commit, an fsync on SQLite) can be few and large while the queue is busy.
 * A slow endpoint gets fewer (see prefetchFor).
 */
export const PREFETCH = 8;
/** A prefetched delivery is only started if its lease outlives a whole attempt by this much (at most). */
const LEASE_MARGIN_MS = 2_000;
/**
 * While attempts are under way, claims are at least this far apart: each
 * then picks up a batch and writes back the results gathered meanwhile, in
 * one transaction. With deliveries waiting locally for a slot the worker has
 * work in hand and claims less often: measured on a draining queue, 3 ms gave
 * ~480 commits for 16,000 deliveries and 10 ms ~180, and the main thread's
 * time blocked in fsync fell from ~1.1 s to ~0.4 s. With nothing waiting, a
 * claim soon keeps light traffic's latency low (p50 6 ms instead of 12 ms at
 * 400 deliveries/s). An idle worker claims at once.
 */
export const CLAIM_INTERVAL_MS = 3;
export const CLAIM_INTERVAL_BACKLOG_MS = 10;

/** How long before its lease ends a delivery must start: the attempt's timeout plus a margin (a fresh claim always qualifies). */
export const startBy = (config: Pick<WebhookConfig, 'leaseMs' | 'timeoutMs'>) =>
  config.timeoutMs + Math.min(LEASE_MARGIN_MS, (config.leaseMs - config.timeoutMs) / 2);

/**
 * Deliveries to claim per slot of an endpoint whose attempts take
 * `attemptMs` on average: as many rounds as can start before their lease
 * gets too short, at most PREFETCH. More would only be handed back unsent
 * (a fast endpoint gets all PREFETCH; one answering near the timeout, 1 or 2).
 */
export function prefetchFor(attemptMs: number | undefined, config: Pick<WebhookConfig, 'leaseMs' | 'timeoutMs'>): number {
  if (attemptMs === undefined || attemptMs <= 0) return PREFETCH;
  const waitable = config.leaseMs - startBy(config);
  return Math.max(1, Math.min(PREFETCH, Math.floor(waitable / attemptMs) + 1));
}

/** Recent attempt duration per endpoint (moving average, ms; bounded): how far ahead to claim for it. */
export class AttemptTimes {
  private readonly averages = new Map<string, number>();

  get(endpointId: string): number | undefined {
    return this.averages.get(endpointId);
  }

  add(endpointId: string, durationMs: number): void {
    const average = this.averages.get(endpointId);
    if (average === undefined && this.averages.size >= 10_000) this.averages.clear();
    this.averages.set(endpointId, average === undefined ? durationMs : average * 0.8 + durationMs * 0.2);
  }
}

/** The loop's waits keep the process alive (an `atrium worker` has nothing else to); the stop grace timer does not. */
export const sleep = (ms: number, keepAlive = true) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (!keepAlive) timer.unref();
  });
