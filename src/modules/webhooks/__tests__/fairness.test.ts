import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/harness.js';
import { shareOut } from '../webhooks.repository.js';
import { endpointFor, publish, Receiver, waitFor, webhookApp } from './helpers.js';

describe('sharing free claims among endpoints', () => {
  it('gives every endpoint with due work one claim before any gets a second, each up to its budget', () => {
    const shares = shareOut([{ id: 'slow', max: 64 }, { id: 'full', max: 0 }, { id: 'fast', max: 8 }, { id: 'one', max: 1 }], 10);
    expect(Object.fromEntries(shares)).toEqual({ slow: 5, fast: 4, one: 1 });
    expect(Object.fromEntries(shareOut([{ id: 'a', max: 2 }], 10))).toEqual({ a: 2 });
    expect(shareOut([{ id: 'a', max: 5 }], 0).size).toBe(0);
  });
});

describe.each(engines)('fair claims per endpoint (%s)', (engine) => {
  it("a slow endpoint's backlog does not hold up a new event for an idle fast endpoint", async () => {
    // The scenario, made harder: 8 slots that the slow endpoint alone may fill (8 per
    // endpoint), the default 500 ms poll interval (so only the claim itself can be fair), a receiver
    // answering after 400 ms with 300 deliveries queued.
    const t = await webhookApp(engine, {
      env: { ATRIUM_WEBHOOK_CONCURRENCY: '8', ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY: '8', ATRIUM_WEBHOOK_POLL_INTERVAL: '500ms', ATRIUM_WEBHOOK_TIMEOUT_MS: '5000' },
    });
    const slow = await Receiver.start(async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { status: 200 };
    });
    let fastArrivedAt = 0;
    let slowSeenByThen = -1;
    const fast = await Receiver.start(() => {
      fastArrivedAt = Date.now();
      slowSeenByThen = slow.requests.length;
      return { status: 200 };
    });
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      await endpointFor(t, owner.token, ws, slow, { event_types: ['custom.slow'] });
      await endpointFor(t, owner.token, ws, fast, { event_types: ['custom.fast'] });
      for (let i = 0; i < 300; i += 50) {
        await Promise.all(Array.from({ length: 50 }, (_, j) => publish(t, owner.token, ws, 'custom.slow', { i: i + j })));
      }
      // The backlog is being worked through (and claimed ahead) when the fast event comes.
      await waitFor(() => slow.requests.length >= 16, 'the slow backlog to be under way');
      const publishedAt = Date.now();
      await publish(t, owner.token, ws, 'custom.fast');
      await waitFor(() => fast.requests.length === 1, 'the fast delivery');
      // Before: the fast delivery waited behind most of the 300 (16-18 s). Now it goes out in the next
      // claim, while the slow backlog is still largely pending (8 answers per 400 ms).
      expect(slowSeenByThen).toBeLessThan(150);
      expect(fastArrivedAt - publishedAt).toBeLessThan(1000);
    } finally {
      await t.close();
      await slow.close();
      await fast.close();
    }
  }, 60_000);
});
