import { describe, expect, it } from 'vitest';
import { parseWebhookConfig } from '../../../core/config.js';
import { nextRetryDelay } from '../retry-policy.js';
import { classifyError, parseRetryAfter } from '../sender.js';

// Pure functions: no database, so no engine matrix.
describe('retry policy', () => {
  const defaults = parseWebhookConfig({});

  it('defaults to 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h with ±20 % jitter, 15 s timeout, 256 KiB, 5 days', () => {
    expect(defaults.retryScheduleMs).toEqual([0, 5e3, 300e3, 1800e3, 7200e3, 18000e3, 36000e3, 36000e3]);
    expect(defaults.retryJitter).toBe(0.2);
    expect(defaults.timeoutMs).toBe(15_000);
    expect(defaults.maxPayloadBytes).toBe(262_144);
    expect(defaults.disableAfterMs).toBe(5 * 86_400_000);
    expect(defaults.leaseMs).toBeGreaterThan(defaults.timeoutMs);
  });

  it('follows the schedule and gives up after its last step', () => {
    const noJitter = { ...defaults, retryJitter: 0 };
    // After attempt k (k attempts made) the next waits schedule[k].
    expect(nextRetryDelay(noJitter, 1, null)).toBe(5_000);
    expect(nextRetryDelay(noJitter, 2, null)).toBe(300_000);
    expect(nextRetryDelay(noJitter, 7, null)).toBe(36_000_000);
    expect(nextRetryDelay(noJitter, 8, null)).toBeNull();
  });

  it('jitters within ±20 %', () => {
    expect(nextRetryDelay(defaults, 2, null, () => 0)).toBe(240_000);
    expect(nextRetryDelay(defaults, 2, null, () => 1)).toBe(360_000);
    expect(nextRetryDelay(defaults, 2, null, () => 0.5)).toBe(300_000);
  });

  it('honours Retry-After as a lower bound, capped by the configured maximum', () => {
    const cfg = { ...defaults, retryJitter: 0, retryAfterMaxMs: 3_600_000 };
    expect(nextRetryDelay(cfg, 1, 60_000, () => 0.5)).toBe(60_000); // later than the 5 s step
    expect(nextRetryDelay(cfg, 2, 1_000, () => 0.5)).toBe(300_000); // earlier than the step: the step wins
    expect(nextRetryDelay(cfg, 1, 86_400_000, () => 0.5)).toBe(3_600_000); // a day is capped to an hour
    expect(nextRetryDelay(cfg, 8, 1_000, () => 0.5)).toBeNull(); // never beyond the schedule
  });

  it('parses Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000 + 30_000).toUTCString(), 10_000)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });

  it('parses durations and rejects nonsense in configuration', () => {
    expect(parseWebhookConfig({ ATRIUM_WEBHOOK_RETRY_SCHEDULE: '0,250ms,1.5s,2m' }).retryScheduleMs).toEqual([0, 250, 1500, 120_000]);
    expect(() => parseWebhookConfig({ ATRIUM_WEBHOOK_RETRY_SCHEDULE: '0,soon' })).toThrow(/ATRIUM_WEBHOOK_RETRY_SCHEDULE/);
    expect(() => parseWebhookConfig({ ATRIUM_WEBHOOK_TIMEOUT_MS: '5000', ATRIUM_WEBHOOK_LEASE: '4s' })).toThrow(/ATRIUM_WEBHOOK_LEASE/);
  });

  it('classifies transport errors', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(classifyError(err('ECONNREFUSED'), false)).toBe('connection_refused');
    expect(classifyError(new Error('x', { cause: err('ECONNRESET') }), false)).toBe('connection_reset');
    expect(classifyError(err('UND_ERR_SOCKET'), false)).toBe('connection_reset');
    expect(classifyError(err('UND_ERR_CONNECT_TIMEOUT'), false)).toBe('connect_timeout');
    expect(classifyError(err('DESTINATION_NOT_ALLOWED'), false)).toBe('destination_not_allowed');
    expect(classifyError(new Error('aborted'), true)).toBe('timeout');
    expect(classifyError(err('DEPTH_ZERO_SELF_SIGNED_CERT'), false)).toBe('tls_error');
    expect(classifyError(new Error('???'), false)).toBe('network_error');
  });
});
