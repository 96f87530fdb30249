import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';

describe('newId', () => {
  it('is prefixed, lower-case Crockford base32 and 26 characters long', () => {
    expect(newId('ws')).toMatch(/^ws_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('sorts by creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId('evt'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws fresh randomness spread over the whole alphabet', () => {
    // Monotonic ids reuse their random part within a millisecond, so take
    // one id per millisecond and look at its first random character.
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const until = Date.now() + 1;
      while (Date.now() < until) {
        /* next millisecond */
      }
      seen.add(newId('att').slice(4)[10]);
    }
    // 300 uniform draws over 32 characters miss at most a couple of them.
    expect(seen.size).toBeGreaterThanOrEqual(30);
  });
});
