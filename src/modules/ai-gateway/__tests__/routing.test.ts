import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { addKey, chatBody, gatewayTest, readStream, secondInstance, sseEvents, type GatewayTest, type SecondInstance } from './helpers.js';

interface Route {
  id: string;
  name: string;
}

/** Two fakes of one provider, a key on each, and a route over them (first → second), fresh per test. */
async function routeOver(g: GatewayTest, a: FakeProvider, b: FakeProvider, settings: Record<string, unknown> = {}) {
  const first = await addKey(g, 'openai', a, { is_default: false });
  const second = await addKey(g, 'openai', b, { is_default: false });
  const res = await g.t.post('/api/ai-routes', {
    token: g.ws.owner.token,
    body: {
      workspace_id: g.ws.workspaceId,
      name: `smart-${randomBytes(4).toString('hex')}`,
      targets: [
        { key_id: first.id, model: 'gpt-4o-mini' },
        { key_id: second.id, model: 'gpt-4o' },
      ],
      max_retries: 0,
      backoff_ms: 0,
      ...settings,
    },
  });
  if (res.status !== 201) throw new Error(`creating the route failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { route: res.body as Route, first, second };
}

async function attemptsOf(g: GatewayTest, routeId: string) {
  await g.t.services.aiGateway.recorder.flush();
  return g.t.db
    .selectFrom('ai_usage')
    .select(['key_id', 'model', 'status_code', 'route_id', 'request_id', 'attempt'])
    .where('workspace_id', '=', g.ws.workspaceId)
    .where('route_id', '=', routeId)
    .orderBy('attempt')
    .execute();
}

describe.each(engines)('gateway routes: retries, fallbacks, circuit breaker (%s)', (engine) => {
  let g: GatewayTest;
  let a: FakeProvider;
  let b: FakeProvider;
  const calls = () => ({ a: a.chatRequests().length, b: b.chatRequests().length });
  const chat = (model: string, extra: Record<string, unknown> = {}) => g.t.post('/v1/chat/completions', { token: g.token, body: chatBody(model, extra) });

  beforeAll(async () => {
    g = await gatewayTest(engine, { env: { ATRIUM_AI_UPSTREAM_TIMEOUT: '1500ms' } });
    a = await startFakeProvider('openai', { apiKey: [], reply: { text: 'from a' } });
    b = await startFakeProvider('openai', { apiKey: [], reply: { text: 'from b' } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await g.t.close();
  });

  it('serves from the first target when it is healthy, one attempt', async () => {
    const { route, first } = await routeOver(g, a, b);
    const before = calls();
    const res = await chat(route.name);
    expect(res.status).toBe(200);
    expect(res.body.choices[0].message.content).toBe('from a');
    expect(calls()).toEqual({ a: before.a + 1, b: before.b });
    expect(a.chatRequests().at(-1)!.body.model).toBe('gpt-4o-mini');
    expect(await attemptsOf(g, route.id)).toMatchObject([{ key_id: first.id, model: 'gpt-4o-mini', status_code: 200, attempt: 1 }]);
  });

  it.each([429, 500, 503])('falls back to the second target when the first answers %i; both attempts are usage rows', async (status) => {
    const { route, first, second } = await routeOver(g, a, b);
    a.failNext({ status });
    const before = calls();
    const res = await chat(route.name);
    expect(res.status).toBe(200);
    expect(res.body.choices[0].message.content).toBe('from b');
    expect(calls()).toEqual({ a: before.a + 1, b: before.b + 1 });
    const rows = await attemptsOf(g, route.id);
    expect(rows).toMatchObject([
      { key_id: first.id, status_code: status, attempt: 1 },
      { key_id: second.id, model: 'gpt-4o', status_code: 200, attempt: 2 },
    ]);
    expect(rows[0].request_id).toBe(rows[1].request_id);
  });

  it('counts attempts by result in /metrics', async () => {
    const { route } = await routeOver(g, a, b, { max_retries: 1 });
    const count = async (result: string) => {
      const text = (await g.t.get('/metrics')).body as string;
      return Number(new RegExp(`^atrium_ai_route_attempts_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    };
    const before = { retried: await count('retried'), fellBack: await count('fell_back'), served: await count('served') };
    a.failNext({ status: 500, times: 2 });
    expect((await chat(route.name)).status).toBe(200);
    expect(await count('retried')).toBe(before.retried + 1);
    expect(await count('fell_back')).toBe(before.fellBack + 1);
    expect(await count('served')).toBe(before.served + 1);
  });

  it('retries the same target up to max_retries before falling back', async () => {
    const { route } = await routeOver(g, a, b, { max_retries: 2 });
    a.failNext({ status: 500, times: 2 });
    const before = calls();
    const res = await chat(route.name);
    expect(res.body.choices[0].message.content).toBe('from a');
    expect(calls()).toEqual({ a: before.a + 3, b: before.b });
    expect((await attemptsOf(g, route.id)).map((r) => r.status_code)).toEqual([500, 500, 200]);
  });

  it('falls back when the first target times out', async () => {
    const { route, first } = await routeOver(g, a, b);
    const release = a.hold();
    try {
      const res = await chat(route.name);
      expect(res.status).toBe(200);
      expect(res.body.choices[0].message.content).toBe('from b');
    } finally {
      release();
    }
    expect((await attemptsOf(g, route.id))[0]).toMatchObject({ key_id: first.id, status_code: 504, attempt: 1 });
  });

  it('falls back when the first target refuses connections', async () => {
    const closed = await startFakeProvider('openai', { apiKey: [] });
    const dead = await addKey(g, 'openai', closed, { is_default: false });
    await closed.close();
    const { route, second } = await routeOver(g, a, b);
    const patched = await g.t.patch(`/api/ai-routes/${route.id}`, {
      token: g.ws.owner.token,
      body: { targets: [{ key_id: dead.id, model: 'gpt-4o-mini' }, { key_id: second.id, model: 'gpt-4o' }] },
    });
    expect(patched.status).toBe(200);
    const res = await chat(route.name);
    expect(res.status).toBe(200);
    expect(res.body.choices[0].message.content).toBe('from b');
    expect(await attemptsOf(g, route.id)).toMatchObject([
      { key_id: dead.id, status_code: 502, attempt: 1 },
      { key_id: second.id, status_code: 200, attempt: 2 },
    ]);
  });

  it('honours a short Retry-After by retrying the same target, and falls back at once when it is too long', async () => {
    const { route } = await routeOver(g, a, b, { max_retries: 1 });
    a.failNext({ status: 429, retryAfter: 1 });
    let before = calls();
    expect((await chat(route.name)).body.choices[0].message.content).toBe('from a');
    expect(calls()).toEqual({ a: before.a + 2, b: before.b });

    a.failNext({ status: 429, retryAfter: 3600 });
    before = calls();
    expect((await chat(route.name)).body.choices[0].message.content).toBe('from b');
    expect(calls()).toEqual({ a: before.a + 1, b: before.b + 1 });
  });

  it("returns the first target's 400 to the client at once, never retried nor sent elsewhere", async () => {
    const { route } = await routeOver(g, a, b, { max_retries: 3 });
    a.failNext({ status: 400, message: 'Invalid value for messages' });
    const before = calls();
    const res = await chat(route.name);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Invalid value for messages');
    expect(calls()).toEqual({ a: before.a + 1, b: before.b });
  });

  it("falls back without retrying when the provider refuses the first key (401)", async () => {
    const { route, first } = await routeOver(g, a, b, { max_retries: 3 });
    a.keys.delete(first.apiKey);
    const before = calls();
    const res = await chat(route.name);
    expect(res.status).toBe(200);
    expect(calls()).toEqual({ a: before.a + 1, b: before.b + 1 });
  });

  it("skips a target its own key's limits refuse, without calling it", async () => {
    const { route, first } = await routeOver(g, a, b);
    expect((await g.t.patch(`/api/ai-keys/${first.id}`, { token: g.ws.owner.token, body: { rate_limit_rpm: 1 } })).status).toBe(200);
    expect((await chat(route.name)).body.choices[0].message.content).toBe('from a');
    const before = calls();
    expect((await chat(route.name)).body.choices[0].message.content).toBe('from b');
    expect(calls()).toEqual({ a: before.a, b: before.b + 1 });
  });

  it('weighted: a target of weight 0 is only a fallback', async () => {
    const { route, first, second } = await routeOver(g, a, b);
    await g.t.patch(`/api/ai-routes/${route.id}`, {
      token: g.ws.owner.token,
      body: { strategy: 'weighted', targets: [{ key_id: first.id, model: 'gpt-4o-mini', weight: 0 }, { key_id: second.id, model: 'gpt-4o', weight: 5 }] },
    });
    const before = calls();
    for (let i = 0; i < 5; i++) expect((await chat(route.name)).body.choices[0].message.content).toBe('from b');
    expect(calls()).toEqual({ a: before.a, b: before.b + 5 });
    b.failNext({ status: 500 });
    expect((await chat(route.name)).body.choices[0].message.content).toBe('from a');
  });

  it('opens the circuit after N failures (the key gets no more calls), then lets one trial through after the cool-down', async () => {
    const { route } = await routeOver(g, a, b, { breaker_failures: 2, breaker_cooldown_seconds: 1 });
    a.failNext({ status: 500, times: 2 });
    const start = calls();
    for (let i = 0; i < 2; i++) expect((await chat(route.name)).body.choices[0].message.content).toBe('from b');
    expect(calls().a).toBe(start.a + 2);
    for (let i = 0; i < 3; i++) expect((await chat(route.name)).body.choices[0].message.content).toBe('from b');
    expect(calls().a).toBe(start.a + 2);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await chat(route.name)).body.choices[0].message.content).toBe('from a');
    expect((await chat(route.name)).body.choices[0].message.content).toBe('from a');
    expect(calls().a).toBe(start.a + 4);
  });

  it('streams: falls back before the first byte, never after it', async () => {
    const { route } = await routeOver(g, a, b);
    a.failNext({ status: 503 });
    const fellBack = await chat(route.name, { stream: true });
    expect(fellBack.status).toBe(200);
    expect(readStream(fellBack.body).text).toBe('from b');

    const before = calls();
    a.reply = { text: 'from a, cut short', streamError: { code: 500 } };
    try {
      const cut = await chat(route.name, { stream: true });
      expect(cut.status).toBe(200);
      const events = sseEvents(cut.body);
      expect(JSON.parse(events.at(-1)!)).toHaveProperty('error');
      expect(readStream(cut.body).text).toBe('from a, cut short');
    } finally {
      a.reply = { text: 'from a' };
    }
    expect(calls()).toEqual({ a: before.a + 1, b: before.b });
  });

  it('keeps plain <provider>/<model> calls as they were: no retry, no fallback', async () => {
    const { first } = await routeOver(g, a, b, { max_retries: 3 });
    a.failNext({ status: 500 });
    const before = calls();
    const res = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini'), headers: { 'x-atrium-key-id': first.id } });
    expect(res.status).toBe(500);
    expect(calls()).toEqual({ a: before.a + 1, b: before.b });
  });

  it('answers 400 model_not_found for a name that is neither a route nor <provider>/<model>', async () => {
    const res = await chat('no-such-route');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('model_not_found');
  });

  it('the official openai SDK calls a route by name and sees it in models.list', async () => {
    const { route } = await routeOver(g, a, b);
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    const client = new OpenAI({ baseURL: `http://127.0.0.1:${(g.t.app.server.address() as AddressInfo).port}/v1`, apiKey: g.token, maxRetries: 0 });
    a.failNext({ status: 500 });
    const completion = await client.chat.completions.create({ model: route.name, messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0].message.content).toBe('from b');
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain(route.name);
    expect((await client.models.retrieve(route.name)).owned_by).toBe('atrium-route');
  });
});

