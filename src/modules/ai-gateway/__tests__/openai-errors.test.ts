import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../../core/http/error-handler.js';
import { registerWebUi } from '../../../core/http/web.js';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { registerAuthentication } from '../../auth/auth.plugin.js';
import { registerGatewayRoutes } from '../gateway.routes.js';
import { addKey, chatBody, gatewayTest, type GatewayTest } from './helpers.js';

/** An OpenAI error body: `type` is what the SDKs and tools read. */
const expectOpenAIError = (res: { status: number; body: any }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(res.body.error.type).toEqual(expect.any(String));
  if (code) expect(res.body.error.code).toBe(code);
};

describe.each(engines)('OpenAI error shape and models.retrieve under /v1 (%s)', (engine) => {
  let g: GatewayTest;
  let openai: FakeProvider;
  let client: OpenAI;

  beforeAll(async () => {
    g = await gatewayTest(engine);
    openai = await startFakeProvider('openai', { apiKey: [] });
    await addKey(g, 'openai', openai, { rate_limit_rpm: 1 });
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    client = new OpenAI({ baseURL: `http://127.0.0.1:${(g.t.app.server.address() as AddressInfo).port}/v1`, apiKey: g.token, maxRetries: 0 });
  });
  afterAll(async () => {
    await openai.close();
    await g.t.close();
  });

  it('retrieves a model with the official SDK, and answers NotFoundError (model_not_found) for an unknown one', async () => {
    const model = await client.models.retrieve('openai/gpt-4o-mini');
    expect(model).toMatchObject({ id: 'openai/gpt-4o-mini', object: 'model', owned_by: 'openai' });
    const missing = await client.models.retrieve('openai/gpt-9-imaginary').catch((e) => e);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect(missing).toMatchObject({ status: 404, type: 'invalid_request_error', code: 'model_not_found', param: 'model' });
    // Unencoded slashes reach the same route.
    expect((await g.t.get('/v1/models/openai/gpt-4o-mini', { token: g.token })).body.id).toBe('openai/gpt-4o-mini');
    // A provider the workspace has no key for is unknown too.
    expectOpenAIError(await g.t.get('/v1/models/anthropic/claude-3-5-haiku', { token: g.token }), 404, 'model_not_found');
  });

  it('answers unknown routes and wrong methods in OpenAI shape', async () => {
    expectOpenAIError(await g.t.get('/v1/chat/completions', { token: g.token }), 404, 'unknown_url');
    expectOpenAIError(await g.t.delete('/v1/models', { token: g.token }), 404, 'unknown_url');
    expectOpenAIError(await g.t.get('/v1/embeddings-not-here', { token: g.token }), 404, 'unknown_url');
    // A malformed URL is refused by the router before any route runs: still OpenAI's shape under /v1.
    const malformed = await g.t.get('/v1/models/%E0%A4%A', { token: g.token });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expectOpenAIError(malformed, malformed.status);
    const sdk: unknown = await client.get('/chat/completions').catch((e: unknown) => e);
    expect(sdk).toBeInstanceOf(OpenAI.NotFoundError);
    expect((sdk as InstanceType<typeof OpenAI.NotFoundError>).type).toBe('invalid_request_error');
  });

  it('answers validation, 401 and 429 in OpenAI shape', async () => {
    expectOpenAIError(await g.t.post('/v1/chat/completions', { token: g.token, body: { model: 'openai/gpt-4o-mini' } }), 400);
    expectOpenAIError(await g.t.post('/v1/chat/completions', { token: g.token, headers: { 'content-type': 'application/json' }, body: '{"model":' }), 400);
    expectOpenAIError(await g.t.post('/v1/chat/completions', { token: 'atr_wrong', body: chatBody('openai/gpt-4o-mini') }), 401, 'invalid_api_key');
    expectOpenAIError(await g.t.get('/v1/models/openai/gpt-4o-mini', { token: 'atr_wrong' }), 401, 'invalid_api_key');
    expectOpenAIError(await g.t.get('/v1/models/openai/gpt-4o-mini'), 401, 'invalid_api_key');
    await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini') });
    const limited = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini') });
    expectOpenAIError(limited, 429, 'rate_limit_exceeded');
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('never echoes the provider key, in plain errors or in an error written into a stream', async () => {
    const anthropic = await startFakeProvider('anthropic', { apiKey: [] });
    try {
      const key = await addKey(g, 'anthropic', anthropic, { rate_limit_rpm: 1000 });
      const headers = { 'x-atrium-key-id': key.id };
      anthropic.failNext({ status: 401, message: `invalid x-api-key ${key.apiKey}` });
      const plain = await g.t.post('/v1/chat/completions', { token: g.token, headers, body: chatBody('claude-3-5-haiku-latest') });
      expectOpenAIError(plain, 401);
      expect(JSON.stringify(plain.body)).not.toContain(key.apiKey);
      anthropic.reply = { streamError: { type: 'api_error', message: `upstream failed for key ${key.apiKey}` } };
      const streamed = await g.t.post('/v1/chat/completions', { token: g.token, headers, body: chatBody('claude-3-5-haiku-latest', { stream: true }) });
      expect(streamed.body).toContain('upstream failed for key');
      expect(streamed.body).not.toContain(key.apiKey);
    } finally {
      await anthropic.close();
    }
  });
});

/**
 * With the web console built, its catch-all GET route sits at the root; the
 * gateway's /v1 paths must still answer in OpenAI's shape, not the console's
 * or atrium's 404.
 */
describe.each(engines)('/v1 next to the built web console (%s)', (engine) => {
  let g: GatewayTest;
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    g = await gatewayTest(engine);
    root = mkdtempSync(path.join(tmpdir(), 'atrium-web-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>atrium</title>');
    app = Fastify({ logger: false });
    registerErrorHandling(app);
    registerAuthentication(app, g.t.services.auth.auth);
    await registerGatewayRoutes(app, g.t.services.aiGateway.gateway);
    await registerWebUi(app, { root });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await g.t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = async (url: string, token?: string) => {
    const res = await app.inject({ url, headers: { accept: 'text/html,*/*', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    return { status: res.statusCode, body: res.json() };
  };

  it.each(['/v1/chat/completions', '/v1/models/openai/gpt-9', '/v1/nope', '/v1/'])('GET %s answers in OpenAI shape', async (url) => {
    const res = await get(url, g.token);
    expectOpenAIError(res, 404);
    const anonymous = await get(url);
    expectOpenAIError(anonymous, 401, 'invalid_api_key');
    expectOpenAIError(await get(url, 'atr_wrong'), 401, 'invalid_api_key');
  });
});
