import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { addKey, EXACT_REPLY, exactChatBody, gatewayTest, secondInstance, sharedLimitTests, type GatewayTest, type SecondInstance } from './helpers.js';

/**
 * PostgreSQL without Redis, scaled out: every limit is kept in the database,
 * so two processes enforce one limit between them, not one each.
 */
describe.runIf(engines.includes('postgres'))('AI key limits across processes on PostgreSQL without Redis', () => {
  let g: GatewayTest;
  let fake: FakeProvider;
  let other: SecondInstance;

  beforeAll(async () => {
    g = await gatewayTest('postgres');
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

  it('shares the monthly cost cap: cost counted by one process refuses on the other', async () => {
    // $0.0009 = 900 µ$; each call reserves and costs 450 µ$: two calls reach the cap.
    const key = await addKey(g, 'openai', fake, { cost_limit: 0.0009 });
    fake.reply = EXACT_REPLY;
    try {
      const headers = { authorization: `Bearer ${g.token}`, 'x-atrium-key-id': key.id };
      const payload = exactChatBody();
      const statuses = [];
      for (const app of [g.t.app, other.app, g.t.app, other.app, g.t.app]) {
        statuses.push((await app.inject({ method: 'POST', url: '/v1/chat/completions', headers, payload })).statusCode);
      }
      expect(statuses).toEqual([200, 200, 402, 402, 402]);
    } finally {
      fake.reply = {};
    }
  });
});
