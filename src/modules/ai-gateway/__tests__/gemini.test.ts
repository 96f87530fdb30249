import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { geminiRetryAfter } from '../../ai-providers/adapters/gemini.js';
import { UsageRepository } from '../usage.repository.js';
import { addKey, chatBody, gatewayTest, readStream, type GatewayTest } from './helpers.js';

describe.each(engines)('Gemini: several candidates and retry delays (%s)', (engine) => {
  let g: GatewayTest;
  let gemini: FakeProvider;
  let keyId: string;
  const text = 'Hello there, friend!';

  beforeAll(async () => {
    g = await gatewayTest(engine);
    gemini = await startFakeProvider('gemini', { apiKey: [], reply: { text, inputTokens: 20, outputTokens: 30 } });
    keyId = (await addKey(g, 'gemini', gemini, { rate_limit_rpm: 1000 })).id;
  });
  afterAll(async () => {
    await gemini.close();
    await g.t.close();
  });

  const chat = (extra: Record<string, unknown>) => g.t.post('/v1/chat/completions', { token: g.token, body: chatBody('gemini/gemini-2.0-flash', extra) });
  const expected = [text, `Candidate 1: ${text}`, `Candidate 2: ${text}`];

  it('n: 3 with stream: true streams every candidate under its own index', async () => {
    const res = await chat({ n: 3, stream: true });
    expect(res.status).toBe(200);
    expect(gemini.chatRequests().at(-1)!.body.generationConfig.candidateCount).toBe(3);
    const { chunks, done, usage } = readStream(res.body);
    expect(done).toBe(true);
    const choices = chunks.flatMap((c) => c.choices);
    for (const [index, want] of expected.entries()) {
      const mine = choices.filter((c) => c.index === index);
      expect(mine[0].delta).toEqual({ role: 'assistant', content: '' });
      expect(mine.map((c) => c.delta.content ?? '').join('')).toBe(want);
      expect(mine.filter((c) => c.finish_reason).map((c) => c.finish_reason)).toEqual(['stop']);
    }
    expect(new Set(choices.map((c) => c.index))).toEqual(new Set([0, 1, 2]));
    expect(usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 30 });
    await g.t.services.aiGateway.recorder.flush();
    expect((await new UsageRepository(g.t.db).recent(g.ws.workspaceId, keyId, 1))[0]).toMatchObject({ status_code: 200, estimated: 0, output_tokens: 30 });
  });

  it('n: 3 without streaming answers three choices', async () => {
    const res = await chat({ n: 3 });
    expect(res.body.choices.map((c: any) => [c.index, c.message.content])).toEqual(expected.map((t, i) => [i, t]));
  });

  it("turns a 429's RetryInfo retryDelay into Retry-After", async () => {
    gemini.failNext({ status: 429, retryAfter: 30 });
    const res = await chat({});
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body.error).toMatchObject({ type: 'rate_limit_error', code: 'RESOURCE_EXHAUSTED' });
    gemini.failNext({ status: 429, retryAfter: 7 });
    const streamed = await chat({ stream: true });
    expect(streamed.status).toBe(429);
    expect(streamed.headers['retry-after']).toBe('7');
  });

  it('reads RetryInfo durations as whole seconds, rounding up', () => {
    const body = (retryDelay: unknown) =>
      Buffer.from(JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }] } }));
    expect(geminiRetryAfter(body('30s'))).toBe('30');
    expect(geminiRetryAfter(body('1.2s'))).toBe('2');
    expect(geminiRetryAfter(body('0.1s'))).toBe('1');
    expect(geminiRetryAfter(body('soon'))).toBeUndefined();
    expect(geminiRetryAfter(body(30))).toBeUndefined();
    expect(geminiRetryAfter(Buffer.from('not json'))).toBeUndefined();
  });
});
