import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { addKey, EXACT_COST_MICROS, EXACT_REPLY, exactChatBody, gatewayTest, secondInstance, type GatewayTest, type SecondInstance } from './helpers.js';

const redisUrl = process.env.TEST_REDIS_URL;
/** A monthly cost cap that fits exactly 7 requests. */
const CAP_USD = (7 * EXACT_COST_MICROS) / 1_000_000;

/**
 * The exact cost caps' promise: two instances on one PostgreSQL database
 * (then also sharing Redis), 50 concurrent requests against a cap that fits
 * 7: at most 7 are served and the spend passes the cap by at most one
 * request's cost — for a key's cap and for a token's, a member's and a
 * workspace's.
 */
describe.runIf(engines.includes('postgres')).each([
  ['PostgreSQL', {}],
  ...(redisUrl ? [['PostgreSQL + Redis', { REDIS_URL: redisUrl }] as const] : []),
] as Array<readonly [string, Record<string, string>]>)('exact cost caps across two instances (%s)', (_name, env) => {
  let g: GatewayTest;
  let fake: FakeProvider;
  let other: SecondInstance;

  beforeAll(async () => {
    g = await gatewayTest('postgres', { env });
    fake = await startFakeProvider('openai', { apiKey: [], reply: EXACT_REPLY });
    other = await secondInstance(g);
  });
  afterAll(async () => {
    await other.app.close();
    await other.database.close();
    await fake.close();
    await g.t.close();
  });

  async function token(sessionToken: string, workspaceId: string): Promise<{ id: string; token: string }> {
    const res = await g.t.post('/api/tokens', { token: sessionToken, body: { name: 'burst', workspace_id: workspaceId, scopes: ['ai:use'] } });
    return { id: res.body.id, token: res.body.token };
  }

  /** 50 concurrent requests alternating between the instances; asserts the cap held and returns the refusal codes. */
  async function burst(bearer: string, keyId: string): Promise<string[]> {
    const before = fake.chatRequests().length;
    const apps = [g.t.app, other.app];
    const headers = { authorization: `Bearer ${bearer}`, 'x-atrium-key-id': keyId };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => apps[i % 2].inject({ method: 'POST', url: '/v1/chat/completions', headers, payload: exactChatBody() })));
    const served = results.filter((r) => r.statusCode === 200).length;
    // Each request reserves exactly its cost, so the cap is filled, never passed.
    expect(served).toBe(7);
    expect(served * EXACT_COST_MICROS).toBeLessThanOrEqual(CAP_USD * 1_000_000 + EXACT_COST_MICROS);
    expect(fake.chatRequests().length - before).toBe(served);
    const refused = results.filter((r) => r.statusCode !== 200);
    expect(refused.every((r) => r.statusCode === 402)).toBe(true);
    return [...new Set(refused.map((r) => r.json().error.code as string))];
  }

  const put = (workspaceId: string, path: string, body: unknown, bearer: string) => g.t.request('PUT', `/api/workspaces/${workspaceId}/ai-limits/${path}`, { token: bearer, body });

  it("holds a key's cost cap", async () => {
    const key = await addKey(g, 'openai', fake, { cost_limit: CAP_USD });
    expect(await burst(g.token, key.id)).toEqual(['cost_limit_reached']);
  });

  it("holds a token's cost cap", async () => {
    const key = await addKey(g, 'openai', fake);
    const tok = await token(g.ws.developer.token, g.ws.workspaceId);
    expect((await put(g.ws.workspaceId, `tokens/${tok.id}`, { cost_limit: CAP_USD }, g.ws.owner.token)).status).toBe(200);
    expect(await burst(tok.token, key.id)).toEqual(['token_cost_limit_reached']);
  });

  it("holds a member's cost cap", async () => {
    const key = await addKey(g, 'openai', fake);
    const member = await g.t.addMember(g.ws.owner.token, g.ws.workspaceId, 'developer', 'burster');
    expect((await put(g.ws.workspaceId, `members/${member.user.id}`, { cost_limit: CAP_USD }, g.ws.owner.token)).status).toBe(200);
    const tok = await token(member.token, g.ws.workspaceId);
    expect(await burst(tok.token, key.id)).toEqual(['member_cost_limit_reached']);
  });

  it("holds a workspace's cost cap", async () => {
    const owner = await g.t.signup('ws-owner');
    const workspace = await g.t.createWorkspace(owner.token, 'Capped');
    const key = await addKey({ t: g.t, ws: { ...g.ws, workspaceId: workspace.id, owner } }, 'openai', fake);
    expect((await put(workspace.id, 'workspace', { cost_limit: CAP_USD }, owner.token)).status).toBe(200);
    const tok = await token(owner.token, workspace.id);
    expect(await burst(tok.token, key.id)).toEqual(['workspace_cost_limit_reached']);
  });
});
