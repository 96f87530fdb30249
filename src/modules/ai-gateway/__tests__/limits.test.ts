import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { addKey, chatBody, EXACT_REPLY, exactChatBody, gatewayTest, secondInstance, sharedLimitTests, until, type GatewayTest, type SecondInstance } from './helpers.js';

async function thresholdEvents(g: GatewayTest, keyId: string): Promise<Array<Record<string, any>>> {
  const rows = await g.t.db.selectFrom('events').selectAll().where('workspace_id', '=', g.ws.workspaceId).where('type', '=', 'ai_usage.threshold').execute();
  return rows.map((r) => JSON.parse(r.payload)).filter((d) => d.ai_key_id === keyId);
}

describe.each(engines)('gateway limits and caps (%s)', (engine) => {
  let g: GatewayTest;
  let openai: FakeProvider;

  beforeAll(async () => {
    g = await gatewayTest(engine);
    openai = await startFakeProvider('openai', { apiKey: [] });
  });
  afterAll(async () => {
    await openai.close();
    await g.t.close();
  });

  const chat = (keyId: string, model = 'openai/gpt-4o-mini') =>
    g.t.post('/v1/chat/completions', { token: g.token, body: chatBody(model), headers: { 'x-atrium-key-id': keyId } });

  it('refuses requests over the per-minute request limit with 429 and Retry-After, without calling the provider', async () => {
    const key = await addKey(g, 'openai', openai, { rate_limit_rpm: 2 });
    expect((await chat(key.id)).status).toBe(200);
    expect((await chat(key.id)).status).toBe(200);
    const before = openai.chatRequests().length;
    const res = await chat(key.id);
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(res.body.error.message).toContain('2 requests per minute');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(openai.chatRequests().length).toBe(before);
  });

  it('counts the real tokens of each request against the per-minute token limit', async () => {
    const key = await addKey(g, 'openai', openai, { rate_limit_tpm: 100 });
    openai.reply = { inputTokens: 80, outputTokens: 40 };
    try {
      // The prompt is estimated at a few tokens; the provider then reports 120.
      expect((await chat(key.id)).status).toBe(200);
      const res = await chat(key.id);
      expect(res.status).toBe(429);
      expect(res.body.error).toMatchObject({ type: 'tokens', code: 'rate_limit_exceeded' });
    } finally {
      openai.reply = {};
    }
  });

  it('enforces the monthly request cap with a non-retryable 429, announces 80 % and 100 % once, and follows a raised cap', async () => {
    const key = await addKey(g, 'openai', openai, { usage_limit: 5 });
    for (let i = 0; i < 5; i++) expect((await chat(key.id)).status).toBe(200);
    const before = openai.chatRequests().length;
    const res = await chat(key.id);
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ type: 'insufficient_quota', code: 'usage_limit_reached' });
    expect(res.headers['x-should-retry']).toBe('false');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(openai.chatRequests().length).toBe(before);
    await chat(key.id);

    await until(async () => (await thresholdEvents(g, key.id)).length === 2, 'two threshold events');
    const events = await thresholdEvents(g, key.id);
    expect(events.map((e) => [e.metric, e.threshold_percent, e.requests, e.cap_requests]).sort()).toEqual([
      ['requests', 100, 5, 5],
      ['requests', 80, 4, 5],
    ]);

    const raised = await g.t.patch(`/api/ai-keys/${key.id}`, { token: g.ws.owner.token, body: { usage_limit: 6 } });
    expect(raised.status).toBe(200);
    expect((await chat(key.id)).status).toBe(200);
    expect((await chat(key.id)).status).toBe(429);
  });

  it('enforces the monthly cost cap with 402 once the worst case of the next request no longer fits', async () => {
    // $0.0009 = 900 µ$; each call reserves and costs 450 µ$ (exactChatBody).
    const key = await addKey(g, 'openai', openai, { cost_limit: 0.0009 });
    openai.reply = EXACT_REPLY;
    const exact = () => g.t.post('/v1/chat/completions', { token: g.token, body: exactChatBody(), headers: { 'x-atrium-key-id': key.id } });
    try {
      for (let i = 0; i < 2; i++) expect((await exact()).status).toBe(200);
      const before = openai.chatRequests().length;
      const res = await exact();
      expect(res.status).toBe(402);
      expect(res.body.error).toMatchObject({ type: 'insufficient_quota', code: 'cost_limit_reached' });
      expect(res.body.error.message).toContain('$0.00');
      expect(openai.chatRequests().length).toBe(before);
      // Without max_tokens the worst case is the model's output limit (16 384 tokens ≈ $0.0098): refused up front.
      const fresh = await addKey(g, 'openai', openai, { cost_limit: 0.005 });
      const unbounded = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini'), headers: { 'x-atrium-key-id': fresh.id } });
      expect(unbounded.status).toBe(402);
      expect(unbounded.body.error.message).toContain('max_tokens');
      expect(openai.chatRequests().length).toBe(before);
    } finally {
      openai.reply = {};
    }
    await until(async () => (await thresholdEvents(g, key.id)).length === 2, 'two threshold events');
    const events = await thresholdEvents(g, key.id);
    expect(events.map((e) => [e.metric, e.threshold_percent]).sort()).toEqual([
      ['cost', 100],
      ['cost', 80],
    ]);
    expect(events.find((e) => e.threshold_percent === 80)).toMatchObject({ cost_micros: 900, cap_micros: 900, workspace_id: g.ws.workspaceId, provider: 'openai', level: 'key', subject_id: key.id });
  });

  it('does not count requests refused by a limit', async () => {
    const key = await addKey(g, 'openai', openai, { rate_limit_rpm: 1, usage_limit: 100 });
    await chat(key.id);
    await chat(key.id);
    const usage = await g.t.get(`/api/ai-keys/${key.id}/usage`, { token: g.ws.owner.token });
    expect(usage.body.this_month.requests).toBe(1);
  });
});

