import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/harness.js';
import { KeyCache } from '../key-cache.js';

const entry = (workspaceId: string, n: number) => ({ workspaceId, n });

describe('decrypted key cache', () => {
  it('forgets entries after their time to live', () => {
    const cache = new KeyCache<ReturnType<typeof entry>>(5_000, 10);
    cache.set('a', entry('ws1', 1), 1_000);
    expect(cache.get('a', 5_999)).toEqual(entry('ws1', 1));
    expect(cache.get('a', 6_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, evicting the oldest', () => {
    const cache = new KeyCache<ReturnType<typeof entry>>(60_000, 3);
    for (let i = 0; i < 5; i++) cache.set(`k${i}`, entry('ws', i), 0);
    expect(cache.size).toBe(3);
    expect(cache.get('k0', 1)).toBeUndefined();
    expect(cache.get('k1', 1)).toBeUndefined();
    expect(cache.get('k4', 1)?.n).toBe(4);
  });

  it("drops a workspace's entries on a change, and caches nothing with a zero TTL", () => {
    const cache = new KeyCache<ReturnType<typeof entry>>(60_000, 10);
    cache.set('id:ws1:a', entry('ws1', 1), 0);
    cache.set('default:ws1:openai', entry('ws1', 1), 0);
    cache.set('id:ws2:b', entry('ws2', 2), 0);
    cache.invalidateWorkspace('ws1');
    expect(cache.get('id:ws1:a', 1)).toBeUndefined();
    expect(cache.get('default:ws1:openai', 1)).toBeUndefined();
    expect(cache.get('id:ws2:b', 1)?.n).toBe(2);
    const off = new KeyCache<ReturnType<typeof entry>>(0, 10);
    off.set('x', entry('ws', 1), 0);
    expect(off.get('x', 0)).toBeUndefined();
  });
});

describe('rotation check lifecycle', () => {
  it('starts with the server and stops when it closes', async () => {
    const t = await createTestApp('sqlite');
    expect(t.services.aiKeys.service.rotationChecksActive).toBe(false);
    t.start();
    expect(t.services.aiKeys.service.rotationChecksActive).toBe(true);
    await t.close();
    expect(t.services.aiKeys.service.rotationChecksActive).toBe(false);
  });
});
