import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, chatBody, gatewayTest, sseEvents, type GatewayTest } from './helpers.js';

/**
 * A provider that ends a stream with an error event (HTTP 200 already sent):
 * the client gets an OpenAI-style error event, and the usage row records the
 * error status with estimated tokens, never "200, exact".
 */
describe.each(engines)('errors inside a provider stream (%s)', (engine) => {
  let g: GatewayTest;
  const fakes: Record<string, FakeProvider> = {};
  const keys: Record<string, { id: string }> = {};
  const text = 'A long answer that is cut short by the provider halfway through';

  beforeAll(async () => {
    g = await gatewayTest(engine);
    for (const [provider, kind] of [['anthropic', 'anthropic'], ['gemini', 'gemini'], ['openai', 'openai']] as const) {
      fakes[provider] = await startFakeProvider(kind, { apiKey: [] });
      keys[provider] = await addKey(g, provider, fakes[provider], { rate_limit_rpm: 1000 });
    }
  });
  afterAll(async () => {
    for (const fake of Object.values(fakes)) await fake.close();
    await g.t.close();
  });

  const lastRow = async (provider: string) => {
    await g.t.services.aiGateway.recorder.flush();
    return (await new UsageRepository(g.t.db).recent(g.ws.workspaceId, keys[provider].id, 1))[0];
  };

  it('Anthropic `event: error`: OpenAI error event to the client, status and estimated usage recorded', async () => {
    fakes.anthropic.reply = { text, inputTokens: 10, outputTokens: 40, streamError: { type: 'overloaded_error', message: 'Overloaded' } };
    const res = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('anthropic/claude-3-5-haiku-latest', { stream: true }) });
    expect(res.status).toBe(200);
    const events = sseEvents(res.body);
    expect(events).not.toContain('[DONE]');
    const last = JSON.parse(events.at(-1)!);
    expect(last).toEqual({ error: { message: 'Overloaded', type: 'api_error', param: null, code: 'overloaded_error' } });
    const row = await lastRow('anthropic');
    // 529 is Anthropic's status for overloaded_error; tokens are estimated, not message_start's placeholder output of 1.
    expect(row).toMatchObject({ status_code: 529, estimated: 1, stream: 1, output_tokens: Math.ceil(text.length / 4) });
    expect(row.input_tokens).toBeGreaterThanOrEqual(10);
  });

  it('Anthropic: the official SDK raises the error from the stream', async () => {
    fakes.anthropic.reply = { text, streamError: { type: 'api_error', message: 'Internal server error' } };
    await g.t.app.listen({ port: 0, host: '127.0.0.1' });
    const client = new OpenAI({ baseURL: `http://127.0.0.1:${(g.t.app.server.address() as AddressInfo).port}/v1`, apiKey: g.token, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'anthropic/claude-3-5-haiku-latest', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    const consume = async () => {
      for await (const _ of stream) void _;
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
    expect(await lastRow('anthropic')).toMatchObject({ status_code: 500, estimated: 1 });
  });

  it('Gemini `data: {"error": …}` mid-stream: its code is recorded, usage estimated', async () => {
    fakes.gemini.reply = { text, inputTokens: 10, outputTokens: 40, streamError: { code: 503 } };
    const res = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('gemini/gemini-2.0-flash', { stream: true }) });
    const last = JSON.parse(sseEvents(res.body).at(-1)!);
    expect(last.error).toMatchObject({ type: 'api_error', code: 'UNAVAILABLE' });
    expect(await lastRow('gemini')).toMatchObject({ status_code: 503, estimated: 1 });
  });

  it('OpenAI-compatible `data: {"error": …}` mid-stream: passed through, recorded as an error', async () => {
    fakes.openai.reply = { text, streamError: {} };
    const res = await g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('openai/gpt-4o-mini', { stream: true, stream_options: { include_usage: true } }) });
    expect(JSON.parse(sseEvents(res.body).at(-1)!).error.type).toBe('server_error');
    expect(await lastRow('openai')).toMatchObject({ status_code: 502, estimated: 1 });
  });
});
