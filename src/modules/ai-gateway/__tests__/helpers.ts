import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildApp, type AppInstance } from '../../../app.js';
import { createDatabase, type Database } from '../../../core/db/database.js';
import type { FakeProvider, FakeProviderKind } from '../../../test/fake-providers.js';
import { createTestApp, type Engine, type Member, type TestApp, type TestAppOptions } from '../../../test/harness.js';
import type { Role } from '../../policy/policy.js';

export { readStream, sseEvents } from '../../../test/sse.js';

/** Each provider the gateway speaks, the fake that imitates it, and a model of its catalog. */
export const PROVIDERS: Array<{ provider: string; fake: FakeProviderKind; model: string; deployment?: string }> = [
  { provider: 'openai', fake: 'openai', model: 'gpt-4o-mini' },
  { provider: 'groq', fake: 'openai', model: 'llama-3.1-8b-instant' },
  { provider: 'openrouter', fake: 'openai', model: 'openai/gpt-4o-mini' },
  { provider: 'custom', fake: 'openai', model: 'llama3.2' },
  { provider: 'mistral', fake: 'mistral', model: 'mistral-small-latest' },
  { provider: 'azure_openai', fake: 'azure', model: 'gpt-4o', deployment: 'gpt4o-prod' },
  { provider: 'anthropic', fake: 'anthropic', model: 'claude-3-5-haiku-latest' },
  { provider: 'gemini', fake: 'gemini', model: 'gemini-2.0-flash' },
  { provider: 'cohere', fake: 'cohere', model: 'command-r' },
];

export const newSecret = (provider: string) => `sk-${provider}-${randomBytes(16).toString('hex')}`;

export interface GatewayTest {
  t: TestApp;
  ws: { workspaceId: string } & Record<Role, Member>;
  /** A developer's API token with the ai:use scope. */
  token: string;
  logs: () => string;
}

/** An app whose outbound allow-list admits the fake providers on 127.0.0.1, with a workspace of every role. */
export async function gatewayTest(engine: Engine, options: TestAppOptions = {}): Promise<GatewayTest> {
  let logs = '';
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs += chunk.toString();
      done();
    },
  });
  const t = await createTestApp(engine, {
    ...options,
    env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32', LOG_LEVEL: 'info', ...options.env },
    logStream,
  });
  const ws = await t.workspaceWithRoles();
  const token = await t.apiToken(ws.developer.token, ws.workspaceId, ['ai:use']);
  return { t, ws, token, logs: () => logs };
}

/** Stores a key for `fake` through the AI-keys API (as the owner); returns the key's API body. */
export async function addKey(
  g: Pick<GatewayTest, 't' | 'ws'>,
  provider: string,
  fake: FakeProvider,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; apiKey: string; [k: string]: unknown }> {
  const apiKey = (extra.api_key as string | undefined) ?? newSecret(provider);
  fake.keys.add(apiKey);
  const res = await g.t.post('/api/ai-keys', {
    token: g.ws.owner.token,
    body: { workspace_id: g.ws.workspaceId, provider, key_name: `${provider} ${randomBytes(3).toString('hex')}`, api_key: apiKey, endpoint_url: fake.endpointUrl, ...extra },
  });
  if (res.status !== 201) throw new Error(`creating the key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, apiKey };
}

export const chatBody = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Say hello.' },
  ],
  ...extra,
});

/**
 * A chat request whose worst case is exactly what the fake charges with
 * `EXACT_REPLY`: the prompt is estimated at 1000 tokens (4000 characters with
 * the framing) and max_tokens is 500, so gpt-4o-mini reserves 1000 × 0.15 +
 * 500 × 0.60 = 450 µ$, the cost of each call.
 */
export const exactChatBody = (model = 'openai/gpt-4o-mini') => ({
  model,
  max_tokens: 500,
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'x'.repeat(3983) },
  ],
});
export const EXACT_REPLY = { inputTokens: 1000, outputTokens: 500 };
export const EXACT_COST_MICROS = 450;

/** Waits until `check` holds (no fixed sleeps: polls the event loop). */
export async function until(check: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A second app on the same database (file or schema), as another process or machine would run it. */
export interface SecondInstance {
  app: AppInstance;
  database: Database;
}

export async function secondInstance(g: GatewayTest): Promise<SecondInstance> {
  const { url, pgSchema } = g.t.testDb;
  const database = g.t.engine === 'sqlite' ? createDatabase(url) : createDatabase(url, { pgSchema });
  const quiet = new Writable({ write: (_chunk, _enc, done) => done() });
  const { app } = await buildApp({ config: g.t.config, database, keyring: g.t.services.keyring, logStream: quiet });
  await app.ready();
  return { app, database };
}

/**
 * The guarantees of limits shared between instances, whatever store holds
 * them (Redis, or PostgreSQL without Redis): two instances enforce one
 * limit between them, not one each. `setup` gives the two instances and the
 * fake provider, once the suite's beforeAll has run.
 */
export function sharedLimitTests(setup: () => { g: GatewayTest; other: SecondInstance; fake: FakeProvider }): void {
  /** `n` concurrent requests, alternating between the two instances; the statuses. */
  async function burst(keyId: string, n: number): Promise<number[]> {
    const { g, other } = setup();
    const body = chatBody('openai/gpt-4o-mini');
    const headers = { authorization: `Bearer ${g.token}`, 'x-atrium-key-id': keyId };
    const apps = [g.t.app, other.app];
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => apps[i % 2].inject({ method: 'POST', url: '/v1/chat/completions', headers, payload: body })),
    );
    return results.map((r) => r.statusCode);
  }

  it('never admits more requests than the monthly cap across instances', async () => {
    const { g, fake } = setup();
    const key = await addKey(g, 'openai', fake, { usage_limit: 10 });
    const before = fake.chatRequests().length;
    const statuses = await burst(key.id, 30);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(fake.chatRequests().length - before).toBe(10);
  });

  it('shares the per-minute request limit across instances', async () => {
    const { g, fake } = setup();
    const key = await addKey(g, 'openai', fake, { rate_limit_rpm: 7 });
    const statuses = await burst(key.id, 20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(statuses.filter((s) => s === 429)).toHaveLength(13);
  });
}
