import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeEmbedding, startFakeProvider, type FakeProvider, type FakeProviderKind } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, gatewayTest, until, type GatewayTest } from './helpers.js';

/** OpenAI's base64 embedding: float32 little-endian values. */
function decode(base64: string): number[] {
  const bytes = Buffer.from(base64, 'base64');
  return Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
}

/** Each provider with an embeddings API, the fake speaking its protocol, and an embedding model of its catalog. */
const PROVIDERS: Array<{ provider: string; fake: FakeProviderKind; model: string; deployment?: string }> = [
  { provider: 'openai', fake: 'openai', model: 'text-embedding-3-small' },
  { provider: 'openrouter', fake: 'openai', model: 'openai/text-embedding-3-small' },
  { provider: 'custom', fake: 'openai', model: 'nomic-embed-text' },
  { provider: 'mistral', fake: 'mistral', model: 'mistral-embed' },
  { provider: 'azure_openai', fake: 'azure', model: 'text-embedding-3-small', deployment: 'embed-prod' },
  { provider: 'gemini', fake: 'gemini', model: 'gemini-embedding-001' },
  { provider: 'cohere', fake: 'cohere', model: 'embed-v4.0' },
];

/** The official OpenAI SDK's `embeddings.create` against atrium, over real HTTP, for every protocol. */
describe.each(engines)('POST /v1/embeddings (%s)', (engine) => {
  let g: GatewayTest;
  let client: OpenAI;
  let baseURL: string;
  const fakes = new Map<string, FakeProvider>();
  const keys = new Map<string, { id: string }>();
  let anthropic: FakeProvider;

  beforeAll(async () => {
    g = await gatewayTest(engine);
    for (const p of PROVIDERS) {
      const fake = await startFakeProvider(p.fake, { apiKey: [] });
      fakes.set(p.provider, fake);
      keys.set(p.provider, await addKey(g, p.provider, fake, p.deployment ? { deployment_name: p.deployment } : {}));
    }
    anthropic = await startFakeProvider('anthropic', { apiKey: [] });
    await addKey(g, 'anthropic', anthropic);
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(g.t.app.server.address() as AddressInfo).port}/v1`;
    client = new OpenAI({ baseURL, apiKey: g.token, maxRetries: 0 });
  });
  afterAll(async () => {
    await g.t.close();
    for (const fake of fakes.values()) await fake.close();
    await anthropic.close();
  });

  const rows = async (keyId: string) => {
    await g.t.services.aiGateway.recorder.flush();
    return new UsageRepository(g.t.db).recent(g.ws.workspaceId, keyId);
  };
  const post = (body: unknown, opts: { token?: string; headers?: Record<string, string> } = {}) =>
    g.t.post('/v1/embeddings', { token: opts.token ?? g.token, body, headers: opts.headers });

  describe.each(PROVIDERS)('$provider', ({ provider, model }) => {
    const name = `${provider === 'azure_openai' ? 'azure' : provider}/${model}`;

    it('embeds one text with the SDK defaults (base64 on the wire, decoded by the SDK)', async () => {
      const res = await client.embeddings.create({ model: name, input: 'The quick brown fox' });
      expect(res.object).toBe('list');
      expect(res.data).toHaveLength(1);
      expect(res.data[0]).toMatchObject({ object: 'embedding', index: 0 });
      expect(res.data[0].embedding).toEqual(fakeEmbedding('The quick brown fox'));
    });

    it('embeds a batch as floats and as base64, in input order', async () => {
      const input = ['first text', 'second text', 'third text'];
      const floats = await client.embeddings.create({ model: name, input, encoding_format: 'float' });
      expect(floats.data.map((d) => d.index)).toEqual([0, 1, 2]);
      expect(floats.data.map((d) => d.embedding)).toEqual(input.map((t) => fakeEmbedding(t)));
      const base64 = await client.embeddings.create({ model: name, input, encoding_format: 'base64' });
      for (const [i, d] of base64.data.entries()) {
        expect(typeof d.embedding).toBe('string');
        expect(decode(d.embedding as unknown as string)).toEqual(fakeEmbedding(input[i]));
      }
    });

    it('asks the provider for fewer dimensions in its own parameter', async () => {
      const fake = fakes.get(provider)!;
      const res = await client.embeddings.create({ model: name, input: ['short'], dimensions: 4, encoding_format: 'float' });
      expect(res.data[0].embedding).toEqual(fakeEmbedding('short', 4));
      const sent = fake.requests.at(-1)!.body;
      if (provider === 'gemini') expect(sent.requests[0].outputDimensionality).toBe(4);
      else if (provider === 'cohere' || provider === 'mistral') expect(sent).toMatchObject({ output_dimension: 4 });
      else expect(sent.dimensions).toBe(4);
    });
  });

  it('sends each protocol its own request', async () => {
    await client.embeddings.create({ model: 'openai/text-embedding-3-small', input: 'a', user: 'u-1' });
    expect(fakes.get('openai')!.requests.at(-1)).toMatchObject({ path: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: 'a', user: 'u-1', encoding_format: 'base64' } });

    await client.embeddings.create({ model: 'mistral/mistral-embed', input: 'a', user: 'u-1' });
    // Mistral refuses fields it does not know: `user` is not sent.
    expect(fakes.get('mistral')!.requests.at(-1)!.body).toEqual({ model: 'mistral-embed', input: 'a', encoding_format: 'base64' });

    await client.embeddings.create({ model: 'azure/text-embedding-3-small', input: 'a' });
    const azure = fakes.get('azure_openai')!.requests.at(-1)!;
    expect(azure.path).toBe('/openai/deployments/embed-prod/embeddings');
    expect(azure.query.get('api-version')).toBeTruthy();

    await client.embeddings.create({ model: 'gemini/gemini-embedding-001', input: ['a', 'b'] });
    const gemini = fakes.get('gemini')!.requests.at(-1)!;
    expect(gemini.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(gemini.body).toEqual({ requests: ['a', 'b'].map((text) => ({ model: 'models/gemini-embedding-001', content: { parts: [{ text }] } })) });

    await client.embeddings.create({ model: 'cohere/embed-v4.0', input: ['a', 'b'] });
    const cohere = fakes.get('cohere')!.requests.at(-1)!;
    expect(cohere.path).toBe('/v2/embed');
    expect(cohere.body).toEqual({ model: 'embed-v4.0', texts: ['a', 'b'], input_type: 'search_document', embedding_types: ['float'] });
  });

  it('passes token ids through to OpenAI-compatible providers and refuses them for text-only providers before any call', async () => {
    const res = await client.embeddings.create({ model: 'openai/text-embedding-3-small', input: [[1, 2, 3], [4, 5]], encoding_format: 'float' });
    expect(res.data.map((d) => d.embedding)).toEqual([fakeEmbedding('1,2,3'), fakeEmbedding('4,5')]);
    for (const provider of ['gemini', 'cohere', 'mistral']) {
      const fake = fakes.get(provider)!;
      const before = fake.requests.length;
      const refused = await post({ model: `${provider}/x`, input: [1, 2, 3] });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ type: 'invalid_request_error', param: 'input' });
      expect(fake.requests.length).toBe(before);
    }
  });

  it('records one usage row per call: input tokens, no output, cost at the input price', async () => {
    const openai = fakes.get('openai')!;
    const key = await addKey(g, 'openai', openai);
    openai.reply = { inputTokens: 50_000 };
    try {
      const res = await post({ model: 'openai/text-embedding-3-large', input: ['x', 'y'] }, { headers: { 'x-atrium-key-id': key.id } });
      expect(res.status).toBe(200);
      expect(res.body.usage).toEqual({ prompt_tokens: 50_000, total_tokens: 50_000 });
    } finally {
      openai.reply = {};
    }
    // $0.13 per million tokens × 50 000 = 6 500 µ$.
    expect(await rows(key.id)).toEqual([
      expect.objectContaining({ model: 'text-embedding-3-large', input_tokens: 50_000, output_tokens: 0, cost_micros: 6_500, estimated: 0, unpriced: 0, stream: 0, status_code: 200 }),
    ]);

    const cohere = fakes.get('cohere')!;
    cohere.reply = { inputTokens: 100_000 };
    try {
      const res = await post({ model: 'cohere/embed-v4.0', input: 'billed' });
      expect(res.body.usage).toEqual({ prompt_tokens: 100_000, total_tokens: 100_000 });
    } finally {
      cohere.reply = {};
    }
    // Cohere's billed units at $0.12 per million tokens.
    expect((await rows(keys.get('cohere')!.id))[0]).toMatchObject({ model: 'embed-v4.0', input_tokens: 100_000, output_tokens: 0, cost_micros: 12_000, estimated: 0 });

    // Gemini reports no tokens for embeddings: the row is estimated from the text (≈ 4 characters per token).
    await post({ model: 'gemini/gemini-embedding-001', input: 'x'.repeat(400) });
    expect((await rows(keys.get('gemini')!.id))[0]).toMatchObject({ model: 'gemini-embedding-001', input_tokens: 100, output_tokens: 0, cost_micros: 15, estimated: 1 });
  });

  it('refuses over the request cap (429), the cost cap (402) and the per-minute limit (429) without calling the provider', async () => {
    const openai = fakes.get('openai')!;
    const body = { model: 'openai/text-embedding-3-small', input: 'capped' };
    const capped = await addKey(g, 'openai', openai, { usage_limit: 1 });
    expect((await post(body, { headers: { 'x-atrium-key-id': capped.id } })).status).toBe(200);
    let before = openai.requests.length;
    const overRequests = await post(body, { headers: { 'x-atrium-key-id': capped.id } });
    expect(overRequests.status).toBe(429);
    expect(overRequests.body.error).toMatchObject({ type: 'insufficient_quota', code: 'usage_limit_reached' });
    expect(openai.requests.length).toBe(before);

    // $0.001 = 1000 µ$; 50 000 tokens at $0.02 per million cost exactly that.
    const costly = await addKey(g, 'openai', openai, { cost_limit: 0.001 });
    openai.reply = { inputTokens: 50_000 };
    try {
      expect((await post(body, { headers: { 'x-atrium-key-id': costly.id } })).status).toBe(200);
      before = openai.requests.length;
      const overCost = await post(body, { headers: { 'x-atrium-key-id': costly.id } });
      expect(overCost.status).toBe(402);
      expect(overCost.body.error).toMatchObject({ type: 'insufficient_quota', code: 'cost_limit_reached' });
      expect(openai.requests.length).toBe(before);
    } finally {
      openai.reply = {};
    }
    const events = async () => {
      const all = await g.t.db.selectFrom('events').selectAll().where('workspace_id', '=', g.ws.workspaceId).where('type', '=', 'ai_usage.threshold').execute();
      return all.map((r) => JSON.parse(r.payload)).filter((d) => d.ai_key_id === costly.id);
    };
    await until(async () => (await events()).some((e) => e.metric === 'cost' && e.threshold_percent === 100), 'the 100 % cost threshold event');

    const limited = await addKey(g, 'openai', openai, { rate_limit_rpm: 1 });
    expect((await post(body, { headers: { 'x-atrium-key-id': limited.id } })).status).toBe(200);
    before = openai.requests.length;
    const overRate = await post(body, { headers: { 'x-atrium-key-id': limited.id } });
    expect(overRate.status).toBe(429);
    expect(overRate.body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(Number(overRate.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(openai.requests.length).toBe(before);
  });

  it('answers who may call as chat does: 401 without a token, 403 without ai:use, 404 for another workspace’s key', async () => {
    const anonymous = await g.t.post('/v1/embeddings', { body: { nonsense: true } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
    const stranger = new OpenAI({ baseURL, apiKey: 'atr_not-a-token', maxRetries: 0 });
    await expect(stranger.embeddings.create({ model: 'openai/text-embedding-3-small', input: 'a' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

    const readOnly = await g.t.apiToken(g.ws.owner.token, g.ws.workspaceId, ['ai_keys:read']);
    const noScope = await post({ model: 'openai/text-embedding-3-small', input: 'a' }, { token: readOnly });
    expect(noScope.status).toBe(403);
    expect(noScope.body.error.type).toBe('permission_error');

    const outsider = await g.t.signup('embeddings-outsider');
    const other = await g.t.createWorkspace(outsider.token, 'Elsewhere');
    const outsiderToken = await g.t.apiToken(outsider.token, other.id, ['ai:use']);
    const before = fakes.get('openai')!.requests.length;
    const foreign = await post({ model: 'openai/text-embedding-3-small', input: 'a' }, { token: outsiderToken, headers: { 'x-atrium-key-id': keys.get('openai')!.id } });
    expect(foreign.status).toBe(404);
    expect(fakes.get('openai')!.requests.length).toBe(before);
  });

  it("refuses what OpenAI refuses, in OpenAI's shape", async () => {
    const unknown = await post({ model: 'openai/text-embedding-3-small', input: 'a', input_type: 'query' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({ message: 'Unrecognized request argument supplied: input_type', type: 'invalid_request_error', param: 'input_type', code: 'unknown_parameter' });
    for (const [field, value] of [['input', ''], ['input', []], ['input', 12345], ['input', [1, 'a']], ['input', [[]]], ['encoding_format', 'hex'], ['dimensions', 0], ['dimensions', '4'], ['user', 5], ['model', 7]] as const) {
      const res = await post({ model: 'openai/text-embedding-3-small', input: 'a', [field]: value });
      expect(res.status, `${field}: ${JSON.stringify(value)}`).toBe(400);
      expect(res.body.error, `${field}: ${JSON.stringify(value)}`).toMatchObject({ type: 'invalid_request_error', param: field });
    }
    const missing = await post({ model: 'openai/text-embedding-3-small' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.param).toBe('input');
    await expect(client.embeddings.create({ model: 'text-embedding-3-small', input: 'a' })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('refuses a provider without an embeddings API with 400 before any call', async () => {
    const before = anthropic.requests.length;
    const res = await post({ model: 'anthropic/claude-3-5-haiku-latest', input: 'a' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'unsupported_provider', param: 'model' });
    expect(res.body.error.message).toContain('anthropic has no embeddings API');
    expect(anthropic.requests.length).toBe(before);

    // Groq speaks OpenAI's chat API but has no /embeddings: refused too, not forwarded to a 404.
    const openai = fakes.get('openai')!;
    await addKey(g, 'groq', openai);
    const sent = openai.requests.length;
    const groq = await post({ model: 'groq/llama-3.1-8b-instant', input: 'a' });
    expect(groq.status).toBe(400);
    expect(groq.body.error).toMatchObject({ code: 'unsupported_provider', param: 'model' });
    expect(openai.requests.length).toBe(sent);
  });

  it("maps the provider's errors as chat does", async () => {
    fakes.get('openai')!.failNext({ status: 429, retryAfter: 3 });
    await expect(client.embeddings.create({ model: 'openai/text-embedding-3-small', input: 'a' })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    fakes.get('cohere')!.failNext({ status: 500 });
    const cohere = await post({ model: 'cohere/embed-v4.0', input: 'a' });
    expect(cohere.status).toBe(500);
    expect(cohere.body.error).toMatchObject({ type: 'api_error', message: 'internal server error, this has been reported to our developers' });
    fakes.get('gemini')!.failNext({ status: 429, retryAfter: 30 });
    const gemini = await post({ model: 'gemini/gemini-embedding-001', input: 'a' });
    expect(gemini.status).toBe(429);
    expect(gemini.headers['retry-after']).toBe('30');
    // A provider error costs nothing, but it is a usage row with its status.
    expect((await rows(keys.get('cohere')!.id))[0]).toMatchObject({ status_code: 500, cost_micros: 0 });
  });

  it('is documented in the OpenAPI document', async () => {
    const spec = await g.t.get('/openapi.json');
    expect(spec.body.paths['/v1/embeddings'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('encoding_format');
  });
});
