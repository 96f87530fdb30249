import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, chatBody, gatewayTest, newSecret, readStream, until, type GatewayTest } from './helpers.js';

describe.each(engines)('gateway (%s)', (engine) => {
  let g: GatewayTest;
  let openai: FakeProvider;
  let anthropic: FakeProvider;
  let openaiKey: { id: string; apiKey: string };

  beforeAll(async () => {
    g = await gatewayTest(engine);
    openai = await startFakeProvider('openai', { apiKey: [] });
    anthropic = await startFakeProvider('anthropic', { apiKey: [] });
    openaiKey = await addKey(g, 'openai', openai);
    await addKey(g, 'anthropic', anthropic);
  });
  afterAll(async () => {
    await openai.close();
    await anthropic.close();
    await g.t.close();
  });

  const chat = (body: unknown, opts: { token?: string; headers?: Record<string, string> } = {}) =>
    g.t.post('/v1/chat/completions', { token: opts.token ?? g.token, body, headers: opts.headers });
  const rows = async (keyId: string) => {
    await g.t.services.aiGateway.recorder.flush();
    return new UsageRepository(g.t.db).recent(g.ws.workspaceId, keyId);
  };

  describe('who may call', () => {
    it('refuses anonymous callers and sessions with 401 in OpenAI shape, before validating the body', async () => {
      const anonymous = await g.t.post('/v1/chat/completions', { body: { nonsense: true } });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
      const bad = await chat(chatBody('openai/gpt-4o-mini'), { token: 'atr_not-a-real-token' });
      expect(bad.status).toBe(401);
      expect(bad.body.error.code).toBe('invalid_api_key');
      const session = await chat(chatBody('openai/gpt-4o-mini'), { token: g.ws.owner.token });
      expect(session.status).toBe(401);
      expect(session.body.error.message).toMatch(/API token/);
    });

    it('refuses a token without the ai:use scope (403) and a viewer (403)', async () => {
      const noScope = await g.t.apiToken(g.ws.owner.token, g.ws.workspaceId, ['ai_keys:read']);
      const res = await chat(chatBody('openai/gpt-4o-mini'), { token: noScope });
      expect(res.status).toBe(403);
      expect(res.body.error.type).toBe('permission_error');
      const viewer = await g.t.apiToken(g.ws.viewer.token, g.ws.workspaceId, ['ai:use']);
      expect((await chat(chatBody('openai/gpt-4o-mini'), { token: viewer })).status).toBe(403);
      expect((await g.t.get('/v1/models', { token: noScope })).status).toBe(403);
    });

    it('lets a viewer use a key granted to them, and only that one', async () => {
      const viewer = await g.t.apiToken(g.ws.viewer.token, g.ws.workspaceId, ['ai:use']);
      const grant = await g.t.post(`/api/workspaces/${g.ws.workspaceId}/permissions`, {
        token: g.ws.owner.token,
        body: { resource_type: 'ai_key', resource_id: openaiKey.id, user_id: g.ws.viewer.user.id, permission: 'read' },
      });
      expect(grant.status).toBe(201);
      expect((await chat(chatBody('openai/gpt-4o-mini'), { token: viewer })).status).toBe(200);
      expect((await chat(chatBody('anthropic/claude-3-5-haiku-latest'), { token: viewer })).status).toBe(403);
      const models = await g.t.get('/v1/models', { token: viewer });
      expect(models.body.data.every((m: { id: string }) => m.id.startsWith('openai/'))).toBe(true);
    });

    it("answers 404 for another workspace's key, whoever asks", async () => {
      const stranger = await g.t.signup('stranger');
      const other = await g.t.createWorkspace(stranger.token, 'Other');
      const strangerToken = await g.t.apiToken(stranger.token, other.id, ['ai:use']);
      const res = await chat(chatBody('openai/gpt-4o-mini'), { token: strangerToken, headers: { 'x-atrium-key-id': openaiKey.id } });
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(g.ws.workspaceId);
      // Its own workspace has no key: no default to fall back on.
      const noDefault = await chat(chatBody('openai/gpt-4o-mini'), { token: strangerToken });
      expect(noDefault.status).toBe(404);
      expect(noDefault.body.error.code).toBe('no_default_key');
      const usage = await g.t.get(`/api/ai-keys/${openaiKey.id}/usage`, { token: stranger.token });
      expect(usage.status).toBe(404);
    });
  });

  describe('routing', () => {
    it('picks a key with x-atrium-key-id, model prefix optional, and applies model_preferences aliases', async () => {
      const second = await addKey(g, 'openai', openai, { model_preferences: { default: 'gpt-4.1-nano' } });
      const a = await chat(chatBody('gpt-4o-mini'), { headers: { 'x-atrium-key-id': second.id } });
      expect(a.status).toBe(200);
      expect(openai.chatRequests().at(-1)!.headers.authorization).toBe(`Bearer ${second.apiKey}`);
      await chat(chatBody('openai/default'), { headers: { 'x-atrium-key-id': second.id } });
      expect(openai.chatRequests().at(-1)!.body.model).toBe('gpt-4.1-nano');
      // Without the header, the default key of the provider.
      await chat(chatBody('openai/gpt-4o-mini'));
      expect(openai.chatRequests().at(-1)!.headers.authorization).toBe(`Bearer ${openaiKey.apiKey}`);
    });

    it('explains a model without a provider, an unknown provider and an unknown key id', async () => {
      const bare = await chat(chatBody('gpt-4o-mini'));
      expect(bare.status).toBe(400);
      expect(bare.body.error).toMatchObject({ param: 'model', code: 'model_not_found' });
      expect((await chat(chatBody('nope/model'))).status).toBe(400);
      expect((await chat(chatBody('openai/'))).status).toBe(400);
      expect((await chat(chatBody('openai/gpt-4o-mini'), { headers: { 'x-atrium-key-id': 'aik_unknown' } })).status).toBe(404);
    });

    it('refuses a disabled key with 403 before calling the provider', async () => {
      const key = await addKey(g, 'openai', openai);
      await g.t.patch(`/api/ai-keys/${key.id}`, { token: g.ws.owner.token, body: { is_active: false } });
      const before = openai.chatRequests().length;
      const res = await chat(chatBody('openai/gpt-4o-mini'), { headers: { 'x-atrium-key-id': key.id } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('key_inactive');
      expect(openai.chatRequests().length).toBe(before);
    });

    it('lists the models of usable keys as <provider>/<model>', async () => {
      const res = await g.t.get('/v1/models', { token: g.token });
      expect(res.status).toBe(200);
      expect(res.body.object).toBe('list');
      const ids = res.body.data.map((m: { id: string }) => m.id);
      expect(ids).toContain('openai/gpt-4o-mini');
      expect(ids.some((id: string) => id.startsWith('anthropic/claude'))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe('bad input is a 400 naming the field, never a 500', () => {
    const cases: Array<[string, unknown, string | null]> = [
      ['no messages', { model: 'openai/gpt-4o-mini' }, 'messages'],
      ['empty messages', { model: 'openai/gpt-4o-mini', messages: [] }, 'messages'],
      ['message without role', { model: 'openai/gpt-4o-mini', messages: [{ content: 'x' }] }, 'messages.0.role'],
      ['numeric content', { model: 'anthropic/claude-3-5-haiku-latest', messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
      ['part without type', { model: 'anthropic/claude-3-5-haiku-latest', messages: [{ role: 'user', content: [{ text: 'x' }] }] }, 'messages[0].content[0]'],
      ['bad tool call', { model: 'anthropic/claude-3-5-haiku-latest', messages: [{ role: 'assistant', tool_calls: [{ id: '1' }] }] }, 'messages[0].tool_calls[0].function.name'],
      ['bad stop', { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stop: [1] }, 'stop'],
      ['unknown role for a translated provider', { model: 'anthropic/claude-3-5-haiku-latest', messages: [{ role: 'wizard', content: 'x' }] }, 'messages.0.role'],
      ['audio part for anthropic', { model: 'anthropic/claude-3-5-haiku-latest', messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }] }, 'messages.0.content.0.type'],
    ];
    it.each(cases)('%s', async (_name, body, param) => {
      const res = await chat(body);
      expect(res.status).toBe(400);
      expect(res.body.error.type).toBe('invalid_request_error');
      expect(res.body.error.param).toBe(param);
    });

    it('invalid JSON', async () => {
      const res = await g.t.post('/v1/chat/completions', { token: g.token, body: '{"model":', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body.error.type).toBe('invalid_request_error');
    });

    it('documents the gateway and usage routes in the OpenAPI document', async () => {
      const spec = await g.t.get('/openapi.json');
      expect(spec.status).toBe(200);
      expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/v1/chat/completions', '/v1/models', '/api/ai-keys/{id}/usage']));
    });

    it('unknown /v1 route', async () => {
      const res = await g.t.post('/v1/images/generations', { token: g.token, body: {} });
      expect(res.status).toBe(404);
      expect(res.body.error.type).toBe('invalid_request_error');
    });
  });

  describe('usage', () => {
    it('flags a model without a price as unpriced, serves it, and warns once', async () => {
      for (let i = 0; i < 2; i++) expect((await chat(chatBody('openai/my-finetune-xyz'))).status).toBe(200);
      const [row] = await rows(openaiKey.id);
      expect(row).toMatchObject({ model: 'my-finetune-xyz', unpriced: 1, cost_micros: 0, input_tokens: 10, output_tokens: 5 });
      expect(g.logs().split('no price in the catalog').length - 1).toBe(1);
    });

    it('prices known models in micro-dollars', async () => {
      openai.reply = { inputTokens: 1000, outputTokens: 500 };
      try {
        await chat(chatBody('openai/gpt-4o-mini'));
      } finally {
        openai.reply = {};
      }
      const [row] = await rows(openaiKey.id);
      // gpt-4o-mini: $0.15 / $0.60 per million tokens → 150 + 300 µ$
      expect(row).toMatchObject({ model: 'gpt-4o-mini', cost_micros: 450, unpriced: 0, estimated: 0 });
    });

    it('estimates and flags usage when the provider reports none', async () => {
      openai.reply = { text: 'x'.repeat(400), omitUsage: true };
      try {
        const body = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'y'.repeat(396) }] };
        expect((await chat(body)).status).toBe(200);
        // ≈ 4 characters per token: (396 + 4) / 4 in, 400 / 4 out.
        expect((await rows(openaiKey.id))[0]).toMatchObject({ estimated: 1, input_tokens: 100, output_tokens: 100, stream: 0 });
        expect((await chat({ ...body, stream: true })).status).toBe(200);
        expect((await rows(openaiKey.id))[0]).toMatchObject({ estimated: 1, input_tokens: 100, output_tokens: 100, stream: 1 });
      } finally {
        openai.reply = {};
      }
    });

    it('exposes request, token, cost, duration and time-to-first-token metrics by provider, model and key at /metrics', async () => {
      openai.reply = { inputTokens: 1_000_000, outputTokens: 0 };
      try {
        await chat(chatBody('openai/gpt-4o-mini'));
        // A streamed call, and one with a model the price file does not know.
        expect((await chat(chatBody('openai/gpt-4o-mini', { stream: true }))).status).toBe(200);
        expect((await chat(chatBody('openai/not-in-the-catalog-1'))).status).toBe(200);
      } finally {
        openai.reply = {};
      }
      const text = (await g.t.get('/metrics')).body as string;
      const labels = `provider="openai",model="gpt-4o-mini",key_id="${openaiKey.id}"`;
      expect(text).toMatch(new RegExp(`atrium_ai_requests_total\\{${labels},status="200"\\} \\d+`));
      expect(text).toMatch(new RegExp(`atrium_ai_tokens_total\\{${labels},direction="input"\\} \\d+`));
      // 1M input tokens of gpt-4o-mini at $0.15 per million, at least once.
      expect(Number(new RegExp(`atrium_ai_cost_usd_total\\{${labels}\\} ([\\d.]+)`).exec(text)?.[1])).toBeGreaterThanOrEqual(0.15);
      // Unpriced model names share one label value: the catalog bounds the series.
      expect(text).toMatch(new RegExp(`atrium_ai_requests_total\\{provider="openai",model="other",key_id="${openaiKey.id}",status="200"\\} \\d+`));
      expect(text).not.toContain('not-in-the-catalog-1');
      expect(text).toMatch(/atrium_ai_request_duration_seconds_bucket\{le="[\d.+Inf]+",provider="openai",model="gpt-4o-mini"\}/);
      expect(text).toMatch(/atrium_ai_time_to_first_token_seconds_count\{provider="openai",model="gpt-4o-mini"\} [1-9]/);
      expect(text).toContain('atrium_ai_usage_buffered_rows');
    });

    it('reports totals, this month, a 30-day series and a model breakdown', async () => {
      const key = await addKey(g, 'openai', openai);
      openai.reply = { inputTokens: 100, outputTokens: 20 };
      try {
        for (const model of ['gpt-4o-mini', 'gpt-4o-mini', 'gpt-4o']) {
          await chat(chatBody(`openai/${model}`), { headers: { 'x-atrium-key-id': key.id } });
        }
        openai.failNext({ status: 500 });
        await chat(chatBody('openai/gpt-4o'), { headers: { 'x-atrium-key-id': key.id } });
      } finally {
        openai.reply = {};
      }
      const res = await g.t.get(`/api/ai-keys/${key.id}/usage`, { token: g.ws.admin.token });
      expect(res.status).toBe(200);
      const body = res.body;
      expect(body.totals).toMatchObject({ requests: 4, errors: 1, input_tokens: 300, output_tokens: 60 });
      expect(body.this_month).toMatchObject({ requests: 4, period: new Date().toISOString().slice(0, 7) });
      expect(body.daily).toHaveLength(30);
      expect(body.daily.at(-1)).toMatchObject({ date: new Date().toISOString().slice(0, 10), requests: 4 });
      expect(body.daily[0].requests).toBe(0);
      const byModel = Object.fromEntries(body.by_model.map((m: any) => [m.model, m]));
      expect(byModel['gpt-4o-mini']).toMatchObject({ requests: 2, errors: 0, input_tokens: 200, output_tokens: 40, priced: true, cost_micros: 2 * (15 + 12) });
      expect(byModel['gpt-4o']).toMatchObject({ requests: 2, errors: 1, priced: true });
      expect(byModel['gpt-4o'].average_latency_ms).toEqual(expect.any(Number));
      expect(body.totals.cost_usd).toBeCloseTo(body.totals.cost_micros / 1e6);

      // The key list shows the month's figures.
      const list = await g.t.get('/api/ai-keys', { token: g.ws.owner.token, query: { workspace_id: g.ws.workspaceId } });
      const listed = list.body.data.find((k: { id: string }) => k.id === key.id);
      expect(listed).toMatchObject({ usage_this_month: 4, cost_this_month: body.this_month.cost_usd });
      expect(listed.last_used).toEqual(expect.any(String));

      expect((await g.t.get(`/api/ai-keys/${key.id}/usage`, { token: g.ws.viewer.token })).status).toBe(403);
      expect((await g.t.get(`/api/ai-keys/${key.id}/usage`, { token: g.ws.owner.token, query: { days: 0 } })).status).toBe(400);
    });
  });

  describe('rotation', () => {
    it('uses a rotated key for the very next request, keeping the key id and its usage', async () => {
      const key = await addKey(g, 'openai', openai);
      await chat(chatBody('openai/gpt-4o-mini'), { headers: { 'x-atrium-key-id': key.id } });
      const fresh = newSecret('openai');
      openai.acceptKeys(...[...openai.keys].filter((k) => k !== key.apiKey), fresh);
      const rotated = await g.t.post(`/api/ai-keys/${key.id}/rotate`, { token: g.ws.owner.token, body: { api_key: fresh } });
      expect(rotated.status).toBe(200);
      const res = await chat(chatBody('openai/gpt-4o-mini'), { headers: { 'x-atrium-key-id': key.id } });
      expect(res.status).toBe(200);
      expect(openai.chatRequests().at(-1)!.headers.authorization).toBe(`Bearer ${fresh}`);
      expect((await rows(key.id)).length).toBe(2);
    });

    it('falls back to the previous key during the grace period when the provider still refuses the new one', async () => {
      const key = await addKey(g, 'openai', openai);
      const fresh = newSecret('openai');
      await g.t.post(`/api/ai-keys/${key.id}/rotate`, { token: g.ws.owner.token, body: { api_key: fresh, grace_period_seconds: 3600 } });
      // The provider does not know the new key yet.
      const res = await chat(chatBody('openai/gpt-4o-mini'), { headers: { 'x-atrium-key-id': key.id } });
      expect(res.status).toBe(200);
      const [refused, accepted] = openai.chatRequests().slice(-2);
      expect(refused.headers.authorization).toBe(`Bearer ${fresh}`);
      expect(accepted.headers.authorization).toBe(`Bearer ${key.apiKey}`);
    });
  });

  it('streams through a client that leaves early: usage is recorded as 499, estimated', async () => {
    const key = await addKey(g, 'openai', openai);
    const release = openai.hold();
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = g.t.app.server.address() as AddressInfo;
    try {
      const req = request({ host: '127.0.0.1', port, path: '/v1/chat/completions', method: 'POST', headers: { authorization: `Bearer ${g.token}`, 'content-type': 'application/json', 'x-atrium-key-id': key.id } });
      req.end(JSON.stringify(chatBody('openai/gpt-4o-mini', { stream: true })));
      const res = await new Promise<IncomingMessage>((resolve) => req.once('response', resolve));
      await new Promise((resolve) => res.once('data', resolve));
      req.destroy();
      await until(async () => (await rows(key.id)).length === 1, 'the usage row');
      const [row] = await rows(key.id);
      expect(row).toMatchObject({ status_code: 499, estimated: 1, stream: 1 });
      expect(row.input_tokens).toBeGreaterThan(0);
    } finally {
      release();
    }
  });
});

describe.each(engines)('gateway shutdown (%s)', (engine) => {
  it('writes the usage of a stream still in flight when the app closes', async () => {
    const g = await gatewayTest(engine);
    const fake = await startFakeProvider('anthropic', { apiKey: [] });
    try {
      const key = await addKey(g, 'anthropic', fake);
      const release = fake.hold();
      const response = g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('anthropic/claude-3-5-haiku-latest', { stream: true }) });
      await until(() => fake.chatRequests().length === 1, 'the provider call');
      const closing = g.t.app.close();
      release();
      const res = await response;
      await closing;
      expect(readStream(res.body).text).toBe('Hello from the fake provider!');
      const [row] = await new UsageRepository(g.t.db).recent(g.ws.workspaceId, key.id);
      expect(row).toMatchObject({ status_code: 200, input_tokens: 10, output_tokens: 5, estimated: 0 });
    } finally {
      await fake.close();
      await g.t.close();
    }
  });
});

describe.each(engines)('gateway upstream timeouts (%s)', (engine) => {
  it('answers 504 when the provider sends no headers in time, and cuts a stream that goes quiet', async () => {
    const g = await gatewayTest(engine, { env: { ATRIUM_AI_UPSTREAM_TIMEOUT: '300ms', ATRIUM_AI_UPSTREAM_IDLE_TIMEOUT: '300ms' } });
    const fake = await startFakeProvider('openai', { apiKey: [] });
    // Holds JSON answers before their headers, streams after their first event.
    const release = fake.hold();
    try {
      const key = await addKey(g, 'openai', fake);
      const plain = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini') });
      expect(plain.status).toBe(504);
      expect(plain.body.error).toMatchObject({ type: 'api_error', code: 'upstream_unreachable', message: expect.stringContaining('timed out') });

      // The stream's first event has gone out with a 200: a stall can only end it by cutting the connection.
      await expect(g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini', { stream: true }) })).rejects.toThrow(/destroyed/);

      await g.t.services.aiGateway.recorder.flush();
      const recorded = await new UsageRepository(g.t.db).recent(g.ws.workspaceId, key.id);
      expect(recorded.map((r) => r.status_code).sort()).toEqual([502, 504]);
    } finally {
      release();
      await fake.close();
      await g.t.close();
    }
  });
});
