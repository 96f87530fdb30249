import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider, type FakeProviderKind } from '../../../test/fake-providers.js';
import { testProviderKey } from '../key-test.js';

/** Each provider of the catalog and the fake that speaks its protocol. */
const CASES: Array<{ provider: string; fake: FakeProviderKind; deployment?: string }> = [
  { provider: 'openai', fake: 'openai' },
  { provider: 'groq', fake: 'openai' },
  { provider: 'openrouter', fake: 'openai' },
  { provider: 'custom', fake: 'openai' },
  { provider: 'mistral', fake: 'mistral' },
  { provider: 'azure_openai', fake: 'azure', deployment: 'gpt4o' },
  { provider: 'anthropic', fake: 'anthropic' },
  { provider: 'gemini', fake: 'gemini' },
  { provider: 'cohere', fake: 'cohere' },
];

const dispatcher = new Agent();
afterAll(() => dispatcher.close());

describe.each(CASES)('testProviderKey: $provider', ({ provider, fake: kind, deployment }) => {
  let fake: FakeProvider;
  const secret = `sk-${provider}-0123456789abcdef`;
  beforeAll(async () => {
    fake = await startFakeProvider(kind, { apiKey: secret });
  });
  afterAll(() => fake.close());

  const key = (apiKey = secret) => ({ provider, apiKey, endpointUrl: fake.endpointUrl, deploymentName: deployment ?? null });

  it('reports a working key with the provider auth header', async () => {
    const result = await testProviderKey(key(), dispatcher);
    expect(result).toMatchObject({ ok: true, status: 'ok', http_status: 200 });
    expect(result.latency_ms).toBeGreaterThanOrEqual(0);
    const sent = fake.requests.at(-1)!;
    expect(sent.method).toBe('GET');
    const headerValue = [sent.headers.authorization, sent.headers['x-api-key'], sent.headers['api-key'], sent.headers['x-goog-api-key']].join(' ');
    expect(headerValue).toContain(secret);
  });

  it('tells an invalid key apart, without echoing it', async () => {
    const wrong = `sk-wrong-${provider}-9876543210`;
    const result = await testProviderKey(key(wrong), dispatcher);
    expect(result).toMatchObject({ ok: false, status: 'invalid_key' });
    expect(result.message).not.toContain(wrong);
  });

  it('tells a rate-limited key apart', async () => {
    fake.failNext({ status: 429, retryAfter: 7 });
    const result = await testProviderKey(key(), dispatcher);
    expect(result).toMatchObject({ ok: false, status: 'rate_limited', http_status: 429 });
    expect(result.message).toContain('7');
  });

  it('reports a provider failure', async () => {
    fake.failNext({ status: 500 });
    expect(await testProviderKey(key(), dispatcher)).toMatchObject({ ok: false, status: 'provider_error', http_status: 500 });
  });
});

describe('testProviderKey: unreachable endpoints', () => {
  it('reports a closed port as unreachable', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const result = await testProviderKey({ provider: 'custom', apiKey: 'k-123456', endpointUrl: `http://127.0.0.1:${port}/v1`, deploymentName: null }, dispatcher);
    expect(result).toMatchObject({ ok: false, status: 'unreachable', http_status: null });
    expect(result.message).toContain('ECONNREFUSED');
  });

  it('reports a custom provider without endpoint_url and an unknown provider', async () => {
    expect(await testProviderKey({ provider: 'custom', apiKey: 'k', endpointUrl: null, deploymentName: null }, dispatcher)).toMatchObject({ status: 'unreachable' });
    expect(await testProviderKey({ provider: 'nope', apiKey: 'k', endpointUrl: null, deploymentName: null }, dispatcher)).toMatchObject({ status: 'provider_error' });
  });
});
