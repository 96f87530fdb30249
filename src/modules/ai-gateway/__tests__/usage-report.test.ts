import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, chatBody, gatewayTest, type GatewayTest } from './helpers.js';

/** `GET /api/ai-keys/{id}/usage` writes buffered usage once and reads only the report's figures. */
describe.each(engines)('usage report reads (%s)', (engine) => {
  let g: GatewayTest;
  let fake: FakeProvider;
  let key: { id: string };

  beforeAll(async () => {
    g = await gatewayTest(engine);
    fake = await startFakeProvider('openai', { apiKey: [] });
    key = await addKey(g, 'openai', fake);
  });
  afterAll(async () => {
    await fake.close();
    await g.t.close();
  });

  it('flushes the recorder once and does not compute the key list month totals', async () => {
    expect((await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini') })).status).toBe(200);
    const flush = vi.spyOn(g.t.services.aiGateway.recorder, 'flush');
    const monthTotals = vi.spyOn(UsageRepository.prototype, 'monthTotals');
    try {
      const res = await g.t.get(`/api/ai-keys/${key.id}/usage`, { token: g.ws.owner.token });
      expect(res.status).toBe(200);
      // The request made just before is in the report: the one flush ran before the reads.
      expect(res.body.totals.requests).toBe(1);
      expect(flush).toHaveBeenCalledTimes(1);
      expect(monthTotals).not.toHaveBeenCalled();
    } finally {
      flush.mockRestore();
      monthTotals.mockRestore();
    }
  });
});
