import { describe, expect, it } from 'vitest';
import { PREFETCH, prefetchFor } from '../delivery.pacing.js';

describe('how far ahead the worker claims for an endpoint', () => {
  // The defaults: 15 s timeout, 35 s lease. A claimed delivery must start 17 s before its lease ends
  // (timeout + 2 s margin), so it can wait locally for 18 s.
  const defaults = { timeoutMs: 15_000, leaseMs: 35_000 };

  it.each([
    ['never attempted yet', undefined, PREFETCH],
    ['answering in 5 ms', 5, PREFETCH],
    ['answering in 3 s: six more rounds fit in 18 s', 3_000, 7],
    ['answering in 9 s: two more rounds fit', 9_000, 3],
    ['answering near the timeout: one more round', 14_000, 2],
    ['slower than the local wait allows', 20_000, 1],
  ])('%s', (_, attemptMs, expected) => {
    expect(prefetchFor(attemptMs, defaults)).toBe(expected);
  });

  it('keeps the margin within the lease when the lease is short', () => {
    // 1 s timeout, 1.5 s lease: start 1.25 s before the end, so 250 ms of local wait.
    const tight = { timeoutMs: 1_000, leaseMs: 1_500 };
    expect(prefetchFor(100, tight)).toBe(3);
    expect(prefetchFor(400, tight)).toBe(1);
  });
});
