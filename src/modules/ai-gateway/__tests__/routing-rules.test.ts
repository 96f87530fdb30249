import { describe, expect, it } from 'vitest';
import type { GatewayRoute } from '../ai-routes.service.js';
import { circuitBreaker } from '../circuit-breaker.js';
import { gatewayError } from '../gateway-error.js';
import { classify, orderTargets, parseRetryAfter, retryDelay } from '../routing.js';

/** The pure rules of routing (ADR 0008); the behaviour end to end is in routing.test.ts. */
describe('routing rules', () => {
  it.each([
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [529, 'retry'],
    [401, 'fallback'],
    [402, 'fallback'],
    [403, 'fallback'],
    [400, 'final'],
    [404, 'final'],
    [413, 'final'],
    [422, 'final'],
    [499, 'final'],
  ] as const)('status %i → %s', (status, expected) => {
    expect(classify(gatewayError(status, 'x', null))).toBe(expected);
  });

  it('falls back, without retrying, from a key whose endpoint the outbound guard refuses', () => {
    expect(classify(gatewayError(502, 'x', 'destination_not_allowed'))).toBe('fallback');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('waits what Retry-After asks up to 10 s, gives up on the target beyond, else backs off exponentially with jitter', () => {
    const with429 = (after?: string) => gatewayError(429, 'x', null, after ? { headers: { 'retry-after': after } } : {});
    expect(retryDelay(with429('3'), 0, 200)).toBe(3000);
    expect(retryDelay(with429('11'), 0, 200)).toBeUndefined();
    expect(retryDelay(with429(), 0, 200, () => 1)).toBe(200);
    expect(retryDelay(with429(), 2, 200, () => 1)).toBe(800);
    expect(retryDelay(with429(), 2, 200, () => 0)).toBe(400);
    expect(retryDelay(with429(), 20, 200, () => 1)).toBe(10_000);
  });

  it('orders weighted targets: the first drawn by weight, the others as listed', () => {
    const t = (key_id: string, weight: number) => ({ key_id, model: 'm', weight });
    const route = { strategy: 'weighted', targets: [t('a', 1), t('b', 0), t('c', 3)] } as GatewayRoute;
    expect(orderTargets(route, () => 0).map((x) => x.key_id)).toEqual(['a', 'b', 'c']);
    expect(orderTargets(route, () => 0.3).map((x) => x.key_id)).toEqual(['c', 'a', 'b']);
    expect(orderTargets(route, () => 0.999).map((x) => x.key_id)).toEqual(['c', 'a', 'b']);
    expect(orderTargets({ ...route, strategy: 'fallback' }, () => 0.999).map((x) => x.key_id)).toEqual(['a', 'b', 'c']);
  });
});

describe('circuit breaker (in memory, injected clock)', () => {
  const settings = { failures: 3, cooldownMs: 10_000 };

  it('opens after N consecutive failures, lets one trial through after the cool-down, closes on its success', async () => {
    let now = 0;
    const breaker = circuitBreaker({ now: () => now });
    expect(await breaker.admit('k', settings)).toBe('clean');
    expect(await breaker.failure('k', settings)).toBe(false);
    expect(await breaker.failure('k', settings)).toBe(false);
    expect(await breaker.admit('k', settings)).toBe('tracked');
    expect(await breaker.failure('k', settings)).toBe(true);
    expect(await breaker.admit('k', settings)).toBe('skip');
    now = 9_999;
    expect(await breaker.admit('k', settings)).toBe('skip');
    now = 10_000;
    const trial = await breaker.admit('k', settings);
    expect(trial).toBe('tracked');
    // Only one trial at a time.
    expect(await breaker.admit('k', settings)).toBe('skip');
    await breaker.success('k', trial);
    expect(await breaker.admit('k', settings)).toBe('clean');
    expect(await breaker.admit('other', settings)).toBe('clean');
  });

  it('opens again at once when the trial fails; a success resets the count', async () => {
    let now = 0;
    const breaker = circuitBreaker({ now: () => now });
    for (let i = 0; i < 3; i++) await breaker.failure('k', settings);
    now = 20_000;
    expect(await breaker.admit('k', settings)).toBe('tracked');
    expect(await breaker.failure('k', settings)).toBe(true);
    expect(await breaker.admit('k', settings)).toBe('skip');

    await breaker.failure('j', settings);
    await breaker.failure('j', settings);
    await breaker.success('j', await breaker.admit('j', settings));
    expect(await breaker.failure('j', settings)).toBe(false);
  });
});
