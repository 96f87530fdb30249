import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { addKey, gatewayTest, type GatewayTest } from './helpers.js';

/** The official OpenAI SDK, pointed at atrium's /v1 over real HTTP, is a client nobody here wrote. */
describe.each(engines)('official openai SDK against /v1 (%s)', (engine) => {
  let g: GatewayTest;
  let openai: FakeProvider;
  let anthropic: FakeProvider;
  let client: OpenAI;
  let baseURL: string;

  beforeAll(async () => {
    g = await gatewayTest(engine);
    openai = await startFakeProvider('openai', { apiKey: [], reply: { text: 'Hello from OpenAI!', inputTokens: 12, outputTokens: 4 } });
    anthropic = await startFakeProvider('anthropic', { apiKey: [], reply: { text: 'Hello from Claude!', inputTokens: 9, outputTokens: 5 } });
    await addKey(g, 'openai', openai);
    await addKey(g, 'anthropic', anthropic, { rate_limit_rpm: 1000 });
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(g.t.app.server.address() as AddressInfo).port}/v1`;
    client = new OpenAI({ baseURL, apiKey: g.token, maxRetries: 0 });
  });
  afterAll(async () => {
    await g.t.close();
    await openai.close();
    await anthropic.close();
  });

  const messages = [{ role: 'user' as const, content: 'Say hello.' }];

  it('completes a chat call', async () => {
    const completion = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
    expect(completion.choices[0].message.content).toBe('Hello from OpenAI!');
    expect(completion.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 });
  });

  it('completes a streamed chat call, usage included', async () => {
    const stream = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Hello from OpenAI!');
    expect(usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 4 });
  });

  it('completes plain and streamed calls translated to Anthropic', async () => {
    const completion = await client.chat.completions.create({ model: 'anthropic/claude-3-5-haiku-latest', messages });
    expect(completion.choices[0].message.content).toBe('Hello from Claude!');
    const stream = client.chat.completions.stream({ model: 'anthropic/claude-3-5-haiku-latest', messages });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0].message.content).toBe('Hello from Claude!');
    expect(final.choices[0].finish_reason).toBe('stop');
  });

  it('lists models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('openai/gpt-4o-mini');
  });

  it('surfaces atrium errors as the SDK error classes', async () => {
    const stranger = new OpenAI({ baseURL, apiKey: 'atr_not-a-token', maxRetries: 0 });
    await expect(stranger.chat.completions.create({ model: 'openai/gpt-4o-mini', messages })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    openai.failNext({ status: 429, retryAfter: 1 });
    await expect(client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });
});