const redisUrl = process.env.TEST_REDIS_URL;

describe.each(engines)('gateway routes across two instances with Redis (%s)', (engine) => {
  const sqliteFile = path.join(tmpdir(), `atrium-routes-${randomBytes(6).toString('hex')}.sqlite`);
  let g: GatewayTest;
  let other: SecondInstance;
  let a: FakeProvider;
  let b: FakeProvider;

  beforeAll(async () => {
    if (!redisUrl) return;
    g = await gatewayTest(engine, { ...(engine === 'sqlite' ? { sqliteFile } : {}), env: { REDIS_URL: redisUrl } });
    other = await secondInstance(g);
    a = await startFakeProvider('openai', { apiKey: [], reply: { text: 'from a' } });
    b = await startFakeProvider('openai', { apiKey: [], reply: { text: 'from b' } });
  });
  afterAll(async () => {
    if (!redisUrl) return;
    await other.app.close();
    await other.database.close();
    await a.close();
    await b.close();
    await g.t.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true });
  });

  it.skipIf(!redisUrl)('a circuit opened by one instance is open for the other', async () => {
    const { route } = await routeOver(g, a, b, { breaker_failures: 2, breaker_cooldown_seconds: 60 });
    a.failNext({ status: 500, times: 2 });
    const send = (app: GatewayTest['t']['app']) =>
      app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { authorization: `Bearer ${g.token}` }, payload: chatBody(route.name) });
    expect((await send(g.t.app)).json().choices[0].message.content).toBe('from b');
    expect((await send(other.app)).json().choices[0].message.content).toBe('from b');
    const before = a.chatRequests().length;
    for (const app of [other.app, g.t.app, other.app]) expect((await send(app)).json().choices[0].message.content).toBe('from b');
    expect(a.chatRequests().length).toBe(before);
  });
});
