import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { GatewayMetrics } from '../gateway.metrics.js';

describe('gateway metrics labels', () => {
  const call = (keyId: string) => ({ provider: 'openai', model: 'gpt-4o-mini', priced: true, keyId, status: 200, seconds: 0.01, inputTokens: 1, outputTokens: 1, costMicros: 1 });

  it('gives the first 500 keys their own key_id and counts the rest under "other"', async () => {
    const registry = new Registry();
    const metrics = new GatewayMetrics(registry, () => 0);
    for (let i = 0; i < 600; i++) metrics.recordCall(call(`aik_${i}`));
    metrics.recordCall(call('aik_7'));
    const values = (await registry.getSingleMetric('atrium_ai_requests_total')!.get()).values;
    const keyIds = new Set(values.map((v) => v.labels.key_id));
    expect(keyIds.size).toBe(501);
    expect(values.find((v) => v.labels.key_id === 'other')?.value).toBe(100);
    expect(values.find((v) => v.labels.key_id === 'aik_7')?.value).toBe(2);
  });
});