describe.each(engines)('limits store down (%s)', (engine) => {
  it('refuses with 503 rather than letting a cap slip when Redis does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const g = await gatewayTest(engine, { env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    const fake = await startFakeProvider('openai', { apiKey: [] });
    try {
      const key = await addKey(g, 'openai', fake, { usage_limit: 10 });
      const res = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini'), headers: { 'x-atrium-key-id': key.id } });
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ type: 'api_error', code: 'limits_unavailable' });
      expect(fake.chatRequests()).toHaveLength(0);
    } finally {
      await fake.close();
      await g.t.close();
    }
  });
});

/** A second app over the same database, as another process would be. */

const redisUrl = process.env.TEST_REDIS_URL;

describe.each(engines)('two instances sharing the database (%s)', (engine) => {
  const sqliteFile = path.join(tmpdir(), `atrium-gw-${randomBytes(6).toString('hex')}.sqlite`);
  const sqlite = engine === 'sqlite' ? { sqliteFile } : {};
  afterAll(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true });
  });

  it('seeds the monthly counter of a new process from the recorded usage', async () => {
    const g = await gatewayTest(engine, sqlite);
    const fake = await startFakeProvider('openai', { apiKey: [] });
    const other = await secondInstance(g);
    try {
      const key = await addKey(g, 'openai', fake, { usage_limit: 3 });
      const body = chatBody('openai/gpt-4o-mini');
      const headers = { authorization: `Bearer ${g.token}`, 'x-atrium-key-id': key.id };
      for (let i = 0; i < 3; i++) expect((await g.t.post('/v1/chat/completions', { token: g.token, body, headers: { 'x-atrium-key-id': key.id } })).status).toBe(200);
      await g.t.services.aiGateway.recorder.flush();
      const res = await other.app.inject({ method: 'POST', url: '/v1/chat/completions', headers, payload: body });
      expect(res.statusCode).toBe(429);
    } finally {
      await other.app.close();
      await other.database.close();
      await fake.close();
      await g.t.close();
    }
  });

  describe.skipIf(!redisUrl)('with Redis', () => {
    let g: GatewayTest;
    let fake: FakeProvider;
    let other: SecondInstance;

    beforeAll(async () => {
      g = await gatewayTest(engine, { ...sqlite, env: { REDIS_URL: redisUrl! } });
      fake = await startFakeProvider('openai', { apiKey: [] });
      other = await secondInstance(g);
    });
    afterAll(async () => {
      await other.app.close();
      await other.database.close();
      await fake.close();
      await g.t.close();
    });

    sharedLimitTests(() => ({ g, other, fake }));
  });
});
