import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, chatBody, gatewayTest, PROVIDERS, readStream, type GatewayTest } from './helpers.js';

/**
 * Every adapter against a fake that speaks its provider's protocol: a plain
 * and a streamed completion with exact usage, and the provider's 401, 429
 * and 5xx answered in OpenAI's error shape with the provider's status.
 */
describe.each(engines)('gateway providers (%s)', (engine) => {
  let g: GatewayTest;
  const fakes = new Map<string, FakeProvider>();
  const keys = new Map<string, { id: string; apiKey: string }>();

  beforeAll(async () => {
    g = await gatewayTest(engine);
    for (const p of PROVIDERS) {
      const fake = await startFakeProvider(p.fake, { apiKey: [] });
      fake.reply = { text: 'Hello there, friend!', inputTokens: 1000, outputTokens: 500 };
      fakes.set(p.provider, fake);
      keys.set(p.provider, await addKey(g, p.provider, fake, p.deployment ? { deployment_name: p.deployment } : {}));
    }
  });
  afterAll(async () => {
    for (const fake of fakes.values()) await fake.close();
    await g.t.close();
  });

  const usageRows = async (keyId: string) => {
    await g.t.services.aiGateway.recorder.flush();
    return new UsageRepository(g.t.db).recent(g.ws.workspaceId, keyId);
  };

  describe.each(PROVIDERS)('$provider', ({ provider, model, deployment }) => {
    const fake = () => fakes.get(provider)!;
    const key = () => keys.get(provider)!;
    const chat = (extra: Record<string, unknown> = {}) => g.t.post('/v1/chat/completions', { token: g.token, body: chatBody(`${provider}/${model}`, extra) });

    it('answers a chat completion in OpenAI shape and records exact usage', async () => {
      const res = await chat();
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.body.object).toBe('chat.completion');
      expect(res.body.choices[0].message).toMatchObject({ role: 'assistant', content: 'Hello there, friend!' });
      expect(res.body.choices[0].finish_reason).toBe('stop');
      expect(res.body.usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500 });

      const sent = fake().chatRequests().at(-1)!;
      const auth = [sent.headers.authorization, sent.headers['x-api-key'], sent.headers['api-key'], sent.headers['x-goog-api-key']].join(' ');
      expect(auth).toContain(key().apiKey);
      if (deployment) expect(sent.path).toBe(`/openai/deployments/${deployment}/chat/completions`);

      const [row] = await usageRows(key().id);
      expect(row).toMatchObject({ provider, model, input_tokens: 1000, output_tokens: 500, status_code: 200, estimated: 0, stream: 0 });
      expect(row.unpriced === 0 || provider === 'custom').toBe(true);
    });

    it('streams SSE ending with a usage chunk and [DONE], with exact usage recorded', async () => {
      const res = await chat({ stream: true });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      const stream = readStream(res.body);
      expect(stream.text).toBe('Hello there, friend!');
      expect(stream.finish).toBe('stop');
      expect(stream.done).toBe(true);
      expect(stream.usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 500 });
      const [row] = await usageRows(key().id);
      expect(row).toMatchObject({ input_tokens: 1000, output_tokens: 500, status_code: 200, estimated: 0, stream: 1 });
    });

    it("returns the provider's 401 in OpenAI's shape without the key", async () => {
      const saved = [...fake().keys];
      fake().acceptKeys('something-else');
      try {
        const res = await chat();
        // Gemini answers a wrong key with 400 API_KEY_INVALID; the status is the provider's.
        expect(res.status).toBe(provider === 'gemini' ? 400 : 401);
        expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
        expect(res.body.error).toMatchObject({ message: expect.any(String), type: expect.any(String) });
        expect(JSON.stringify(res.body)).not.toContain(key().apiKey);
        expect(g.logs()).not.toContain(key().apiKey);
        const [row] = await usageRows(key().id);
        expect(row).toMatchObject({ status_code: res.status, input_tokens: 0, output_tokens: 0 });
      } finally {
        fake().acceptKeys(...saved);
      }
    });

    it("passes the provider's 429 and its retry-after through", async () => {
      fake().failNext({ status: 429, retryAfter: 17 });
      const res = await chat({ stream: true });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('17');
      expect(res.body.error.message).toEqual(expect.any(String));
      expect(res.body.error.type).toEqual(expect.any(String));
    });

    it('returns a provider 5xx with its status', async () => {
      fake().failNext({ status: 503 });
      const res = await chat();
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ type: expect.any(String), message: expect.any(String) });
    });
  });

  it('passes OpenAI-compatible responses through byte for byte, streams included, and forces include_usage', async () => {
    const fake = fakes.get('openai')!;
    const plain = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini', { temperature: 0.2, logit_bias: { '50256': -100 } }) });
    expect(plain.status).toBe(200);
    expect(JSON.stringify(plain.body)).toBe(fake.responses.at(-1));
    const sent = fake.chatRequests().at(-1)!.body;
    // The model loses its provider prefix; unknown fields go through untouched.
    expect(sent).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.2, logit_bias: { '50256': -100 } });

    const streamed = await g.t.post('/v1/chat/completions', {
      token: g.token,
      body: chatBody('openai/gpt-4o-mini', { stream: true, stream_options: { include_usage: false } }),
    });
    expect(streamed.body).toBe(fake.responses.at(-1));
    expect(fake.chatRequests().at(-1)!.body.stream_options).toEqual({ include_usage: true });
  });

  it('does not send stream_options to Mistral (which rejects it) and reads its usage anyway', async () => {
    const res = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('mistral/mistral-small-latest', { stream: true }) });
    expect(res.status).toBe(200);
    expect(fakes.get('mistral')!.chatRequests().at(-1)!.body.stream_options).toBeUndefined();
    expect(readStream(res.body).usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 500 });
  });

  it('translates to Anthropic Messages: system prompt, max_tokens, version header', async () => {
    await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('anthropic/claude-3-5-haiku-latest', { stop: 'END', temperature: 0.5 }) });
    const sent = fakes.get('anthropic')!.chatRequests().at(-1)!;
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.body).toEqual({
      model: 'claude-3-5-haiku-latest',
      system: 'Be brief.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hello.' }] }],
      max_tokens: 4096,
      temperature: 0.5,
      stop_sequences: ['END'],
    });
  });

  it('translates tool calls from Anthropic, Gemini and Cohere, streamed and not', async () => {
    for (const provider of ['anthropic', 'gemini', 'cohere']) {
      const p = PROVIDERS.find((x) => x.provider === provider)!;
      const fake = fakes.get(provider)!;
      fake.reply = { toolCall: { name: 'get_weather', arguments: { city: 'Paris' } }, inputTokens: 30, outputTokens: 12 };
      try {
        const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
        const plain = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody(`${provider}/${p.model}`, { tools }) });
        expect(plain.status).toBe(200);
        expect(plain.body.choices[0].finish_reason).toBe('tool_calls');
        const call = plain.body.choices[0].message.tool_calls[0];
        expect(call).toMatchObject({ type: 'function', function: { name: 'get_weather' } });
        expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Paris' });

        const streamed = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody(`${provider}/${p.model}`, { tools, stream: true }) });
        const { chunks, usage } = readStream(streamed.body);
        const deltas = chunks.flatMap((c) => c.choices?.[0]?.delta?.tool_calls ?? []);
        expect(deltas[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather' } });
        expect(JSON.parse(deltas.map((d: any) => d.function?.arguments ?? '').join(''))).toEqual({ city: 'Paris' });
        expect(usage).toMatchObject({ prompt_tokens: 30, completion_tokens: 12 });
      } finally {
        fake.reply = { text: 'Hello there, friend!', inputTokens: 1000, outputTokens: 500 };
      }
    }
  });
});
