import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppInstance } from '../../../app.js';
import { createDatabase, type Database } from '../../../core/db/database.js';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { addKey, chatBody, gatewayTest, type GatewayTest } from './helpers.js';

/**
 * PostgreSQL without Redis, scaled out: every limit is kept in the database,
 * so two processes enforce one limit between them, not one each.
 */
describe.runIf(engines.includes('postgres'))('AI key limits across processes on PostgreSQL without Redis', () => {
  let g: GatewayTest;
  let fake: FakeProvider;
  let other: { app: AppInstance; database: Database };

  beforeAll(async () => {
    g = await gatewayTest('postgres');
    fake = await startFakeProvider('openai', { apiKey: [] });
    // A second app on the same schema, as another process would be.
    const database = createDatabase(g.t.testDb.url, { pgSchema: g.t.testDb.pgSchema });
    const quiet = new Writable({ write: (_chunk, _enc, done) => done() });
    const { app } = await buildApp({ config: g.t.config, database, keyring: g.t.services.keyring, logStream: quiet });
    await app.ready();
    other = { app, database };
  });
  afterAll(async () => {
    await other.app.close();
    await other.database.close();
    await fake.close();
    await g.t.close();
  });

  /** `n` concurrent requests, alternating between the two processes; the statuses. */
  async function burst(keyId: string, n: number): Promise<number[]> {
    const body = chatBody('openai/gpt-4o-mini');
    const headers = { authorization: `Bearer ${g.token}`, 'x-atrium-key-id': keyId };
    const apps = [g.t.app, other.app];
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => apps[i % 2].inject({ method: 'POST', url: '/v1/chat/completions', headers, payload: body })),
    );
    return results.map((r) => r.statusCode);
  }

  it('never admits more requests than the monthly cap across processes', async () => {
    const key = await addKey(g, 'openai', fake, { usage_limit: 10 });
    const before = fake.chatRequests().length;
    const statuses = await burst(key.id, 30);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(fake.chatRequests().length - before).toBe(10);
  });

  it('shares the per-minute request limit across processes', async () => {
    const key = await addKey(g, 'openai', fake, { rate_limit_rpm: 7 });
    const statuses = await burst(key.id, 20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(statuses.filter((s) => s === 429)).toHaveLength(13);
  });

  it('shares the monthly cost cap: cost counted by one process refuses on the other', async () => {
    // $0.001 = 1000 µ$; each call costs 1000 × 0.15 + 500 × 0.60 = 450 µ$: the third call reaches the cap.
    const key = await addKey(g, 'openai', fake, { cost_limit: 0.001 });
    fake.reply = { inputTokens: 1000, outputTokens: 500 };
    try {
      const headers = { authorization: `Bearer ${g.token}`, 'x-atrium-key-id': key.id };
      const payload = chatBody('openai/gpt-4o-mini');
      const statuses = [];
      for (const app of [g.t.app, other.app, g.t.app, other.app, g.t.app]) {
        statuses.push((await app.inject({ method: 'POST', url: '/v1/chat/completions', headers, payload })).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 402, 402]);
    } finally {
      fake.reply = {};
    }
  });
});
