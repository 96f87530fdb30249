import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { addKey, chatBody, gatewayTest, type GatewayTest } from './helpers.js';

/** Fields of the wrong JSON type are refused as OpenAI refuses them, never coerced and sent on. */
describe.each(engines)('chat request field types (%s)', (engine) => {
  let g: GatewayTest;
  let openai: FakeProvider;

  beforeAll(async () => {
    g = await gatewayTest(engine);
    openai = await startFakeProvider('openai', { apiKey: [] });
    await addKey(g, 'openai', openai, { rate_limit_rpm: 1000 });
  });
  afterAll(async () => {
    await openai.close();
    await g.t.close();
  });

  const chat = (extra: Record<string, unknown>) => g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini', extra) });

  it.each([
    ['stream', 'true', 'a boolean', 'a string'],
    ['stream', 1, 'a boolean', 'an integer'],
    ['stream', 'false', 'a boolean', 'a string'],
    ['n', '2', 'an integer', 'a string'],
    ['n', 1.5, 'an integer', 'a decimal number'],
    ['max_tokens', '100', 'an integer', 'a string'],
    ['max_completion_tokens', true, 'an integer', 'a boolean'],
    ['temperature', '0.5', 'a number', 'a string'],
    ['top_p', [1], 'a number', 'an array'],
    ['seed', '42', 'an integer', 'a string'],
    ['presence_penalty', {}, 'a number', 'an object'],
    ['logprobs', 'yes', 'a boolean', 'a string'],
    ['parallel_tool_calls', 0, 'a boolean', 'an integer'],
    ['user', 12, 'a string', 'an integer'],
    ['stream_options', 'include_usage', 'an object', 'a string'],
    ['tools', {}, 'an array', 'an object'],
  ])('%s: %j → 400 invalid_type in OpenAI shape, nothing sent upstream', async (field, value, expected, got) => {
    const before = openai.chatRequests().length;
    const res = await chat({ [field]: value });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { message: `Invalid type for '${field}': expected ${expected}, but got ${got} instead.`, type: 'invalid_request_error', param: field, code: 'invalid_type' },
    });
    expect(openai.chatRequests().length).toBe(before);
  });

  it('refuses a model that is not a string', async () => {
    const res = await g.t.post('/v1/chat/completions', { token: g.token, body: { model: 42, messages: [{ role: 'user', content: 'Hi' }] } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param: 'model', code: 'invalid_type' });
  });

  it('accepts the right types, and null for optional fields', async () => {
    const res = await chat({ stream: false, n: 1, max_tokens: 100, temperature: 0.5, top_p: 1, seed: 42, user: 'u1', logprobs: null, stream_options: null });
    expect(res.status).toBe(200);
    expect(openai.chatRequests().at(-1)!.body).toMatchObject({ stream: false, n: 1, max_tokens: 100, temperature: 0.5 });
  });
});
