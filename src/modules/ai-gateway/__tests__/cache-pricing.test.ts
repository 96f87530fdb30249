import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, chatBody, gatewayTest, readStream, type GatewayTest } from './helpers.js';

/**
 * Cached prompt tokens are billed at the cache rates of the price file, with
 * fakes reporting them in each provider's own usage fields.
 */
describe.each(engines)('prompt-cache pricing (%s)', (engine) => {
  let g: GatewayTest;
  const fakes: Record<string, FakeProvider> = {};
  const keys: Record<string, { id: string }> = {};

  beforeAll(async () => {
    g = await gatewayTest(engine);
    for (const [provider, kind] of [['openai', 'openai'], ['anthropic', 'anthropic'], ['gemini', 'gemini']] as const) {
      fakes[provider] = await startFakeProvider(kind, { apiKey: [] });
      keys[provider] = await addKey(g, provider, fakes[provider], { rate_limit_rpm: 1000 });
    }
  });
  afterAll(async () => {
    for (const fake of Object.values(fakes)) await fake.close();
    await g.t.close();
  });

  const chat = (model: string, extra: Record<string, unknown> = {}) => g.t.post('/v1/chat/completions', { token: g.token, body: chatBody(model, extra) });
  const lastRow = async (provider: string) => {
    await g.t.services.aiGateway.recorder.flush();
    return (await new UsageRepository(g.t.db).recent(g.ws.workspaceId, keys[provider].id, 1))[0];
  };

  describe.each([false, true])('stream: %s', (stream) => {
    it('Anthropic: cache reads at 0.1x and 5-minute cache writes at 1.25x input; prompt_tokens includes both', async () => {
      // input_tokens excludes the cache: 100 fresh + 10,000 read + 2,000 written.
      fakes.anthropic.reply = { text: 'Cached hello', inputTokens: 100, cacheReadTokens: 10_000, cacheWriteTokens: 2000, outputTokens: 50 };
      const res = await chat('anthropic/claude-3-5-haiku-latest', stream ? { stream: true } : {});
      expect(res.status).toBe(200);
      const usage = stream ? readStream(res.body).usage : res.body.usage;
      expect(usage).toMatchObject({ prompt_tokens: 12_100, completion_tokens: 50, total_tokens: 12_150, prompt_tokens_details: { cached_tokens: 10_000 } });
      // claude-3-5-haiku: $0.80 in, $0.08 cache read, $1.00 cache write, $4 out per 1M tokens.
      expect(await lastRow('anthropic')).toMatchObject({
        input_tokens: 12_100,
        cache_read_tokens: 10_000,
        cache_write_tokens: 2000,
        output_tokens: 50,
        cost_micros: 100 * 0.8 + 10_000 * 0.08 + 2000 * 1 + 50 * 4, // 3,080 µ$ (37,050 at the full input rate)
        estimated: 0,
      });
    });

    it('OpenAI: prompt_tokens_details.cached_tokens (inside prompt_tokens) at the cached-input rate', async () => {
      fakes.openai.reply = { text: 'Cached hello', inputTokens: 10_000, cacheReadTokens: 8000, outputTokens: 100 };
      const res = await chat('openai/gpt-4o-mini', stream ? { stream: true, stream_options: { include_usage: true } } : {});
      expect(res.status).toBe(200);
      // gpt-4o-mini: $0.15 in, $0.075 cached, $0.60 out per 1M tokens.
      expect(await lastRow('openai')).toMatchObject({
        input_tokens: 10_000,
        cache_read_tokens: 8000,
        cache_write_tokens: 0,
        cost_micros: 2000 * 0.15 + 8000 * 0.075 + 100 * 0.6, // 960 µ$ (1,560 at the full input rate)
      });
    });

    it('Gemini: cachedContentTokenCount (inside promptTokenCount) at 0.25x input', async () => {
      fakes.gemini.reply = { text: 'Cached hello', inputTokens: 10_000, cacheReadTokens: 6000, outputTokens: 100 };
      const res = await chat('gemini/gemini-2.0-flash', stream ? { stream: true } : {});
      expect(res.status).toBe(200);
      const usage = stream ? readStream(res.body).usage : res.body.usage;
      expect(usage).toMatchObject({ prompt_tokens: 10_000, prompt_tokens_details: { cached_tokens: 6000 } });
      // gemini-2.0-flash: $0.10 in, $0.025 cached, $0.40 out per 1M tokens.
      expect(await lastRow('gemini')).toMatchObject({ input_tokens: 10_000, cache_read_tokens: 6000, cost_micros: 4000 * 0.1 + 6000 * 0.025 + 100 * 0.4 });
    });
  });
});
