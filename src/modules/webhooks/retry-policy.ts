import type { WebhookConfig } from '../../core/config.js';

/**
 * When to try again after a failed attempt, or null when the delivery has
 * used its whole schedule. `attemptsMade` counts attempts since the delivery
 * was (re)queued: after attempt k, the next one waits `schedule[k]`.
 *
 * Jitter (±config.retryJitter) spreads out the retries of many deliveries
 * that failed together. A receiver's Retry-After is honoured as a lower
 * bound, capped by config.retryAfterMaxMs so a hostile or buggy receiver
 * cannot park deliveries for days.
 */
export function nextRetryDelay(
  config: Pick<WebhookConfig, 'retryScheduleMs' | 'retryJitter' | 'retryAfterMaxMs'>,
  attemptsMade: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  if (attemptsMade >= config.retryScheduleMs.length) return null;
  const base = config.retryScheduleMs[attemptsMade];
  const jittered = Math.max(0, Math.round(base * (1 + (random() * 2 - 1) * config.retryJitter)));
  if (retryAfterMs === null) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, config.retryAfterMaxMs));
}
