import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider, type FakeProviderKind } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, gatewayTest, sseEvents, type GatewayTest } from './helpers.js';

/** A 1×1 PNG, as a data URL. */
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const TRANSLATED: Array<{ provider: string; fake: FakeProviderKind; model: string }> = [
  { provider: 'anthropic', fake: 'anthropic', model: 'anthropic/claude-3-5-haiku-latest' },
  { provider: 'gemini', fake: 'gemini', model: 'gemini/gemini-2.0-flash' },
];

const WEATHER_TOOL = { type: 'function' as const, name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: false };

/** The official OpenAI SDK's `responses.create` / `responses.stream` against atrium over real HTTP. */
describe.each(engines)('POST /v1/responses (%s)', (engine) => {
  let g: GatewayTest;
  let client: OpenAI;
  let baseURL: string;
  const fakes = new Map<string, FakeProvider>();
  const keys = new Map<string, { id: string }>();

  beforeAll(async () => {
    g = await gatewayTest(engine);
    for (const [provider, kind, extra] of [
      ['openai', 'openai', {}],
      ['openrouter', 'openai', {}],
      ['azure_openai', 'azure', { deployment_name: 'gpt4o-prod' }],
      ['anthropic', 'anthropic', {}],
      ['gemini', 'gemini', {}],
    ] as const) {
      const fake = await startFakeProvider(kind, { apiKey: [] });
      fakes.set(provider, fake);
      keys.set(provider, await addKey(g, provider, fake, extra));
    }
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(g.t.app.server.address() as AddressInfo).port}/v1`;
    client = new OpenAI({ baseURL, apiKey: g.token, maxRetries: 0 });
  });
  afterAll(async () => {
    await g.t.close();
    for (const fake of fakes.values()) await fake.close();
  });

  const fake = (provider: string) => fakes.get(provider)!;
  const rows = async (keyId: string) => {
    await g.t.services.aiGateway.recorder.flush();
    return new UsageRepository(g.t.db).recent(g.ws.workspaceId, keyId);
  };
  const post = (body: unknown, opts: { token?: string; headers?: Record<string, string> } = {}) => g.t.post('/v1/responses', { token: opts.token ?? g.token, body, headers: opts.headers });
  /** The raw bytes atrium answers, to compare with what the provider sent. */
  const raw = (body: unknown) => g.t.app.inject({ method: 'POST', url: '/v1/responses', headers: { authorization: `Bearer ${g.token}` }, payload: body as object });
  const withReply = async <T>(provider: string, reply: FakeProvider['reply'], run: () => Promise<T>): Promise<T> => {
    fake(provider).reply = reply;
    try {
      return await run();
    } finally {
      fake(provider).reply = {};
    }
  };

  describe('pass-through', () => {
    it('forwards a request to OpenAI and its answer byte for byte', async () => {
      const body = { model: 'openai/gpt-4o-mini', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Say hello.' }] }], instructions: 'Be brief.', store: false, reasoning: { effort: 'low' }, include: ['reasoning.encrypted_content'], metadata: { run: '1' } };
      const res = await raw(body);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(fake('openai').responses.at(-1));
      const sent = fake('openai').requests.at(-1)!;
      expect(sent.path).toBe('/v1/responses');
      expect(sent.body).toEqual({ ...body, model: 'gpt-4o-mini' });

      const response = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Say hello.' });
      expect(response.object).toBe('response');
      expect(response.output_text).toBe('Hello from the fake provider!');
      expect(response.usage).toMatchObject({ input_tokens: 10, output_tokens: 5, total_tokens: 15 });
    });

    it('streams OpenAI events unchanged; the SDK stream helper gets the final response', async () => {
      const res = await raw({ model: 'openai/gpt-4o-mini', input: 'Say hello.', stream: true });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      expect(res.body).toBe(fake('openai').responses.at(-1));

      const stream = client.responses.stream({ model: 'openai/gpt-4o-mini', input: 'Say hello.' });
      let deltas = '';
      stream.on('response.output_text.delta', (e) => (deltas += e.delta));
      const final = await stream.finalResponse();
      expect(deltas).toBe('Hello from the fake provider!');
      expect(final.output_text).toBe('Hello from the fake provider!');
      expect(final.status).toBe('completed');
    });

    it('calls Azure’s v1 Responses API with the deployment as model, and OpenRouter’s /responses', async () => {
      const azure = await client.responses.create({ model: 'azure/gpt-4o', input: 'Hi' });
      expect(azure.output_text).toBe('Hello from the fake provider!');
      const sent = fake('azure_openai').requests.at(-1)!;
      expect(sent.path).toBe('/openai/v1/responses');
      expect(sent.query.get('api-version')).toBeNull();
      expect(sent.headers['api-key']).toBeTruthy();
      expect(sent.body.model).toBe('gpt4o-prod');

      await client.responses.create({ model: 'openrouter/openai/gpt-4o-mini', input: 'Hi' });
      expect(fake('openrouter').requests.at(-1)).toMatchObject({ path: '/v1/responses', body: { model: 'openai/gpt-4o-mini', input: 'Hi' } });
    });

    it('forwards to a custom server’s /responses', async () => {
      const custom = await addKey(g, 'custom', fake('openai'));
      const res = await post({ model: 'llama3.2', input: 'Hi' }, { headers: { 'x-atrium-key-id': custom.id } });
      expect(res.status).toBe(200);
      expect(fake('openai').requests.at(-1)).toMatchObject({ path: '/v1/responses', body: { model: 'llama3.2', input: 'Hi' } });
    });

    it('passes built-in tools and previous_response_id through to OpenAI', async () => {
      await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'News?', tools: [{ type: 'web_search' }], previous_response_id: 'resp_earlier' });
      expect(fake('openai').requests.at(-1)!.body).toMatchObject({ tools: [{ type: 'web_search' }], previous_response_id: 'resp_earlier' });
    });

    it('records usage from the JSON usage and from response.completed, cached tokens at the cache rate', async () => {
      const key = await addKey(g, 'openai', fake('openai'));
      const headers = { 'x-atrium-key-id': key.id };
      await withReply('openai', { inputTokens: 1_000_000, cacheReadTokens: 400_000, outputTokens: 100_000 }, async () => {
        expect((await post({ model: 'gpt-4o-mini', input: 'a' }, { headers })).status).toBe(200);
        const streamed = await post({ model: 'gpt-4o-mini', input: 'a', stream: true }, { headers });
        expect(streamed.status).toBe(200);
      });
      // 600 000 uncached × $0.15 + 400 000 cached × $0.075 + 100 000 output × $0.60 per million = $0.18.
      const expected = { model: 'gpt-4o-mini', input_tokens: 1_000_000, cache_read_tokens: 400_000, output_tokens: 100_000, cost_micros: 180_000, estimated: 0, status_code: 200 };
      expect(await rows(key.id)).toEqual([expect.objectContaining({ ...expected, stream: 1 }), expect.objectContaining({ ...expected, stream: 0 })]);
    });

    it('relays a failed stream and records its status', async () => {
      const key = await addKey(g, 'openai', fake('openai'));
      const events = await withReply('openai', { streamError: { message: 'boom' } }, async () => {
        const res = await post({ model: 'gpt-4o-mini', input: 'a', stream: true }, { headers: { 'x-atrium-key-id': key.id } });
        return sseEvents(res.body).map((e) => JSON.parse(e));
      });
      expect(events.at(-1)).toMatchObject({ type: 'response.failed', response: { status: 'failed', error: { code: 'server_error' } } });
      expect((await rows(key.id))[0]).toMatchObject({ status_code: 502, estimated: 1 });
    });
  });

  describe.each(TRANSLATED)('translated to $provider', ({ provider, model }) => {
    it('answers a response object for a text request', async () => {
      const response = await withReply(provider, { text: 'Bonjour !', inputTokens: 21, outputTokens: 3 }, () =>
        client.responses.create({ model, instructions: 'Answer in French.', input: 'Say hello.', max_output_tokens: 50, temperature: 0.2 }),
      );
      expect(response).toMatchObject({ object: 'response', status: 'completed', output_text: 'Bonjour !', error: null, instructions: 'Answer in French.', max_output_tokens: 50, store: false });
      expect(response.id).toMatch(/^resp_/);
      expect(response.output).toEqual([{ id: expect.stringMatching(/^msg_/), type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Bonjour !', annotations: [], logprobs: [] }] }]);
      expect(response.usage).toMatchObject({ input_tokens: 21, output_tokens: 3, total_tokens: 24, output_tokens_details: { reasoning_tokens: 0 } });
      const sent = fake(provider).requests.at(-1)!.body;
      if (provider === 'anthropic') {
        expect(sent).toMatchObject({ model: 'claude-3-5-haiku-latest', system: 'Answer in French.', max_tokens: 50, temperature: 0.2, messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hello.' }] }] });
      } else {
        expect(sent).toMatchObject({ systemInstruction: { parts: [{ text: 'Answer in French.' }] }, generationConfig: { maxOutputTokens: 50, temperature: 0.2 }, contents: [{ role: 'user', parts: [{ text: 'Say hello.' }] }] });
      }
    });

    it('streams Responses events the SDK stream helper accumulates, numbered in order', async () => {
      const stream = client.responses.stream({ model, input: 'Say hello.' });
      const types: string[] = [];
      const sequence: number[] = [];
      stream.on('event', (e) => {
        types.push(e.type);
        sequence.push(e.sequence_number);
      });
      const final = await stream.finalResponse();
      expect(final.output_text).toBe('Hello from the fake provider!');
      expect(final.status).toBe('completed');
      expect(final.usage).toMatchObject({ input_tokens: 10, output_tokens: 5 });
      expect(sequence).toEqual(types.map((_, i) => i));
      expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
      expect(types.filter((t) => t === 'response.output_text.delta').length).toBeGreaterThan(1);
      expect(types.slice(-4)).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'response.completed']);
    });

    it('round-trips a function tool: function_call out, function_call_output in', async () => {
      const toolCall = { name: 'get_weather', arguments: { city: 'Paris' } };
      const first = await withReply(provider, { toolCall }, () => client.responses.create({ model, input: 'Weather in Paris?', tools: [WEATHER_TOOL], tool_choice: 'required' }));
      expect(first.output).toEqual([{ id: expect.stringMatching(/^fc_/), type: 'function_call', status: 'completed', call_id: expect.any(String), name: 'get_weather', arguments: '{"city":"Paris"}' }]);
      const sentTools = fake(provider).requests.at(-1)!.body;
      if (provider === 'anthropic') expect(sentTools).toMatchObject({ tools: [{ name: 'get_weather', input_schema: WEATHER_TOOL.parameters }], tool_choice: { type: 'any' } });
      else expect(sentTools.tools[0].functionDeclarations[0]).toMatchObject({ name: 'get_weather' });

      const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
      const streamed = await withReply(provider, { toolCall }, () => client.responses.stream({ model, input: 'Weather in Paris?', tools: [WEATHER_TOOL] }).finalResponse());
      expect(streamed.output).toEqual([expect.objectContaining({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Paris"}', status: 'completed' })]);

      const second = await client.responses.create({
        model,
        tools: [WEATHER_TOOL],
        input: [
          { role: 'user', content: 'Weather in Paris?' },
          { type: 'function_call', call_id: call.call_id, name: 'get_weather', arguments: call.arguments },
          { type: 'function_call_output', call_id: call.call_id, output: '{"temp_c":21}' },
        ],
      });
      expect(second.output_text).toBe('Hello from the fake provider!');
      const sent = fake(provider).requests.at(-1)!.body;
      if (provider === 'anthropic') {
        expect(sent.messages).toEqual([
          { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
          { role: 'assistant', content: [{ type: 'tool_use', id: call.call_id, name: 'get_weather', input: { city: 'Paris' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.call_id, content: '{"temp_c":21}' }] },
        ]);
      } else {
        expect(sent.contents[1]).toMatchObject({ role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }] });
        expect(sent.contents[2].parts[0].functionResponse).toMatchObject({ name: 'get_weather' });
      }
    });

    it('translates an input_image', async () => {
      await client.responses.create({
        model,
        input: [{ role: 'user', content: [{ type: 'input_text', text: 'What is this?' }, { type: 'input_image', image_url: `data:image/png;base64,${PIXEL}`, detail: 'auto' }] }],
      });
      const sent = fake(provider).requests.at(-1)!.body;
      if (provider === 'anthropic') expect(sent.messages[0].content[1]).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PIXEL } });
      else expect(sent.contents[0].parts[1]).toEqual({ inlineData: { mimeType: 'image/png', data: PIXEL } });
    });

    it('refuses built-in tools, previous_response_id and file inputs with 400 before any call', async () => {
      const before = fake(provider).requests.length;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ tools: [{ type: 'web_search' }] }, 'tools[0].type'],
        [{ previous_response_id: 'resp_earlier' }, 'previous_response_id'],
        [{ input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file-1' }] }] }, 'input[0].content[0].type'],
        [{ input: [{ type: 'item_reference', id: 'msg_1' }] }, 'input[0].type'],
      ];
      for (const [extra, param] of cases) {
        const res = await post({ model, input: 'Hi', ...extra });
        expect(res.status, param).toBe(400);
        expect(res.body.error, param).toMatchObject({ type: 'invalid_request_error', code: 'unsupported_parameter', param });
        expect(res.body.error.message).toContain(provider);
      }
      expect(fake(provider).requests.length).toBe(before);
      await expect(client.responses.create({ model, input: 'Hi', tools: [{ type: 'web_search' }] })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    });
  });

  it('translates for a chat-only OpenAI-compatible provider (Groq), plain and streamed', async () => {
    const openai = fake('openai');
    const groq = await addKey(g, 'groq', openai);
    const headers = { 'x-atrium-key-id': groq.id };
    const plain = await post({ model: 'llama-3.1-8b-instant', input: 'Say hello.', text: { format: { type: 'json_object' } } }, { headers });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ object: 'response', status: 'completed', output: [{ type: 'message', content: [{ text: 'Hello from the fake provider!' }] }], usage: { input_tokens: 10, output_tokens: 5 } });
    expect(openai.requests.at(-1)).toMatchObject({ path: '/v1/chat/completions', body: { model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: 'Say hello.' }], response_format: { type: 'json_object' } } });
    const streamed = await post({ model: 'llama-3.1-8b-instant', input: 'Say hello.', stream: true }, { headers });
    const events = sseEvents(streamed.body).map((e) => JSON.parse(e));
    expect(events.at(-1)).toMatchObject({ type: 'response.completed', response: { status: 'completed', usage: { input_tokens: 10, output_tokens: 5 } } });
    expect(events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join('')).toBe('Hello from the fake provider!');
    expect((await rows(groq.id)).map((r) => r.stream)).toEqual([1, 0]);
  });

  it('translates text.format json_schema to the provider’s structured output', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
    await client.responses.create({ model: 'gemini/gemini-2.0-flash', input: 'Answer.', text: { format: { type: 'json_schema', name: 'answer', schema, strict: true } } });
    expect(fake('gemini').requests.at(-1)!.body.generationConfig).toMatchObject({ responseMimeType: 'application/json', responseSchema: { type: 'object' } });
  });

  it('records translated usage and cost (Anthropic cache reads at the cache rate)', async () => {
    const key = await addKey(g, 'anthropic', fake('anthropic'));
    await withReply('anthropic', { inputTokens: 1_000_000, cacheReadTokens: 200_000, outputTokens: 100_000 }, async () => {
      const res = await post({ model: 'claude-3-5-haiku-latest', input: 'a' }, { headers: { 'x-atrium-key-id': key.id } });
      expect(res.body.usage).toMatchObject({ input_tokens: 1_200_000, input_tokens_details: { cached_tokens: 200_000 }, output_tokens: 100_000 });
      await post({ model: 'claude-3-5-haiku-latest', input: 'a', stream: true }, { headers: { 'x-atrium-key-id': key.id } });
    });
    // 1 000 000 × $0.80 + 200 000 cached × $0.08 + 100 000 output × $4 per million = $1.216.
    const expected = { input_tokens: 1_200_000, cache_read_tokens: 200_000, output_tokens: 100_000, cost_micros: 1_216_000, estimated: 0, status_code: 200 };
    expect(await rows(key.id)).toEqual([expect.objectContaining({ ...expected, stream: 1 }), expect.objectContaining({ ...expected, stream: 0 })]);
  });

  it('ends a translated stream that failed with error and response.failed, and records the status', async () => {
    const key = await addKey(g, 'anthropic', fake('anthropic'));
    const res = await withReply('anthropic', { streamError: { type: 'overloaded_error', message: 'Overloaded' } }, () =>
      post({ model: 'claude-3-5-haiku-latest', input: 'a', stream: true }, { headers: { 'x-atrium-key-id': key.id } }),
    );
    const events = sseEvents(res.body).map((e) => JSON.parse(e));
    expect(events.slice(-2)).toMatchObject([
      { type: 'error', code: 'overloaded_error', message: 'Overloaded' },
      { type: 'response.failed', response: { status: 'failed', error: { code: 'overloaded_error', message: 'Overloaded' } } },
    ]);
    expect((await rows(key.id))[0]).toMatchObject({ status_code: 529, stream: 1 });
  });

  it('applies the request cap (429), the cost cap (402) and the per-minute limit (429) without calling the provider', async () => {
    const openai = fake('openai');
    const capped = await addKey(g, 'openai', openai, { usage_limit: 1 });
    const body = { model: 'gpt-4o-mini', input: 'capped' };
    expect((await post(body, { headers: { 'x-atrium-key-id': capped.id } })).status).toBe(200);
    let before = openai.requests.length;
    const overRequests = await post(body, { headers: { 'x-atrium-key-id': capped.id } });
    expect(overRequests.status).toBe(429);
    expect(overRequests.body.error).toMatchObject({ type: 'insufficient_quota', code: 'usage_limit_reached' });

    // $0.001: the first call's worst case (100 output tokens at $4 per million) fits; it costs $0.0048
    // (1 000 tokens each way), so the next one is refused before any upstream call.
    const costly = await addKey(g, 'anthropic', fake('anthropic'), { cost_limit: 0.001 });
    await withReply('anthropic', { inputTokens: 1_000, outputTokens: 1_000 }, async () => {
      expect((await post({ model: 'claude-3-5-haiku-latest', input: 'a', max_output_tokens: 100 }, { headers: { 'x-atrium-key-id': costly.id } })).status).toBe(200);
    });
    const anthropicBefore = fake('anthropic').requests.length;
    const overCost = await post({ model: 'claude-3-5-haiku-latest', input: 'a', stream: true }, { headers: { 'x-atrium-key-id': costly.id } });
    expect(overCost.status).toBe(402);
    expect(overCost.body.error).toMatchObject({ type: 'insufficient_quota', code: 'cost_limit_reached' });
    expect(fake('anthropic').requests.length).toBe(anthropicBefore);

    const limited = await addKey(g, 'openai', openai, { rate_limit_rpm: 1 });
    expect((await post(body, { headers: { 'x-atrium-key-id': limited.id } })).status).toBe(200);
    before = openai.requests.length;
    const overRate = await post(body, { headers: { 'x-atrium-key-id': limited.id } });
    expect(overRate.status).toBe(429);
    expect(overRate.body.error).toMatchObject({ code: 'rate_limit_exceeded' });
    expect(openai.requests.length).toBe(before);
  });

  it('answers who may call as chat does: 401, 403 without ai:use or for a viewer, 404 for another workspace’s key', async () => {
    const anonymous = await g.t.post('/v1/responses', { body: { nonsense: true } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
    const stranger = new OpenAI({ baseURL, apiKey: 'atr_not-a-token', maxRetries: 0 });
    await expect(stranger.responses.create({ model: 'openai/gpt-4o-mini', input: 'a' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

    const readOnly = await g.t.apiToken(g.ws.owner.token, g.ws.workspaceId, ['ai_keys:read']);
    const noScope = await post({ model: 'openai/gpt-4o-mini', input: 'a' }, { token: readOnly });
    expect(noScope.status).toBe(403);
    expect(noScope.body.error.type).toBe('permission_error');
    const viewer = await g.t.apiToken(g.ws.viewer.token, g.ws.workspaceId, ['ai:use']);
    expect((await post({ model: 'openai/gpt-4o-mini', input: 'a' }, { token: viewer })).status).toBe(403);

    const outsider = await g.t.signup('responses-outsider');
    const other = await g.t.createWorkspace(outsider.token, 'Elsewhere');
    const outsiderToken = await g.t.apiToken(outsider.token, other.id, ['ai:use']);
    const before = fake('openai').requests.length;
    const foreign = await post({ model: 'openai/gpt-4o-mini', input: 'a' }, { token: outsiderToken, headers: { 'x-atrium-key-id': keys.get('openai')!.id } });
    expect(foreign.status).toBe(404);
    expect(fake('openai').requests.length).toBe(before);
  });

  it("refuses unknown fields, wrong types, malformed items and NUL bytes in OpenAI's shape, before any call", async () => {
    const before = fake('openai').requests.length;
    const unknown = await post({ model: 'openai/gpt-4o-mini', input: 'a', messages: [] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({ message: 'Unrecognized request argument supplied: messages', type: 'invalid_request_error', param: 'messages', code: 'unknown_parameter' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ stream: 'true' }, 'stream'],
      [{ max_output_tokens: 1.5 }, 'max_output_tokens'],
      [{ temperature: 'hot' }, 'temperature'],
      [{ input: 42 }, 'input'],
      [{ tools: {} }, 'tools'],
      [{ model: 7 }, 'model'],
      [{ input: ['text'] }, 'input'],
      [{ input: [{ role: 'user', content: [{ type: 'input_text', text: 5 }] }] }, 'input[0].content[0].text'],
      [{ input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: { a: 1 } }] }, 'input[0].arguments'],
      [{ tools: [{ type: 'function' }] }, 'tools[0].name'],
      [{ text: { format: 'json' } }, 'text.format.type'],
    ];
    for (const [extra, param] of cases) {
      const res = await post({ model: 'openai/gpt-4o-mini', input: 'a', ...extra });
      expect(res.status, param).toBe(400);
      expect(res.body.error, param).toMatchObject({ type: 'invalid_request_error', param });
    }
    const nul = await post({ model: 'openai/gpt-4o-mini', input: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.type).toBe('invalid_request_error');
    expect(fake('openai').requests.length).toBe(before);
  });

  it("maps the provider's errors in OpenAI's shape", async () => {
    fake('openai').failNext({ status: 429, retryAfter: 3 });
    await expect(client.responses.create({ model: 'openai/gpt-4o-mini', input: 'a' })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    fake('anthropic').failNext({ status: 529 });
    const anthropic = await post({ model: 'anthropic/claude-3-5-haiku-latest', input: 'a' });
    expect(anthropic.status).toBe(529);
    expect(anthropic.body.error).toMatchObject({ type: 'api_error', code: 'overloaded_error', message: 'Overloaded' });
    fake('gemini').failNext({ status: 429, retryAfter: 30 });
    const gemini = await post({ model: 'gemini/gemini-2.0-flash', input: 'a', stream: true });
    expect(gemini.status).toBe(429);
    expect(gemini.headers['retry-after']).toBe('30');
    expect((await rows(keys.get('anthropic')!.id))[0]).toMatchObject({ status_code: 529, cost_micros: 0 });
  });

  it('is documented in the OpenAPI document', async () => {
    const spec = await g.t.get('/openapi.json');
    expect(spec.body.paths['/v1/responses'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('previous_response_id');
  });
});
