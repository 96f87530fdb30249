import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines, type Member } from '../../../test/harness.js';
import { addKey, chatBody, EXACT_REPLY, exactChatBody, gatewayTest, until, type GatewayTest } from './helpers.js';

/** A token of `member` in the workspace: its id and secret. */
async function token(g: GatewayTest, member: Member, scopes = ['ai:use']): Promise<{ id: string; token: string }> {
  const res = await g.t.post('/api/tokens', { token: member.token, body: { name: 'budget', workspace_id: g.ws.workspaceId, scopes } });
  if (res.status !== 201) throw new Error(`token: ${res.status}`);
  return { id: res.body.id, token: res.body.token };
}

async function thresholdEvents(g: GatewayTest): Promise<Array<Record<string, any>>> {
  const rows = await g.t.db.selectFrom('events').selectAll().where('workspace_id', '=', g.ws.workspaceId).where('type', '=', 'ai_usage.threshold').execute();
  return rows.map((r) => JSON.parse(r.payload));
}

describe.each(engines)('consumer budgets (%s)', (engine) => {
  let g: GatewayTest;
  let openai: FakeProvider;
  let key: { id: string };

  beforeAll(async () => {
    g = await gatewayTest(engine);
    openai = await startFakeProvider('openai', { apiKey: [] });
    key = await addKey(g, 'openai', openai);
  });
  afterAll(async () => {
    await openai.close();
    await g.t.close();
  });

  const ws = () => g.ws.workspaceId;
  const chat = (bearer: string, body: unknown = chatBody('openai/gpt-4o-mini')) => g.t.post('/v1/chat/completions', { token: bearer, body, headers: { 'x-atrium-key-id': key.id } });
  const put = (path: string, body: unknown, bearer = g.ws.admin.token) => g.t.request('PUT', `/api/workspaces/${ws()}/ai-limits/${path}`, { token: bearer, body });

  describe('limits API', () => {
    it('sets, reads, lists and clears the limits of the workspace, a member and a token (audited)', async () => {
      const tok = await token(g, g.ws.developer);
      const set = await put(`tokens/${tok.id}`, { rate_limit_rpm: 10, cost_limit: 2.5, allowed_providers: ['openai'], allowed_models: ['gpt-4o-mini'] });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ level: 'token', subject_id: tok.id, rate_limit_rpm: 10, rate_limit_tpm: null, cost_limit: 2.5, allowed_providers: ['openai'], allowed_models: ['gpt-4o-mini'] });
      expect((await put(`members/${g.ws.viewer.user.id}`, { usage_limit: 100 })).status).toBe(200);
      expect((await put('workspace', { rate_limit_tpm: 1000 })).status).toBe(200);

      // A developer reads limits; a viewer does not.
      const read = await g.t.get(`/api/workspaces/${ws()}/ai-limits/tokens/${tok.id}`, { token: g.ws.developer.token });
      expect(read.body).toMatchObject({ cost_limit: 2.5 });
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-limits`, { token: g.ws.viewer.token })).status).toBe(403);
      const all = await g.t.get(`/api/workspaces/${ws()}/ai-limits`, { token: g.ws.owner.token });
      expect(all.body.data.map((l: any) => l.level).sort()).toEqual(['member', 'token', 'workspace']);
      const none = await g.t.get(`/api/workspaces/${ws()}/ai-limits/members/${g.ws.admin.user.id}`, { token: g.ws.owner.token });
      expect(none.body).toMatchObject({ usage_limit: null, updated_at: null });

      const cleared = await g.t.delete(`/api/workspaces/${ws()}/ai-limits/workspace`, { token: g.ws.admin.token });
      expect(cleared.status).toBe(204);
      expect((await g.t.delete(`/api/workspaces/${ws()}/ai-limits/workspace`, { token: g.ws.admin.token })).status).toBe(404);
      const activity = await g.t.db.selectFrom('activity').select(['action', 'resource_id']).where('workspace_id', '=', ws()).where('action', 'like', 'ai_limit.%').execute();
      expect(activity.map((a) => a.action).sort()).toEqual(['ai_limit.cleared', 'ai_limit.updated', 'ai_limit.updated', 'ai_limit.updated']);
      await g.t.delete(`/api/workspaces/${ws()}/ai-limits/tokens/${tok.id}`, { token: g.ws.admin.token });
      await g.t.delete(`/api/workspaces/${ws()}/ai-limits/members/${g.ws.viewer.user.id}`, { token: g.ws.admin.token });
    });

    it('refuses bad input without changing anything', async () => {
      const path = `members/${g.ws.developer.user.id}`;
      for (const body of [{ cost_limit: -1 }, { usage_limit: -3 }, { rate_limit_rpm: 0 }, { unknown: 1 }, { allowed_models: ['gpt\u0000x'] }, { allowed_providers: ['nope'] }, { allowed_models: 'gpt-4o' }]) {
        const res = await put(path, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
      }
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-limits/${path}`, { token: g.ws.owner.token })).body.updated_at).toBeNull();
    });

    it('needs auth, the admin role, a write scope, and a subject of the workspace', async () => {
      const path = `members/${g.ws.developer.user.id}`;
      expect((await g.t.request('PUT', `/api/workspaces/${ws()}/ai-limits/${path}`, { body: { usage_limit: 1 } })).status).toBe(401);
      expect((await put(path, { usage_limit: 1 }, g.ws.developer.token)).status).toBe(403);
      const readOnly = await g.t.apiToken(g.ws.owner.token, ws(), ['ai_keys:read']);
      expect((await put(path, { usage_limit: 1 }, readOnly)).status).toBe(403);
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-limits/${path}`, { token: readOnly })).status).toBe(200);

      // Another workspace's token and member, and another workspace altogether, are not found.
      const stranger = await g.t.signup('stranger');
      const theirs = await g.t.createWorkspace(stranger.token, 'Other');
      const theirToken = await g.t.post('/api/tokens', { token: stranger.token, body: { name: 'x', workspace_id: theirs.id, scopes: ['ai:use'] } });
      expect((await put(`tokens/${theirToken.body.id}`, { usage_limit: 1 })).status).toBe(404);
      expect((await put(`members/${stranger.user.id}`, { usage_limit: 1 })).status).toBe(404);
      expect((await g.t.request('PUT', `/api/workspaces/${theirs.id}/ai-limits/workspace`, { token: g.ws.owner.token, body: { usage_limit: 1 } })).status).toBe(404);
      expect(await g.t.db.selectFrom('ai_consumer_limits').selectAll().where('workspace_id', '=', theirs.id).execute()).toEqual([]);
    });

    it('drops the limits of a revoked token and of a member who leaves', async () => {
      const tok = await token(g, g.ws.developer);
      await put(`tokens/${tok.id}`, { usage_limit: 5 });
      expect((await g.t.delete(`/api/tokens/${tok.id}`, { token: g.ws.developer.token })).status).toBe(204);
      const member = await g.t.addMember(g.ws.owner.token, ws(), 'developer', 'leaver');
      await put(`members/${member.user.id}`, { usage_limit: 5 });
      expect((await g.t.delete(`/api/workspaces/${ws()}/members/${member.user.id}`, { token: g.ws.owner.token })).status).toBe(204);
      const left = await g.t.db.selectFrom('ai_consumer_limits').select('subject_id').where('workspace_id', '=', ws()).execute();
      expect(left.map((r) => r.subject_id)).not.toContain(tok.id);
      expect(left.map((r) => r.subject_id)).not.toContain(member.user.id);
    });
  });

  describe('admission', () => {
    it('refuses at each level with its own code, before any upstream call', async () => {
      const tok = await token(g, g.ws.developer);
      const refusedBy = async (expected: string) => {
        const before = openai.chatRequests().length;
        const res = await chat(tok.token);
        expect(res.status).toBe(429);
        expect(res.body.error.code).toBe(expected);
        expect(openai.chatRequests().length).toBe(before);
        return res;
      };

      await put(`tokens/${tok.id}`, { usage_limit: 1 });
      expect((await chat(tok.token)).status).toBe(200);
      const byToken = await refusedBy('token_usage_limit_reached');
      expect(byToken.body.error).toMatchObject({ type: 'insufficient_quota' });
      expect(byToken.body.error.message).toContain(`API token ${tok.id}`);
      expect(byToken.headers['x-should-retry']).toBe('false');
      await g.t.delete(`/api/workspaces/${ws()}/ai-limits/tokens/${tok.id}`, { token: g.ws.admin.token });

      // The member's cap counts all their tokens' requests this month (the first token's 1 included).
      await put(`members/${g.ws.developer.user.id}`, { usage_limit: 2 });
      const other = await token(g, g.ws.developer);
      expect((await chat(other.token)).status).toBe(200);
      await refusedBy('member_usage_limit_reached');
      await g.t.delete(`/api/workspaces/${ws()}/ai-limits/members/${g.ws.developer.user.id}`, { token: g.ws.admin.token });

      await put('workspace', { rate_limit_rpm: 1 });
      const fresh = await token(g, g.ws.admin);
      expect((await chat(fresh.token)).status).toBe(200);
      const byRate = await refusedBy('workspace_rate_limit_exceeded');
      expect(byRate.body.error.type).toBe('requests');
      expect(Number(byRate.headers['retry-after'])).toBeGreaterThan(0);
      await g.t.delete(`/api/workspaces/${ws()}/ai-limits/workspace`, { token: g.ws.admin.token });
    });

    it('restricts models and providers with 403 before any upstream call', async () => {
      const tok = await token(g, g.ws.developer);
      await put(`tokens/${tok.id}`, { allowed_models: ['openai/gpt-4o'] });
      const before = openai.chatRequests().length;
      const res = await chat(tok.token);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'model_not_allowed', type: 'permission_error', param: 'model' });
      expect((await chat(tok.token, chatBody('openai/gpt-4o'))).status).toBe(200);

      await put(`tokens/${tok.id}`, { allowed_providers: ['anthropic'] });
      const byProvider = await chat(tok.token);
      expect(byProvider.status).toBe(403);
      expect(byProvider.body.error.code).toBe('provider_not_allowed');
      expect(openai.chatRequests().length).toBe(before + 1);
    });

    it('refuses a cost cap with 402 naming the level, and publishes its thresholds once', async () => {
      const member = await g.t.addMember(g.ws.owner.token, ws(), 'developer', 'spender');
      const tok = await token(g, member);
      // 900 µ$: two requests of exactly 450 µ$ each.
      await put(`members/${member.user.id}`, { cost_limit: 0.0009 });
      openai.reply = EXACT_REPLY;
      try {
        expect((await chat(tok.token, exactChatBody())).status).toBe(200);
        expect((await chat(tok.token, exactChatBody())).status).toBe(200);
        const res = await chat(tok.token, exactChatBody());
        expect(res.status).toBe(402);
        expect(res.body.error).toMatchObject({ code: 'member_cost_limit_reached', type: 'insufficient_quota' });
        await chat(tok.token, exactChatBody());
      } finally {
        openai.reply = {};
      }
      const mine = async () => (await thresholdEvents(g)).filter((e) => e.subject_id === member.user.id);
      await until(async () => (await mine()).length === 2, 'two member threshold events');
      expect((await mine()).map((e) => [e.level, e.metric, e.threshold_percent]).sort()).toEqual([
        ['member', 'cost', 100],
        ['member', 'cost', 80],
      ]);
    });

    it('releases the reservation when the provider fails', async () => {
      const tok = await token(g, g.ws.developer);
      // 500 µ$ holds one worst case (450 µ$) at a time.
      await put(`tokens/${tok.id}`, { cost_limit: 0.0005 });
      openai.reply = EXACT_REPLY;
      try {
        openai.failNext({ status: 500 });
        expect((await chat(tok.token, exactChatBody())).status).toBe(500);
        expect((await chat(tok.token, exactChatBody())).status).toBe(200);
      } finally {
        openai.reply = {};
      }
    });

    it('holds the worst case while a request is in flight and settles it when the client leaves', async () => {
      const tok = await token(g, g.ws.developer);
      // 600 µ$: one worst case (450) at a time; a request cut short is billed its prompt (150), so another then fits.
      await put(`tokens/${tok.id}`, { cost_limit: 0.0006 });
      openai.reply = EXACT_REPLY;
      const release = openai.hold();
      await g.t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = g.t.app.server.address() as AddressInfo;
      try {
        const before = openai.chatRequests().length;
        const req = request({ host: '127.0.0.1', port, path: '/v1/chat/completions', method: 'POST', headers: { authorization: `Bearer ${tok.token}`, 'content-type': 'application/json', 'x-atrium-key-id': key.id } });
        req.on('error', () => undefined);
        req.end(JSON.stringify(exactChatBody()));
        await until(() => openai.chatRequests().length === before + 1, 'the held request upstream');
        const meanwhile = await chat(tok.token, exactChatBody());
        expect(meanwhile.status).toBe(402);
        expect(meanwhile.body.error.code).toBe('token_cost_limit_reached');
        req.destroy();
        const rows = async () => {
          await g.t.services.aiGateway.recorder.flush();
          return g.t.db.selectFrom('ai_usage').select('status_code').where('token_id', '=', tok.id).execute();
        };
        await until(async () => (await rows()).length === 1, 'the 499 row');
        expect((await rows())[0].status_code).toBe(499);
        release();
        expect((await chat(tok.token, exactChatBody())).status).toBe(200);
      } finally {
        release();
        openai.reply = {};
      }
    });
  });

  describe('usage report', () => {
    it('groups by token, member, key, model and day, as JSON and as escaped CSV; members see their own', async () => {
      const res = await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, query: { group_by: 'member' } });
      expect(res.status).toBe(200);
      expect(res.body.scope).toBe('workspace');
      const dev = res.body.data.find((r: any) => r.group === g.ws.developer.user.id);
      expect(dev.label).toBe(g.ws.developer.user.email);
      expect(dev.requests).toBeGreaterThan(0);
      for (const group of ['token', 'key', 'model', 'day']) {
        const r = await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, query: { group_by: group } });
        expect(r.status, group).toBe(200);
        expect(r.body.data.length, group).toBeGreaterThan(0);
      }
      const byModel = await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, query: { group_by: 'model' } });
      expect(byModel.body.data.map((r: any) => r.group)).toContain('openai/gpt-4o-mini');

      const own = await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.developer.token, query: { group_by: 'member' } });
      expect(own.body.scope).toBe('own');
      expect(own.body.data.map((r: any) => r.group)).toEqual([g.ws.developer.user.id]);
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.viewer.token })).status).toBe(403);
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-usage`)).status).toBe(401);
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, query: { group_by: 'nope' } })).status).toBe(400);
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, query: { from: '2026-05-02', to: '2026-05-01' } })).status).toBe(400);
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, query: { extra: 1 } })).status).toBe(400);
      expect((await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, query: { from: '2026-02-31' } })).status).toBe(400);
    });

    it('exports CSV with quoting and formula cells neutralised', async () => {
      const res = await g.t.post('/api/tokens', { token: g.ws.developer.token, body: { name: '=HYPERLINK("x"),1', workspace_id: ws(), scopes: ['ai:use'] } });
      expect((await chat(res.body.token)).status).toBe(200);
      const csv = await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, query: { group_by: 'token', format: 'csv' } });
      expect(csv.status).toBe(200);
      expect(String(csv.headers['content-type'])).toContain('text/csv');
      const lines = String(csv.body).trim().split('\r\n');
      expect(lines[0]).toBe('token,label,requests,errors,input_tokens,output_tokens,reasoning_tokens,cost_micros,cost_usd');
      const row = lines.find((l) => l.startsWith(`${res.body.id},`));
      expect(row).toMatch(new RegExp(`^${res.body.id},"'=HYPERLINK\\(""x""\\),1",1,0,`));
      const byAccept = await g.t.get(`/api/workspaces/${ws()}/ai-usage`, { token: g.ws.owner.token, headers: { accept: 'text/csv' } });
      expect(String(byAccept.headers['content-type'])).toContain('text/csv');
    });
  });
});
