import { setTimeout as sleep } from 'node:timers/promises';
import type { AppError } from '../../core/errors.js';
import type { GatewayRoute, RouteTarget } from './ai-routes.service.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { GatewayMetrics } from './gateway.metrics.js';
import { gatewayError, GatewayError } from './gateway-error.js';

/** The longest `Retry-After` a route waits for; a longer one sends the request to the next target instead. */
const MAX_RETRY_WAIT_MS = 10_000;

/**
 * A target refused before any upstream call (its key is missing, disabled,
 * not usable by the caller, over its own rpm/tpm or cap, or cannot take the
 * request): the next target is tried, nothing is retried, the breaker is
 * not told (the provider was not at fault).
 */
export class TargetRefused extends Error {
  constructor(readonly error: GatewayError | AppError) {
    super(error.message);
  }
}

/**
 * What a provider's answer means for the route (ADR 0008): `retry` the same
 * target (429, 5xx, timeout, connection error), `fallback` to the next
 * without retrying (401/402/403: the key's fault, not the request's), or
 * `final`: the request's own fault (400, 404, 413, 422…) or the client left,
 * answered at once.
 */
export function classify(error: GatewayError): 'retry' | 'fallback' | 'final' {
  const status = error.statusCode;
  if (status === 499) return 'final';
  // The key's endpoint is outside the outbound allow-list: retrying cannot help; another key may.
  if (error.body.code === 'destination_not_allowed') return 'fallback';
  if (status === 429 || status >= 500) return 'retry';
  if (status === 401 || status === 402 || status === 403) return 'fallback';
  return 'final';
}

/** Retry-After in seconds or as an HTTP date, in ms; undefined when unreadable. */
export function parseRetryAfter(value: string, now = Date.now()): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retrying a target: its Retry-After when it sent one
 * (undefined — do not retry this target — beyond MAX_RETRY_WAIT_MS), else
 * exponential backoff with jitter (half to all of base × 2^retry).
 */
export function retryDelay(error: GatewayError, retry: number, backoffMs: number, random = Math.random): number | undefined {
  const header = error.headers['retry-after'];
  const asked = header === undefined ? undefined : parseRetryAfter(header);
  if (asked !== undefined) return asked > MAX_RETRY_WAIT_MS ? undefined : asked;
  const ceiling = Math.min(backoffMs * 2 ** retry, MAX_RETRY_WAIT_MS);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Fallback: as listed. Weighted: the first target drawn by weight, then the others as listed. */
export function orderTargets(route: GatewayRoute, random = Math.random): RouteTarget[] {
  if (route.strategy !== 'weighted' || route.targets.length < 2) return route.targets;
  const total = route.targets.reduce((sum, t) => sum + t.weight, 0);
  let pick = random() * total;
  const first = route.targets.find((t) => t.weight > 0 && (pick -= t.weight) < 0) ?? route.targets.find((t) => t.weight > 0) ?? route.targets[0];
  return [first, ...route.targets.filter((t) => t !== first)];
}

export interface RouteRunDeps {
  breaker: CircuitBreaker;
  signal: AbortSignal;
  metrics?: GatewayMetrics;
}

/**
 * Runs a routed request: each target in order, each retried on retryable
 * failures up to the route's max_retries, skipped while its key's circuit
 * is open. `attempt(target, n)` makes upstream call number `n` (1-based;
 * refusals before a call do not count) and throws TargetRefused or the
 * provider's GatewayError. The client gets the first success, the first
 * final error, or the last error when every target failed.
 */
export async function runRoute<T>(route: GatewayRoute, deps: RouteRunDeps, attempt: (target: RouteTarget, n: number) => Promise<T>): Promise<T> {
  const count = (result: string) => deps.metrics?.routeAttempts.inc({ result });
  let calls = 0;
  let last: Error | undefined;
  for (const target of orderTargets(route)) {
    const admission = await deps.breaker.admit(target.key_id, route.breaker);
    if (admission === 'skip') {
      count('skipped');
      continue;
    }
    for (let retry = 0; ; retry++) {
      try {
        const result = await attempt(target, calls + 1);
        count('served');
        await deps.breaker.success(target.key_id, admission);
        return result;
      } catch (error) {
        if (error instanceof TargetRefused) {
          count('refused');
          last = error.error;
          break;
        }
        if (!(error instanceof GatewayError)) throw error;
        calls += 1;
        last = error;
        const kind = deps.signal.aborted ? 'final' : classify(error);
        if (kind === 'final') {
          count('failed');
          throw error;
        }
        const opened = kind === 'retry' && (await deps.breaker.failure(target.key_id, route.breaker));
        const delay = kind === 'retry' && !opened && retry < route.maxRetries ? retryDelay(error, retry, route.backoffMs) : undefined;
        if (delay === undefined) {
          count('fell_back');
          break;
        }
        count('retried');
        await sleep(delay, undefined, { signal: deps.signal }).catch(() => undefined);
        if (deps.signal.aborted) throw error;
      }
    }
  }
  deps.metrics?.routeAttempts.inc({ result: 'failed' });
  throw last ?? gatewayError(503, `Every target of route "${route.name}" is unavailable right now (their circuits are open); retry shortly`, 'route_unavailable', { type: 'api_error', headers: { 'retry-after': String(Math.ceil(route.breaker.cooldownMs / 1000)) } });
}
