import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceFor } from '../../ai-providers/providers.js';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import type { GatewayDeps } from '../gateway.service.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, gatewayTest, type GatewayTest } from './helpers.js';

/**
 * Reasoning ("thinking") tokens: read from each provider's own usage fields
 * (fakes report them in each wire format), recorded apart as the part of the
 * output they are, billed once — at the output rate, or at the model's
 * reasoning rate when the price file has one — and shown in the usage reports.
 * Clients are the official OpenAI SDK over real HTTP.
 */
describe.each(engines)('reasoning-token pricing (%s)', (engine) => {
  let g: GatewayTest;
  let client: OpenAI;
  const fakes: Record<string, FakeProvider> = {};
  const keys: Record<string, { id: string }> = {};

  beforeAll(async () => {
    g = await gatewayTest(engine);
    for (const [provider, kind] of [['openai', 'openai'], ['anthropic', 'anthropic'], ['gemini', 'gemini']] as const) {
      fakes[provider] = await startFakeProvider(kind, { apiKey: [] });
      keys[provider] = await addKey(g, provider, fakes[provider], { rate_limit_rpm: 1000 });
    }
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    client = new OpenAI({ baseURL: `http://127.0.0.1:${(g.t.app.server.address() as AddressInfo).port}/v1`, apiKey: g.token, maxRetries: 0 });
  });
  afterAll(async () => {
    await g.t.close();
    for (const fake of Object.values(fakes)) await fake.close();
  });

  const messages = [{ role: 'user' as const, content: 'Think, then say hello.' }];
  /** The usage the client got, streamed (include_usage) or not. */
  const chat = async (model: string, stream: boolean) => {
    if (!stream) return (await client.chat.completions.create({ model, messages })).usage;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } })) usage = chunk.usage ?? usage;
    return usage;
  };
  const lastRow = async (provider: string) => {
    await g.t.services.aiGateway.recorder.flush();
    return (await new UsageRepository(g.t.db).recent(g.ws.workspaceId, keys[provider].id, 1))[0];
  };

  describe.each([false, true])('stream: %s', (stream) => {
    it('OpenAI chat: completion_tokens_details.reasoning_tokens is part of completion_tokens, billed once at the output rate', async () => {
      fakes.openai.reply = { text: 'Hello', inputTokens: 1000, outputTokens: 400, reasoningTokens: 300 };
      const usage = await chat('openai/o4-mini', stream);
      expect(usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 400, completion_tokens_details: { reasoning_tokens: 300 } });
      // o4-mini: $1.10 in, $4.40 out per 1M tokens; the 300 reasoning tokens are inside the 400.
      expect(await lastRow('openai')).toMatchObject({ input_tokens: 1000, output_tokens: 400, reasoning_tokens: 300, cost_micros: 1000 * 1.1 + 400 * 4.4, estimated: 0 });
    });

    it('Responses pass-through: output_tokens_details.reasoning_tokens is part of output_tokens', async () => {
      fakes.openai.reply = { text: 'Hello', inputTokens: 2000, outputTokens: 1500, reasoningTokens: 1200 };
      const response = stream
        ? await client.responses.stream({ model: 'openai/o4-mini', input: 'Think, then say hello.' }).finalResponse()
        : await client.responses.create({ model: 'openai/o4-mini', input: 'Think, then say hello.' });
      expect(response.usage).toMatchObject({ input_tokens: 2000, output_tokens: 1500, output_tokens_details: { reasoning_tokens: 1200 } });
      expect(await lastRow('openai')).toMatchObject({ input_tokens: 2000, output_tokens: 1500, reasoning_tokens: 1200, cost_micros: 2000 * 1.1 + 1500 * 4.4 });
    });

    it('Gemini: thoughtsTokenCount comes on top of candidatesTokenCount and is billed as output', async () => {
      fakes.gemini.reply = { text: 'Hello', inputTokens: 1000, outputTokens: 100, reasoningTokens: 500 };
      const usage = await chat('gemini/gemini-2.5-flash', stream);
      // OpenAI's shape: completion_tokens includes the reasoning tokens.
      expect(usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 600, total_tokens: 1600, completion_tokens_details: { reasoning_tokens: 500 } });
      // gemini-2.5-flash: $0.30 in, $2.50 out per 1M tokens (thinking included).
      expect(await lastRow('gemini')).toMatchObject({ input_tokens: 1000, output_tokens: 600, reasoning_tokens: 500, cost_micros: 1000 * 0.3 + 600 * 2.5, estimated: 0 });
    });

    it('Gemini through /v1/responses: the translated usage details the reasoning tokens', async () => {
      fakes.gemini.reply = { text: 'Hello', inputTokens: 1000, outputTokens: 100, reasoningTokens: 500 };
      const response = stream
        ? await client.responses.stream({ model: 'gemini/gemini-2.5-flash', input: 'Think, then say hello.' }).finalResponse()
        : await client.responses.create({ model: 'gemini/gemini-2.5-flash', input: 'Think, then say hello.' });
      expect(response.usage).toMatchObject({ input_tokens: 1000, output_tokens: 600, output_tokens_details: { reasoning_tokens: 500 } });
      expect(await lastRow('gemini')).toMatchObject({ output_tokens: 600, reasoning_tokens: 500, cost_micros: 1000 * 0.3 + 600 * 2.5 });
    });

    it('Anthropic: thinking is inside output_tokens with no separate count, billed once', async () => {
      fakes.anthropic.reply = { text: 'Hello', inputTokens: 1000, outputTokens: 800, reasoningTokens: 700 };
      const usage = await chat('anthropic/claude-haiku-4-5', stream);
      expect(usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 800, total_tokens: 1800 });
      expect(usage?.completion_tokens_details).toBeUndefined();
      // claude-haiku-4-5: $1 in, $5 out per 1M tokens.
      expect(await lastRow('anthropic')).toMatchObject({ input_tokens: 1000, output_tokens: 800, reasoning_tokens: 0, cost_micros: 1000 * 1 + 800 * 5 });
    });
  });

  it('a model with reasoning_per_mtok bills the reasoning share at that rate, the rest of the output at the output rate', async () => {
    const deps = (g.t.services.aiGateway.gateway as unknown as { deps: GatewayDeps }).deps;
    const original = deps.priceFor;
    // No catalog model prices thinking apart today: the price file's entry for o4-mini, with a reasoning rate of $20 per 1M.
    deps.priceFor = (provider, model) => (model === 'o4-mini' ? { ...priceFor(provider, model)!, reasoningMicrosPerMTok: 20_000_000 } : original(provider, model));
    try {
      fakes.openai.reply = { text: 'Hello', inputTokens: 1000, outputTokens: 400, reasoningTokens: 300 };
      await chat('openai/o4-mini', false);
      expect(await lastRow('openai')).toMatchObject({ output_tokens: 400, reasoning_tokens: 300, cost_micros: 1000 * 1.1 + 100 * 4.4 + 300 * 20 });
    } finally {
      deps.priceFor = original;
    }
  });

  it('shows reasoning tokens in the key usage report and the workspace report (JSON and CSV)', async () => {
    const openai = await g.t.services.aiGateway.recorder.flush().then(() => new UsageRepository(g.t.db).recent(g.ws.workspaceId, keys.openai.id));
    const reasoning = openai.reduce((sum, r) => sum + Number(r.reasoning_tokens), 0);
    expect(reasoning).toBeGreaterThan(0);

    const report = await g.t.get(`/api/ai-keys/${keys.openai.id}/usage`, { token: g.ws.owner.token });
    expect(report.status).toBe(200);
    expect(report.body.totals.reasoning_tokens).toBe(reasoning);
    expect(report.body.this_month.reasoning_tokens).toBe(reasoning);
    expect(report.body.by_model).toEqual([expect.objectContaining({ model: 'o4-mini', reasoning_tokens: reasoning })]);
    expect(report.body.daily.at(-1).reasoning_tokens).toBe(reasoning);

    const byModel = await g.t.get(`/api/workspaces/${g.ws.workspaceId}/ai-usage`, { token: g.ws.owner.token, query: { group_by: 'model' } });
    expect(byModel.status).toBe(200);
    expect(byModel.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ group: 'openai/o4-mini', reasoning_tokens: reasoning }),
        expect.objectContaining({ group: 'anthropic/claude-haiku-4-5', reasoning_tokens: 0 }),
        expect.objectContaining({ group: 'gemini/gemini-2.5-flash', reasoning_tokens: 2000 }),
      ]),
    );

    const csv = await g.t.get(`/api/workspaces/${g.ws.workspaceId}/ai-usage`, { token: g.ws.owner.token, query: { group_by: 'model', format: 'csv' } });
    expect(csv.status).toBe(200);
    const [header, ...lines] = String(csv.body).trim().split('\r\n');
    expect(header).toBe('model,label,requests,errors,input_tokens,output_tokens,reasoning_tokens,cost_micros,cost_usd');
    expect(lines.find((l) => l.startsWith('openai/o4-mini,'))?.split(',')[6]).toBe(String(reasoning));
  });
});
