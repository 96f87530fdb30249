import type { AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, gatewayTest, sseEvents, type GatewayTest } from './helpers.js';

const HAIKU = 'claude-3-5-haiku-latest';
const hello = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  max_tokens: 100,
  system: 'Be brief.',
  messages: [{ role: 'user' as const, content: 'Say hello.' }],
  ...extra,
});
const weatherTool = { name: 'get_weather', description: 'Weather of a city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] } };

/** An SDK call that must fail: its error. */
async function failure(call: Promise<unknown>): Promise<InstanceType<typeof Anthropic.APIError>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Anthropic.APIError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

/** The official Anthropic SDK against atrium's `/v1/messages`, over real HTTP, for Anthropic keys and translated providers. */
describe.each(engines)('Anthropic Messages API (%s)', (engine) => {
  let g: GatewayTest;
  let client: Anthropic;
  let baseURL: string;
  let anthropic: FakeProvider;
  let openai: FakeProvider;
  let gemini: FakeProvider;
  let anthropicKey: { id: string; apiKey: string };
  let openaiKey: { id: string; apiKey: string };

  beforeAll(async () => {
    g = await gatewayTest(engine);
    anthropic = await startFakeProvider('anthropic', { apiKey: [] });
    openai = await startFakeProvider('openai', { apiKey: [] });
    gemini = await startFakeProvider('gemini', { apiKey: [] });
    anthropicKey = await addKey(g, 'anthropic', anthropic);
    openaiKey = await addKey(g, 'openai', openai);
    await addKey(g, 'gemini', gemini);
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(g.t.app.server.address() as AddressInfo).port}`;
    client = new Anthropic({ baseURL, apiKey: g.token, maxRetries: 0 });
  });
  afterAll(async () => {
    // The SDK stops reading a stream at its error event and keeps that connection: close it rather than wait for it.
    g.t.app.server.closeAllConnections();
    await g.t.close();
    for (const fake of [anthropic, openai, gemini]) await fake.close();
  });

  const rows = async (keyId: string) => {
    await g.t.services.aiGateway.recorder.flush();
    return new UsageRepository(g.t.db).recent(g.ws.workspaceId, keyId);
  };
  const post = (body: unknown, opts: { token?: string | null; headers?: Record<string, string>; path?: string } = {}) =>
    g.t.post(opts.path ?? '/v1/messages', { token: opts.token === null ? undefined : (opts.token ?? g.token), body, headers: opts.headers });

  describe('Anthropic keys: pass-through', () => {
    it('sends the body as the client sent it with the key, and answers the provider\'s message unchanged', async () => {
      anthropic.reply = { text: 'Hello there!', inputTokens: 12, outputTokens: 4 };
      // temperature: gone from the SDK's types with API version 2026-10-21, still accepted for older versions.
      const message = await client.messages.create({ ...hello(HAIKU), temperature: 0.5, metadata: { user_id: 'u-1' } } as Anthropic.MessageCreateParamsNonStreaming);
      expect(message).toEqual(JSON.parse(anthropic.responses.at(-1)!));
      expect(message.content).toEqual([{ type: 'text', text: 'Hello there!' }]);
      expect(message.usage).toMatchObject({ input_tokens: 12, output_tokens: 4 });
      const sent = anthropic.chatRequests().at(-1)!;
      expect(sent.path).toBe('/v1/messages');
      expect(sent.body).toEqual({ ...hello(HAIKU), temperature: 0.5, metadata: { user_id: 'u-1' } });
      expect(sent.headers['x-api-key']).toBe(anthropicKey.apiKey);
      // The SDK's API version goes on; atrium's token does not.
      expect(sent.headers['anthropic-version']).toBe('2026-10-21');
      expect(sent.headers.authorization).toBeUndefined();
      expect(JSON.stringify(sent.headers)).not.toContain(g.token);
      const [row] = await rows(anthropicKey.id);
      // claude-3-5-haiku: $0.80 in, $4 out per 1M tokens.
      expect(row).toMatchObject({ provider: 'anthropic', model: HAIKU, input_tokens: 12, output_tokens: 4, cost_micros: Math.round(12 * 0.8 + 4 * 4), status_code: 200, stream: 0, estimated: 0 });
    });

    it('accepts anthropic/<model>, <model> with x-atrium-key-id, anthropic-beta, and the token in x-api-key', async () => {
      await client.messages.create(hello(`anthropic/${HAIKU}`), { headers: { 'anthropic-beta': 'prompt-caching-2024-07-31' } });
      expect(anthropic.chatRequests().at(-1)!.body.model).toBe(HAIKU);
      expect(anthropic.chatRequests().at(-1)!.headers['anthropic-beta']).toBe('prompt-caching-2024-07-31');
      await client.messages.create(hello(HAIKU), { headers: { 'x-atrium-key-id': anthropicKey.id } });
      expect(anthropic.chatRequests().at(-1)!.body.model).toBe(HAIKU);
      const viaHeader = await post(hello(HAIKU), { token: null, headers: { 'x-api-key': g.token } });
      expect(viaHeader.status).toBe(200);
      expect(viaHeader.body.type).toBe('message');
    });

    it('streams the provider\'s events unchanged; the SDK assembles the message and usage, cache tokens billed at their rates', async () => {
      anthropic.reply = { text: 'Cached hello to you', inputTokens: 100, cacheReadTokens: 10_000, cacheWriteTokens: 2000, outputTokens: 50 };
      try {
        const stream = client.messages.stream(hello(HAIKU));
        const texts: string[] = [];
        stream.on('text', (t) => texts.push(t));
        const message = await stream.finalMessage();
        expect(texts.join('')).toBe('Cached hello to you');
        expect(message.content).toEqual([{ type: 'text', text: 'Cached hello to you' }]);
        expect(message.stop_reason).toBe('end_turn');
        expect(message.usage).toMatchObject({ input_tokens: 100, cache_read_input_tokens: 10_000, cache_creation_input_tokens: 2000, output_tokens: 50 });
        const raw = await post(hello(HAIKU, { stream: true }));
        expect(raw.headers['content-type']).toMatch(/^text\/event-stream/);
        expect(raw.body).toBe(anthropic.responses.at(-1));
        const [row] = await rows(anthropicKey.id);
        expect(row).toMatchObject({
          input_tokens: 12_100,
          cache_read_tokens: 10_000,
          cache_write_tokens: 2000,
          output_tokens: 50,
          cost_micros: 100 * 0.8 + 10_000 * 0.08 + 2000 * 1 + 50 * 4,
          stream: 1,
          estimated: 0,
          status_code: 200,
        });
      } finally {
        anthropic.reply = {};
      }
    });

    it('passes tool use out and tool results in, streamed tool input included', async () => {
      anthropic.reply = { toolCall: { name: 'get_weather', arguments: { city: 'Paris' } } };
      try {
        const message = await client.messages.create(hello(HAIKU, { tools: [weatherTool] }));
        expect(message.stop_reason).toBe('tool_use');
        const use = message.content[0];
        expect(use).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Paris' } });
        const streamed = await client.messages.stream(hello(HAIKU, { tools: [weatherTool] })).finalMessage();
        expect(streamed.content[0]).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Paris' } });
        anthropic.reply = { text: 'It is sunny.' };
        const followUp = {
          ...hello(HAIKU, { tools: [weatherTool] }),
          messages: [
            { role: 'user' as const, content: 'Weather in Paris?' },
            { role: 'assistant' as const, content: message.content },
            { role: 'user' as const, content: [{ type: 'tool_result' as const, tool_use_id: (use as { id: string }).id, content: '22 °C, sunny' }] },
          ],
        };
        const answer = await client.messages.create(followUp);
        expect(answer.content).toEqual([{ type: 'text', text: 'It is sunny.' }]);
        expect(anthropic.chatRequests().at(-1)!.body.messages).toEqual(JSON.parse(JSON.stringify(followUp.messages)));
      } finally {
        anthropic.reply = {};
      }
    });

    it('counts tokens at Anthropic, unbilled', async () => {
      anthropic.reply = { inputTokens: 321 };
      try {
        const before = (await rows(anthropicKey.id)).length;
        const counted = await client.messages.countTokens({ model: HAIKU, system: 'Be brief.', messages: [{ role: 'user', content: 'Say hello.' }], tools: [weatherTool] });
        expect(counted).toEqual({ input_tokens: 321 });
        const sent = anthropic.requests.at(-1)!;
        expect(sent.path).toBe('/v1/messages/count_tokens');
        expect(sent.body).toEqual({ model: HAIKU, system: 'Be brief.', messages: [{ role: 'user', content: 'Say hello.' }], tools: [weatherTool] });
        expect(sent.headers['x-api-key']).toBe(anthropicKey.apiKey);
        expect((await rows(anthropicKey.id)).length).toBe(before);
      } finally {
        anthropic.reply = {};
      }
    });
  });

  describe('other providers: translated', () => {
    it('OpenAI: the request as a chat completion, the answer as an Anthropic message', async () => {
      openai.reply = { text: 'Hi from OpenAI', inputTokens: 20, outputTokens: 6, cacheReadTokens: 8 };
      try {
        const message = await client.messages.create(hello('openai/gpt-4o-mini', { stop_sequences: ['END'], temperature: 0.2, top_k: 5 }));
        expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'gpt-4o-mini', stop_reason: 'end_turn', content: [{ type: 'text', text: 'Hi from OpenAI' }] });
        expect(message.id).toMatch(/^msg_/);
        // Anthropic's input_tokens excludes the cached part.
        expect(message.usage).toMatchObject({ input_tokens: 12, cache_read_input_tokens: 8, output_tokens: 6 });
        const sent = openai.chatRequests().at(-1)!;
        expect(sent.path).toBe('/v1/chat/completions');
        expect(sent.body).toEqual({
          model: 'gpt-4o-mini',
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'Say hello.' },
          ],
          max_completion_tokens: 100,
          temperature: 0.2,
          stop: ['END'],
        });
        // gpt-4o-mini: $0.15 in, $0.075 cached, $0.60 out per 1M tokens.
        const [row] = await rows(openaiKey.id);
        expect(row).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', input_tokens: 20, cache_read_tokens: 8, output_tokens: 6, cost_micros: 12 * 0.15 + 8 * 0.075 + 6 * 0.6, stream: 0, estimated: 0 });
      } finally {
        openai.reply = {};
      }
    });

    it('OpenAI stream: chunks become Anthropic events, with the usage in message_delta', async () => {
      openai.reply = { text: 'Streaming from OpenAI', inputTokens: 30, outputTokens: 7 };
      try {
        const stream = client.messages.stream(hello('openai/gpt-4o-mini'));
        const texts: string[] = [];
        stream.on('text', (t) => texts.push(t));
        const message = await stream.finalMessage();
        expect(texts.join('')).toBe('Streaming from OpenAI');
        expect(message.content).toEqual([{ type: 'text', text: 'Streaming from OpenAI', citations: null }]);
        expect(message.usage).toMatchObject({ input_tokens: 30, output_tokens: 7 });
        expect(message.stop_reason).toBe('end_turn');
        expect(openai.chatRequests().at(-1)!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
        const raw = await post(hello('openai/gpt-4o-mini', { stream: true }));
        const names = raw.body.split('\n').filter((l: string) => l.startsWith('event: ')).map((l: string) => l.slice(7));
        expect(names[0]).toBe('message_start');
        expect(names.slice(1, 2)).toEqual(['content_block_start']);
        expect(names.slice(-4)).toEqual(['content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
        const [row] = await rows(openaiKey.id);
        expect(row).toMatchObject({ input_tokens: 30, output_tokens: 7, stream: 1, estimated: 0, status_code: 200 });
      } finally {
        openai.reply = {};
      }
    });

    it('OpenAI tools: tool_use out (streamed as input_json_delta), tool_result in as a tool message', async () => {
      openai.reply = { toolCall: { name: 'get_weather', arguments: { city: 'Paris' } } };
      try {
        const message = await client.messages.create(hello('openai/gpt-4o-mini', { tools: [weatherTool], tool_choice: { type: 'any' } }));
        expect(message.stop_reason).toBe('tool_use');
        expect(message.content).toEqual([{ type: 'tool_use', id: expect.any(String), name: 'get_weather', input: { city: 'Paris' } }]);
        expect(openai.chatRequests().at(-1)!.body).toMatchObject({
          tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather of a city', parameters: weatherTool.input_schema } }],
          tool_choice: 'required',
        });
        const stream = client.messages.stream(hello('openai/gpt-4o-mini', { tools: [weatherTool] }));
        const json: string[] = [];
        stream.on('inputJson', (partial) => json.push(partial));
        const streamed = await stream.finalMessage();
        expect(streamed.stop_reason).toBe('tool_use');
        expect(streamed.content).toEqual([{ type: 'tool_use', id: expect.any(String), name: 'get_weather', input: { city: 'Paris' } }]);
        expect(json.join('')).toBe('{"city":"Paris"}');

        openai.reply = { text: 'It is sunny.' };
        const use = message.content[0] as { id: string };
        const answer = await client.messages.create({
          ...hello('openai/gpt-4o-mini', { tools: [weatherTool] }),
          messages: [
            { role: 'user', content: 'Weather in Paris?' },
            { role: 'assistant', content: [{ type: 'text', text: 'Let me look.' }, ...message.content] },
            { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: [{ type: 'text', text: '22 °C, sunny' }] }, { type: 'text', text: 'Thanks!' }] },
          ],
        });
        expect(answer.content).toEqual([{ type: 'text', text: 'It is sunny.', citations: null }]);
        expect(openai.chatRequests().at(-1)!.body.messages).toEqual([
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: 'Let me look.', tool_calls: [{ id: use.id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
          { role: 'tool', tool_call_id: use.id, content: '22 °C, sunny' },
          { role: 'user', content: 'Thanks!' },
        ]);
      } finally {
        openai.reply = {};
      }
    });

    it('Gemini (a translating adapter): text and stream through both translations', async () => {
      gemini.reply = { text: 'Hello from Gemini', inputTokens: 9, outputTokens: 3 };
      try {
        const message = await client.messages.create(hello('gemini/gemini-2.0-flash'));
        expect(message.content).toEqual([{ type: 'text', text: 'Hello from Gemini', citations: null }]);
        expect(message.usage).toMatchObject({ input_tokens: 9, output_tokens: 3 });
        expect(gemini.chatRequests().at(-1)!.body.generationConfig).toMatchObject({ maxOutputTokens: 100 });
        const streamed = await client.messages.stream(hello('gemini/gemini-2.0-flash')).finalMessage();
        expect(streamed.content).toEqual([{ type: 'text', text: 'Hello from Gemini', citations: null }]);
        expect(streamed.usage).toMatchObject({ input_tokens: 9, output_tokens: 3 });
      } finally {
        gemini.reply = {};
      }
    });

    it("counts tokens with atrium's estimate, without calling the provider", async () => {
      const before = openai.requests.length;
      const counted = await client.messages.countTokens({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'x'.repeat(400) }] });
      // (4 + 400 characters) / 4.
      expect(counted).toEqual({ input_tokens: 101 });
      expect(openai.requests.length).toBe(before);
    });

    it('refuses what has no translation with 400 before any call', async () => {
      const before = openai.requests.length;
      const document = await failure(client.messages.create({ ...hello('openai/gpt-4o-mini'), messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'x' } }] }] }));
      expect(document).toBeInstanceOf(Anthropic.BadRequestError);
      expect(document.type).toBe('invalid_request_error');
      expect(document.apiMessage).toMatch(/document/);
      const serverTool = await failure(client.messages.create(hello('openai/gpt-4o-mini', { tools: [{ type: 'web_search_20250305', name: 'web_search' }] })));
      expect(serverTool).toBeInstanceOf(Anthropic.BadRequestError);
      expect(openai.requests.length).toBe(before);
    });
  });

  describe('limits, caps and usage', () => {
    it('applies the monthly request cap (429, RateLimitError) and the cost cap (402) as on chat', async () => {
      const capped = await addKey(g, 'openai', openai, { usage_limit: 1 });
      const opts = { headers: { 'x-atrium-key-id': capped.id } };
      await client.messages.create(hello('gpt-4o-mini'), opts);
      const over = await failure(client.messages.create(hello('gpt-4o-mini'), opts));
      expect(over).toBeInstanceOf(Anthropic.RateLimitError);
      expect(over.type).toBe('rate_limit_error');
      expect(over.headers?.get('x-should-retry')).toBe('false');

      // $0.0005: the first call's worst case (100 output tokens at $4 per million) fits, the second's (4096) does not.
      const costly = await addKey(g, 'anthropic', anthropic, { cost_limit: 0.0005 });
      await client.messages.create(hello(HAIKU), { headers: { 'x-atrium-key-id': costly.id } });
      const broke = await failure(client.messages.create(hello(HAIKU, { max_tokens: 4096 }), { headers: { 'x-atrium-key-id': costly.id } }));
      expect(broke.status).toBe(402);
      expect(broke.type).toBe('billing_error');
      expect(broke.apiMessage).toMatch(/cost cap/);
    });

    it('applies the per-minute limit with retry-after', async () => {
      const key = await addKey(g, 'anthropic', anthropic, { rate_limit_rpm: 1 });
      const opts = { headers: { 'x-atrium-key-id': key.id } };
      await client.messages.create(hello(HAIKU), opts);
      const limited = await failure(client.messages.create(hello(HAIKU), opts));
      expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
      expect(Number(limited.headers?.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.requestID).toBeTruthy();
    });
  });

  describe('who may call, in Anthropic error shape', () => {
    it('refuses no token, a bad token and a session with 401 authentication_error', async () => {
      const anonymous = await post({ nonsense: true }, { token: null });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({ type: 'error', error: { type: 'authentication_error', message: expect.stringMatching(/x-api-key/) }, request_id: expect.any(String) });
      const bad = await failure(new Anthropic({ baseURL, apiKey: 'atr_not-a-real-token', maxRetries: 0 }).messages.create(hello(HAIKU)));
      expect(bad).toBeInstanceOf(Anthropic.AuthenticationError);
      expect(bad.type).toBe('authentication_error');
      const badHeader = await post(hello(HAIKU), { token: null, headers: { 'x-api-key': 'atr_nope' } });
      expect(badHeader.status).toBe(401);
      // x-api-key is the gateway's (Anthropic's clients), not the rest of the API's.
      expect((await g.t.get('/api/auth/me', { headers: { 'x-api-key': g.token } })).status).toBe(401);
      const session = await failure(new Anthropic({ baseURL, apiKey: g.ws.owner.token, maxRetries: 0 }).messages.create(hello(HAIKU)));
      expect(session).toBeInstanceOf(Anthropic.AuthenticationError);
      expect(session.apiMessage).toMatch(/API token/);
    });

    it('refuses a token without ai:use and a viewer with 403 permission_error', async () => {
      const noScope = await g.t.apiToken(g.ws.owner.token, g.ws.workspaceId, ['ai_keys:read']);
      const denied = await failure(new Anthropic({ baseURL, apiKey: noScope, maxRetries: 0 }).messages.create(hello(HAIKU)));
      expect(denied).toBeInstanceOf(Anthropic.PermissionDeniedError);
      expect(denied.type).toBe('permission_error');
      const viewer = await g.t.apiToken(g.ws.viewer.token, g.ws.workspaceId, ['ai:use']);
      const forbidden = await failure(new Anthropic({ baseURL, apiKey: viewer, maxRetries: 0 }).messages.countTokens({ model: HAIKU, messages: [{ role: 'user', content: 'x' }] }));
      expect(forbidden).toBeInstanceOf(Anthropic.PermissionDeniedError);
    });

    it("answers 404 not_found_error for another workspace's key and for a workspace without an Anthropic key", async () => {
      const stranger = await g.t.signup('stranger');
      const other = await g.t.createWorkspace(stranger.token, 'Other');
      const strangerClient = new Anthropic({ baseURL, apiKey: await g.t.apiToken(stranger.token, other.id, ['ai:use']), maxRetries: 0 });
      const before = anthropic.requests.length;
      const foreign = await failure(strangerClient.messages.create(hello(HAIKU), { headers: { 'x-atrium-key-id': anthropicKey.id } }));
      expect(foreign).toBeInstanceOf(Anthropic.NotFoundError);
      expect(foreign.type).toBe('not_found_error');
      expect(JSON.stringify(foreign.error)).not.toContain(g.ws.workspaceId);
      const none = await failure(strangerClient.messages.create(hello(HAIKU)));
      expect(none).toBeInstanceOf(Anthropic.NotFoundError);
      expect(anthropic.requests.length).toBe(before);
    });

    it('answers unknown paths and methods under /v1/messages in Anthropic shape; the rest of /v1 keeps OpenAI shape', async () => {
      const unknown = await post({}, { path: '/v1/messages/batches' });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
      const get = await g.t.get('/v1/messages', { token: g.token });
      expect(get.status).toBe(404);
      expect(get.body.type).toBe('error');
      const chat = await g.t.post('/v1/chat/completions', { token: g.token, body: { model: 'openai/gpt-4o-mini', messages: [], nonsense: 1 } });
      expect(chat.body.error).toMatchObject({ type: 'invalid_request_error', param: expect.any(String) });
    });
  });

  describe('bad input is a 400 invalid_request_error naming the field, and calls no provider', () => {
    const cases: Array<[string, unknown, string]> = [
      ['unknown field', { ...hello(HAIKU), frequency_penalty: 1 }, 'frequency_penalty'],
      ['no max_tokens', { model: HAIKU, messages: [{ role: 'user', content: 'x' }] }, 'max_tokens'],
      ['max_tokens as a string', { ...hello(HAIKU), max_tokens: '100' }, 'max_tokens'],
      ['stream as a string', { ...hello(HAIKU), stream: 'true' }, 'stream'],
      ['no messages', { model: HAIKU, max_tokens: 10, messages: [] }, 'messages'],
      ['message without content', { ...hello(HAIKU), messages: [{ role: 'user' }] }, 'content'],
      ['unknown message field', { ...hello(HAIKU), messages: [{ role: 'user', content: 'x', name: 'bob' }] }, 'name'],
      ['block without type', { ...hello(HAIKU), messages: [{ role: 'user', content: [{ text: 'x' }] }] }, 'messages.0.content'],
      ['text block without text', { ...hello(HAIKU), messages: [{ role: 'user', content: [{ type: 'text', text: 5 }] }] }, 'messages.0.content.0.text'],
      ['tool result without id', { ...hello('openai/gpt-4o-mini'), messages: [{ role: 'user', content: [{ type: 'tool_result', content: 'x' }] }] }, 'tool_use_id'],
      ['unknown role for a translated provider', { ...hello('openai/gpt-4o-mini'), messages: [{ role: 'wizard', content: 'x' }] }, 'messages.0.role'],
      ['NUL byte', { ...hello(HAIKU), system: 'a\u0000b' }, 'system'],
      ['bad anthropic-version', hello(HAIKU), 'anthropic-version'],
    ];
    it.each(cases)('%s', async (name, body, field) => {
      const before = anthropic.requests.length + openai.requests.length;
      const headers = name === 'bad anthropic-version' ? { 'anthropic-version': 'latest\r' } : undefined;
      const res = await post(body, { headers });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
      expect(res.body.error.message).toContain(field);
      expect(anthropic.requests.length + openai.requests.length).toBe(before);
    });

    it('refuses deep nesting with 400 and an unknown count_tokens field', async () => {
      let deep: unknown = 'x';
      for (let i = 0; i < 100; i++) deep = [deep];
      const nested = await post({ ...hello(HAIKU), metadata: { user_id: deep } });
      expect(nested.status).toBe(400);
      expect(nested.body.type).toBe('error');
      const count = await post({ ...hello(HAIKU) }, { path: '/v1/messages/count_tokens' });
      expect(count.status).toBe(400);
      expect(count.body.error.message).toContain('max_tokens');
    });
  });

  describe('provider errors, in Anthropic shape', () => {
    it("keeps an Anthropic key's own error type and retry-after (429, 529)", async () => {
      anthropic.failNext({ status: 429, retryAfter: 7 });
      const limited = await failure(client.messages.create(hello(HAIKU)));
      expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
      expect(limited.type).toBe('rate_limit_error');
      expect(limited.headers?.get('retry-after')).toBe('7');
      anthropic.failNext({ status: 529 });
      const overloaded = await failure(client.messages.create(hello(HAIKU)));
      expect(overloaded).toBeInstanceOf(Anthropic.InternalServerError);
      expect(overloaded.status).toBe(529);
      expect(overloaded.type).toBe('overloaded_error');
      const statuses = (await rows(anthropicKey.id)).slice(0, 2).map((r) => r.status_code);
      expect(statuses).toEqual([529, 429]);
    });

    it("maps a translated provider's 4xx and 5xx, and never leaks the provider key", async () => {
      openai.failNext({ status: 400, message: `Bad thing about ${openaiKey.apiKey}` });
      const bad = await failure(client.messages.create(hello('openai/gpt-4o-mini')));
      expect(bad).toBeInstanceOf(Anthropic.BadRequestError);
      expect(bad.type).toBe('invalid_request_error');
      expect(bad.apiMessage).not.toContain(openaiKey.apiKey);
      openai.failNext({ status: 500 });
      const down = await failure(client.messages.create(hello('openai/gpt-4o-mini')));
      expect(down).toBeInstanceOf(Anthropic.InternalServerError);
      expect(down.type).toBe('api_error');
    });

    it('ends a stream with an Anthropic error event when the provider fails mid-stream', async () => {
      anthropic.reply = { text: 'Partial answer here', streamError: { type: 'overloaded_error', message: 'Overloaded' } };
      openai.reply = { text: 'Partial answer here', streamError: { message: 'boom' } };
      try {
        const passed = await failure(client.messages.stream(hello(HAIKU)).finalMessage());
        expect(passed.type).toBe('overloaded_error');
        const translated = await failure(client.messages.stream(hello('openai/gpt-4o-mini')).finalMessage());
        expect(translated.type).toBe('api_error');
        const raw = await post(hello('openai/gpt-4o-mini', { stream: true }));
        const last = sseEvents(raw.body).at(-1)!;
        expect(JSON.parse(last)).toEqual({ type: 'error', error: { type: 'api_error', message: 'boom' } });
        const [row] = await rows(openaiKey.id);
        expect(row).toMatchObject({ status_code: 502, stream: 1, estimated: 1 });
      } finally {
        anthropic.reply = {};
        openai.reply = {};
      }
    });
  });
});
