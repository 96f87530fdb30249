import { createHash, randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { createTestApp, engines, type Member, type TestApp } from '../../../test/harness.js';
import type { Role } from '../../policy/policy.js';

const newKey = (prefix = 'sk-test-') => `${prefix}${randomBytes(16).toString('hex')}`;

/** Every row of every table as one string, to search for secrets. */
async function dumpDatabase(t: TestApp): Promise<string> {
  const tables =
    t.engine === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(t.db)).rows.map((r) => r.name);
  let dump = '';
  for (const table of tables) dump += JSON.stringify((await sql`select * from ${sql.table(table)}`.execute(t.db)).rows);
  return dump;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe.each(engines)('AI keys (%s)', (engine) => {
  let t: TestApp;
  let ws: { workspaceId: string } & Record<Role, Member>;
  let openai: FakeProvider;
  let logs = '';
  const secrets: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    // 127.0.0.1 is where the fake providers listen: the operator allow-list admits it.
    t = await createTestApp(engine, { env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32', LOG_LEVEL: 'trace' }, logStream });
    ws = await t.workspaceWithRoles();
    openai = await startFakeProvider('openai', { apiKey: [] });
  });
  afterAll(async () => {
    await openai.close();
    await t.close();
  });

  /** Stores a key the fake OpenAI accepts; returns the API response and the key. */
  async function createKey(body: Record<string, unknown> = {}, token = ws.owner.token) {
    const apiKey = (body.api_key as string | undefined) ?? newKey();
    secrets.push(apiKey);
    openai.keys.add(apiKey);
    const res = await t.post('/api/ai-keys', {
      token,
      body: { workspace_id: ws.workspaceId, provider: 'openai', key_name: 'Main', endpoint_url: openai.endpointUrl, api_key: apiKey, ...body },
    });
    return { res, apiKey, id: res.body?.id as string };
  }

  describe('create', () => {
    it('stores a key and returns only its last 4 characters', async () => {
      const { res, apiKey } = await createKey({ key_name: 'Prod', model_preferences: { default: 'gpt-4o-mini' }, cost_limit: 12.5, usage_limit: 1000, rate_limit_rpm: 60, rate_limit_tpm: 100000 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        workspace_id: ws.workspaceId,
        provider: 'openai',
        provider_name: 'OpenAI',
        key_name: 'Prod',
        key_preview: apiKey.slice(-4),
        endpoint_url: openai.endpointUrl,
        model_preferences: { default: 'gpt-4o-mini' },
        is_active: true,
        usage_limit: 1000,
        cost_limit: 12.5,
        rate_limit_rpm: 60,
        rate_limit_tpm: 100000,
        usage_this_month: 0,
        cost_this_month: 0,
        last_used: null,
        created_by: ws.owner.user.id,
      });
      expect(res.body.id).toMatch(/^aik_/);
      expect(JSON.stringify(res.body)).not.toContain(apiKey);
      expect(res.body).not.toHaveProperty('api_key');
      expect(res.body).not.toHaveProperty('encrypted_key');
      expect(res.body).not.toHaveProperty('key_fingerprint');
      const row = await t.db.selectFrom('ai_keys').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
      expect(row.cost_limit_micros).toBe(12_500_000);
      const activity = await t.db.selectFrom('activity').selectAll().where('resource_id', '=', res.body.id).execute();
      expect(activity.map((a) => a.action)).toEqual(['ai_key.created']);
      expect(activity[0].details).not.toContain(apiKey);
      const events = await t.db.selectFrom('events').select('type').where('workspace_id', '=', ws.workspaceId).where('type', '=', 'ai_key.created').execute();
      expect(events.length).toBeGreaterThan(0);
    });

    it('refuses bad input with a 400 naming the field, never a 500', async () => {
      const base = { workspace_id: ws.workspaceId, provider: 'openai', key_name: 'K', api_key: newKey() };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, provider: undefined }, 'provider'],
        [{ ...base, provider: 'huggingface' }, 'provider'],
        [{ ...base, key_name: '   ' }, 'key_name'],
        [{ ...base, key_name: 'x'.repeat(101) }, 'key_name'],
        [{ ...base, api_key: undefined }, 'api_key'],
        [{ ...base, api_key: 'sk-has a space' }, 'api_key'],
        [{ ...base, api_key: 'sk-line\nbreak' }, 'api_key'],
        [{ ...base, workspace_id: undefined }, 'workspace_id'],
        [{ ...base, provider: 'azure_openai', deployment_name: 'gpt4o' }, 'endpoint_url'],
        [{ ...base, provider: 'azure_openai', endpoint_url: openai.origin }, 'deployment_name'],
        [{ ...base, deployment_name: 'gpt4o' }, 'deployment_name'],
        [{ ...base, provider: 'custom' }, 'endpoint_url'],
        [{ ...base, endpoint_url: 'not a url' }, 'endpoint_url'],
        [{ ...base, endpoint_url: 'ftp://127.0.0.1/v1' }, 'endpoint_url'],
        [{ ...base, endpoint_url: 'http://user:pass@127.0.0.1/v1' }, 'endpoint_url'],
        [{ ...base, endpoint_url: 'http://10.1.2.3/v1' }, 'endpoint_url'],
        [{ ...base, endpoint_url: 'http://169.254.169.254/latest' }, 'endpoint_url'],
        [{ ...base, cost_limit: -1 }, 'cost_limit'],
        [{ ...base, usage_limit: 1.5 }, 'usage_limit'],
        [{ ...base, rate_limit_rpm: 0 }, 'rate_limit_rpm'],
        [{ ...base, rotate_after_days: 0 }, 'rotate_after_days'],
        [{ ...base, model_preferences: { default: { model: 'gpt-4o' } } }, 'model_preferences.default'],
        [{ ...base, model_preferences: 'gpt-4o' }, 'model_preferences'],
        [{ ...base, is_default: 'maybe' }, 'is_default'],
      ];
      for (const [body, field] of cases) {
        const res = await t.post('/api/ai-keys', { token: ws.owner.token, body });
        expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(JSON.stringify(res.body.error.details), field).toContain(field);
        expect(res.body.error.message).not.toContain(base.api_key);
      }
      const notJson = await t.post('/api/ai-keys', { token: ws.owner.token, body: '{"workspace_id":', headers: { 'content-type': 'application/json' } });
      expect(notJson.status).toBe(400);
    });

    it('refuses the same key twice in a workspace (409) but not in another workspace', async () => {
      const { apiKey } = await createKey({ key_name: 'First' });
      const again = await createKey({ key_name: 'Second', api_key: apiKey, provider: 'groq', endpoint_url: null });
      expect(again.res.status).toBe(409);
      expect(again.res.body.error.code).toBe('duplicate_key');
      expect(again.res.body.error.message).toContain('First');
      expect(JSON.stringify(again.res.body)).not.toContain(apiKey);
      const other = await t.signup();
      const otherWs = await t.createWorkspace(other.token);
      const elsewhere = await t.post('/api/ai-keys', { token: other.token, body: { workspace_id: otherWs.id, provider: 'openai', key_name: 'Mine too', api_key: apiKey } });
      expect(elsewhere.status).toBe(201);
    });

    it('stores keyless custom servers and Azure deployments', async () => {
      const custom = await t.post('/api/ai-keys', {
        token: ws.owner.token,
        body: { workspace_id: ws.workspaceId, provider: 'custom', key_name: 'Ollama', endpoint_url: `${openai.origin}/v1/` },
      });
      expect(custom.status).toBe(201);
      expect(custom.body).toMatchObject({ key_preview: null, endpoint_url: `${openai.origin}/v1` });
      // Two keyless servers are not "the same key".
      const custom2 = await t.post('/api/ai-keys', {
        token: ws.owner.token,
        body: { workspace_id: ws.workspaceId, provider: 'custom', key_name: 'LM Studio', endpoint_url: `${openai.origin}/lmstudio/v1` },
      });
      expect(custom2.status).toBe(201);
      const azure = await createKey({ provider: 'azure_openai', api_key: randomBytes(16).toString('hex'), endpoint_url: openai.origin, deployment_name: 'gpt4o-prod' });
      expect(azure.res.status).toBe(201);
      expect(azure.res.body).toMatchObject({ provider: 'azure_openai', provider_name: 'Azure OpenAI', deployment_name: 'gpt4o-prod' });
    });
  });

  describe('one default key per provider', () => {
    it('makes the first key of a provider its default and moves the flag on request', async () => {
      const owner = await t.signup();
      const w = await t.createWorkspace(owner.token, 'Defaults');
      const make = (name: string, extra: Record<string, unknown> = {}) =>
        t.post('/api/ai-keys', { token: owner.token, body: { workspace_id: w.id, provider: 'anthropic', key_name: name, api_key: newKey('sk-ant-'), ...extra } });
      const a = await make('A');
      expect(a.body.is_default).toBe(true);
      const b = await make('B');
      expect(b.body.is_default).toBe(false);
      const c = await make('C', { is_default: true });
      expect(c.body.is_default).toBe(true);
      const defaults = async () => (await t.get('/api/ai-keys', { token: owner.token, query: { workspace_id: w.id } })).body.data.filter((k: any) => k.is_default).map((k: any) => k.key_name);
      expect(await defaults()).toEqual(['C']);
      expect((await t.patch(`/api/ai-keys/${a.body.id}`, { token: owner.token, body: { is_default: true } })).body.is_default).toBe(true);
      expect(await defaults()).toEqual(['A']);
      // Another provider has its own default.
      const o = await t.post('/api/ai-keys', { token: owner.token, body: { workspace_id: w.id, provider: 'openai', key_name: 'O', api_key: newKey() } });
      expect(o.body.is_default).toBe(true);
      expect(await defaults()).toEqual(['A', 'O']);
    });

    it('keeps exactly one default when several requests race', async () => {
      const owner = await t.signup();
      const w = await t.createWorkspace(owner.token, 'Race');
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t.post('/api/ai-keys', { token: owner.token, body: { workspace_id: w.id, provider: 'mistral', key_name: `M${i}`, api_key: newKey('m'), is_default: true } }),
        ),
      );
      for (const r of results) expect([201, 409]).toContain(r.status);
      const rows = await t.db.selectFrom('ai_keys').select(['is_default']).where('workspace_id', '=', w.id).execute();
      expect(rows.filter((r) => r.is_default === 1)).toHaveLength(1);
    });
  });

  describe('read, update, delete', () => {
    it('lists with filters and reads one', async () => {
      const owner = await t.signup();
      const w = await t.createWorkspace(owner.token, 'Lists');
      const mk = (provider: string, name: string, extra: Record<string, unknown> = {}) =>
        t.post('/api/ai-keys', { token: owner.token, body: { workspace_id: w.id, provider, key_name: name, api_key: newKey(), ...extra } });
      const a = await mk('openai', 'A');
      await mk('groq', 'B');
      await mk('openai', 'C', { is_active: false });
      const all = await t.get('/api/ai-keys', { token: owner.token, query: { workspace_id: w.id } });
      expect(all.status).toBe(200);
      expect(all.body.data.map((k: any) => k.key_name).sort()).toEqual(['A', 'B', 'C']);
      const openaiOnly = await t.get('/api/ai-keys', { token: owner.token, query: { workspace_id: w.id, provider: 'openai' } });
      expect(openaiOnly.body.data.map((k: any) => k.key_name).sort()).toEqual(['A', 'C']);
      const active = await t.get('/api/ai-keys', { token: owner.token, query: { workspace_id: w.id, provider: 'openai', is_active: 'true' } });
      expect(active.body.data.map((k: any) => k.key_name)).toEqual(['A']);
      const inactive = await t.get('/api/ai-keys', { token: owner.token, query: { workspace_id: w.id, is_active: 'false' } });
      expect(inactive.body.data.map((k: any) => k.key_name)).toEqual(['C']);
      expect((await t.get('/api/ai-keys', { token: owner.token, query: { workspace_id: w.id, provider: 'nope' } })).status).toBe(400);
      expect((await t.get('/api/ai-keys', { token: owner.token })).status).toBe(400);
      const one = await t.get(`/api/ai-keys/${a.body.id}`, { token: owner.token });
      expect(one.status).toBe(200);
      expect(one.body).toEqual(a.body);
      expect((await t.get('/api/ai-keys/aik_missing', { token: owner.token })).status).toBe(404);
    });

    it("shows this month's requests, cost and last use from the gateway's usage records", async () => {
      const { id } = await createKey();
      const now = Date.now();
      const d = new Date(now);
      const today = d.toISOString().slice(0, 10);
      const lastMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 15)).toISOString().slice(0, 10);
      const daily = (day: string, requests: number, cost: number) => ({
        key_id: id, model: 'gpt-4o-mini', day, workspace_id: ws.workspaceId, provider: 'openai',
        requests, errors: 0, input_tokens: 10 * requests, output_tokens: 5 * requests, cost_micros: cost, latency_ms_total: 100,
      });
      await t.db.insertInto('ai_usage_daily').values([daily(today, 3, 1_500_000), daily(lastMonth, 100, 9_000_000)]).execute();
      await t.db.insertInto('ai_usage').values({
        id: 'use_test1', workspace_id: ws.workspaceId, key_id: id, provider: 'openai', model: 'gpt-4o-mini', token_id: null,
        input_tokens: 10, output_tokens: 5, cache_read_tokens: 0, cache_write_tokens: 0, cost_micros: 500_000, latency_ms: 30, status_code: 200, estimated: 0, unpriced: 0, stream: 0, created_at: now - 1000,
      }).execute();
      const listed = (await t.get('/api/ai-keys', { token: ws.developer.token, query: { workspace_id: ws.workspaceId } })).body.data.find((k: any) => k.id === id);
      expect(listed).toMatchObject({ usage_this_month: 3, cost_this_month: 1.5, last_used: new Date(now - 1000).toISOString() });
      expect((await t.get(`/api/ai-keys/${id}`, { token: ws.developer.token })).body).toMatchObject({ usage_this_month: 3, cost_this_month: 1.5 });
    });

    it('updates fields, clears limits with null and audits the changes', async () => {
      const { id } = await createKey({ key_name: 'Before', usage_limit: 10, cost_limit: 5 });
      const res = await t.patch(`/api/ai-keys/${id}`, {
        token: ws.admin.token,
        body: { key_name: 'After', usage_limit: null, cost_limit: 0.25, rate_limit_rpm: 30, model_preferences: { chat: 'gpt-4.1' }, is_active: false, rotate_after_days: 90 },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ key_name: 'After', usage_limit: null, cost_limit: 0.25, rate_limit_rpm: 30, model_preferences: { chat: 'gpt-4.1' }, is_active: false, rotate_after_days: 90 });
      expect(Date.parse(res.body.rotation_due_at) - Date.parse(res.body.last_rotated_at)).toBe(90 * 86_400_000);
      const cleared = await t.patch(`/api/ai-keys/${id}`, { token: ws.admin.token, body: { cost_limit: null, rate_limit_rpm: null, model_preferences: null } });
      expect(cleared.body).toMatchObject({ cost_limit: null, rate_limit_rpm: null, model_preferences: {} });
      // 0 is a cap of zero, not "no cap".
      const zero = await t.patch(`/api/ai-keys/${id}`, { token: ws.admin.token, body: { usage_limit: 0, cost_limit: 0 } });
      expect(zero.body).toMatchObject({ usage_limit: 0, cost_limit: 0 });
      const activity = await t.db.selectFrom('activity').selectAll().where('resource_id', '=', id).where('action', '=', 'ai_key.updated').orderBy('id').execute();
      expect(activity).toHaveLength(3);
      expect(JSON.parse(activity[0].details).changes).toMatchObject({ key_name: { from: 'Before', to: 'After' }, usage_limit: { from: 10, to: null } });
      // Empty and invalid patches.
      expect((await t.patch(`/api/ai-keys/${id}`, { token: ws.admin.token, body: {} })).status).toBe(400);
      const bad = await t.patch(`/api/ai-keys/${id}`, { token: ws.admin.token, body: { rate_limit_tpm: -5 } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('rate_limit_tpm');
      expect((await t.patch(`/api/ai-keys/${id}`, { token: ws.admin.token, body: { deployment_name: 'x' } })).status).toBe(400);
      const ssrf = await t.patch(`/api/ai-keys/${id}`, { token: ws.admin.token, body: { endpoint_url: 'http://192.168.1.10/v1', api_key: newKey() } });
      expect(ssrf.status).toBe(400);
      expect(ssrf.body.error).toMatchObject({ code: 'destination_not_allowed', details: { field: 'endpoint_url' } });
    });

    it('never sends a stored key to a new endpoint unless the key is entered again', async () => {
      const { id } = await createKey();
      const other = await startFakeProvider('openai', { apiKey: [] });
      try {
        const refused = await t.patch(`/api/ai-keys/${id}`, { token: ws.admin.token, body: { endpoint_url: other.endpointUrl } });
        expect(refused.status).toBe(400);
        expect(refused.body.error.details[0].field).toBe('api_key');
        const fresh = newKey();
        secrets.push(fresh);
        const ok = await t.patch(`/api/ai-keys/${id}`, { token: ws.admin.token, body: { endpoint_url: other.endpointUrl, api_key: fresh } });
        expect(ok.status).toBe(200);
        expect(ok.body).toMatchObject({ endpoint_url: other.endpointUrl, key_preview: fresh.slice(-4) });
        const actions = (await t.db.selectFrom('activity').select('action').where('resource_id', '=', id).orderBy('id').execute()).map((a) => a.action);
        expect(actions).toEqual(['ai_key.created', 'ai_key.updated', 'ai_key.rotated']);
        expect((await t.services.aiKeys.service.resolveForUse(ws.workspaceId, { keyId: id })).apiKey).toBe(fresh);
      } finally {
        await other.close();
      }
    });

    it('deletes a key with its grants', async () => {
      const { id } = await createKey();
      await t.post(`/api/workspaces/${ws.workspaceId}/permissions`, { token: ws.owner.token, body: { resource_type: 'ai_key', resource_id: id, user_id: ws.viewer.user.id, permission: 'read' } });
      const res = await t.delete(`/api/ai-keys/${id}`, { token: ws.admin.token });
      expect(res.status).toBe(204);
      expect((await t.get(`/api/ai-keys/${id}`, { token: ws.admin.token })).status).toBe(404);
      expect((await t.delete(`/api/ai-keys/${id}`, { token: ws.admin.token })).status).toBe(404);
      expect(await t.db.selectFrom('resource_grants').select('id').where('resource_id', '=', id).execute()).toHaveLength(0);
      const actions = (await t.db.selectFrom('activity').select('action').where('resource_id', '=', id).execute()).map((a) => a.action);
      expect(actions).toContain('ai_key.deleted');
    });

    it('lists the supported providers with their models and prices', async () => {
      const res = await t.get('/api/ai-keys/providers', { token: ws.viewer.token });
      expect(res.status).toBe(200);
      expect(res.body.data.map((p: any) => p.id)).toEqual(['openai', 'anthropic', 'gemini', 'mistral', 'cohere', 'groq', 'azure_openai', 'openrouter', 'custom']);
      expect(res.body.data.find((p: any) => p.id === 'openai').models).toContainEqual({ id: 'gpt-4o-mini', input_per_mtok: 0.15, output_per_mtok: 0.6, cache_read_per_mtok: 0.075 });
      expect(res.body.data.find((p: any) => p.id === 'azure_openai')).toMatchObject({ needs_endpoint_url: true, needs_deployment_name: true });
      expect(res.body.prices_checked_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  describe('authorization', () => {
    it('asks for authentication on every endpoint', async () => {
      const { id } = await createKey();
      const routes: [string, string, unknown?][] = [
        ['POST', '/api/ai-keys', { workspace_id: ws.workspaceId }],
        ['GET', `/api/ai-keys?workspace_id=${ws.workspaceId}`],
        ['GET', '/api/ai-keys/providers'],
        ['GET', `/api/ai-keys/${id}`],
        ['PATCH', `/api/ai-keys/${id}`, { key_name: 'x' }],
        ['DELETE', `/api/ai-keys/${id}`],
        ['POST', `/api/ai-keys/${id}/test`],
        ['POST', `/api/ai-keys/${id}/rotate`, { api_key: newKey() }],
      ];
      for (const [method, url, body] of routes) {
        const res = await t.request(method, url, { body });
        expect(res.status, `${method} ${url}`).toBe(401);
      }
    });

    it('applies the role matrix: developers read and test, admins and owners manage', async () => {
      const expectations: Record<Role, { create: number; read: number; write: number; del: number }> = {
        viewer: { create: 403, read: 403, write: 403, del: 403 },
        developer: { create: 403, read: 200, write: 403, del: 403 },
        admin: { create: 201, read: 200, write: 200, del: 204 },
        owner: { create: 201, read: 200, write: 200, del: 204 },
      };
      for (const role of ['viewer', 'developer', 'admin', 'owner'] as Role[]) {
        const token = ws[role].token;
        const e = expectations[role];
        const created = await createKey({ key_name: `by ${role}` }, token);
        expect(created.res.status, `${role} create`).toBe(e.create);
        const { id } = await createKey({ key_name: `for ${role}` });
        expect((await t.get(`/api/ai-keys/${id}`, { token })).status, `${role} get`).toBe(e.read);
        expect((await t.post(`/api/ai-keys/${id}/test`, { token })).status, `${role} test`).toBe(e.read);
        const listed = await t.get('/api/ai-keys', { token, query: { workspace_id: ws.workspaceId } });
        expect(listed.status).toBe(200);
        expect(listed.body.data.some((k: any) => k.id === id), `${role} list`).toBe(e.read === 200);
        expect((await t.patch(`/api/ai-keys/${id}`, { token, body: { key_name: 'renamed' } })).status, `${role} patch`).toBe(e.write);
        expect((await t.post(`/api/ai-keys/${id}/rotate`, { token, body: { api_key: newKey() } })).status, `${role} rotate`).toBe(e.write);
        expect((await t.delete(`/api/ai-keys/${id}`, { token })).status, `${role} delete`).toBe(e.del);
      }
    });

    it('lets a resource grant raise one member on one key', async () => {
      const { id } = await createKey({ key_name: 'Granted' });
      const { id: otherId } = await createKey({ key_name: 'Not granted' });
      const grant = (permission: string) =>
        t.post(`/api/workspaces/${ws.workspaceId}/permissions`, { token: ws.owner.token, body: { resource_type: 'ai_key', resource_id: id, user_id: ws.viewer.user.id, permission } });
      const v = ws.viewer.token;
      expect((await grant('read')).status).toBe(201);
      expect((await t.get(`/api/ai-keys/${id}`, { token: v })).status).toBe(200);
      expect((await t.get(`/api/ai-keys/${otherId}`, { token: v })).status).toBe(403);
      const listed = await t.get('/api/ai-keys', { token: v, query: { workspace_id: ws.workspaceId } });
      expect(listed.body.data.map((k: any) => k.id)).toEqual([id]);
      expect((await t.patch(`/api/ai-keys/${id}`, { token: v, body: { key_name: 'x' } })).status).toBe(403);
      expect((await grant('write')).status).toBe(200);
      expect((await t.patch(`/api/ai-keys/${id}`, { token: v, body: { key_name: 'Granted 2' } })).status).toBe(200);
      expect((await t.delete(`/api/ai-keys/${id}`, { token: v })).status).toBe(403);
      expect((await grant('admin')).status).toBe(200);
      expect((await t.delete(`/api/ai-keys/${id}`, { token: v })).status).toBe(204);
      // A grant can only name a key of this workspace.
      const bogus = await t.post(`/api/workspaces/${ws.workspaceId}/permissions`, {
        token: ws.owner.token,
        body: { resource_type: 'ai_key', resource_id: 'aik_nope', user_id: ws.viewer.user.id, permission: 'read' },
      });
      expect(bogus.status).toBe(404);
    });

    it('checks API token scopes', async () => {
      const { id } = await createKey();
      const readOnly = await t.apiToken(ws.owner.token, ws.workspaceId, ['ai_keys:read']);
      expect((await t.get(`/api/ai-keys/${id}`, { token: readOnly })).status).toBe(200);
      expect((await t.get('/api/ai-keys', { token: readOnly, query: { workspace_id: ws.workspaceId } })).status).toBe(200);
      expect((await t.patch(`/api/ai-keys/${id}`, { token: readOnly, body: { key_name: 'x' } })).status).toBe(403);
      const unrelated = await t.apiToken(ws.owner.token, ws.workspaceId, ['workspaces:read']);
      expect((await t.get(`/api/ai-keys/${id}`, { token: unrelated })).status).toBe(403);
      expect((await t.get('/api/ai-keys', { token: unrelated, query: { workspace_id: ws.workspaceId } })).status).toBe(403);
    });

    it("answers 404 for another workspace's key on every endpoint", async () => {
      const { id } = await createKey();
      const stranger = await t.signup();
      await t.createWorkspace(stranger.token, 'Elsewhere');
      const routes: [string, string, unknown?][] = [
        ['GET', `/api/ai-keys/${id}`],
        ['PATCH', `/api/ai-keys/${id}`, { key_name: 'x' }],
        ['DELETE', `/api/ai-keys/${id}`],
        ['POST', `/api/ai-keys/${id}/test`],
        ['POST', `/api/ai-keys/${id}/rotate`, { api_key: newKey() }],
        ['GET', `/api/ai-keys?workspace_id=${ws.workspaceId}`],
        ['POST', '/api/ai-keys', { workspace_id: ws.workspaceId, provider: 'openai', key_name: 'x', api_key: newKey() }],
      ];
      for (const [method, url, body] of routes) {
        const res = await t.request(method, url, { token: stranger.token, body });
        expect(res.status, `${method} ${url}`).toBe(404);
      }
      // A token of another workspace, even the owner's, cannot reach it either.
      const otherWs = await t.createWorkspace(ws.owner.token, 'Second');
      const scoped = await t.apiToken(ws.owner.token, otherWs.id, ['ai_keys:read', 'ai_keys:write']);
      expect((await t.get(`/api/ai-keys/${id}`, { token: scoped })).status).toBe(404);
      await expect(t.services.aiKeys.service.resolveForUse(otherWs.id, { keyId: id })).rejects.toMatchObject({ statusCode: 404 });
    });
  });

  describe('key test against real HTTP servers', () => {
    it('tells ok, invalid key, rate limited and unreachable apart, and records the outcome', async () => {
      const { id, apiKey } = await createKey();
      const ok = await t.post(`/api/ai-keys/${id}/test`, { token: ws.developer.token });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ ok: true, status: 'ok', http_status: 200 });
      expect(ok.body.latency_ms).toEqual(expect.any(Number));
      const sent = openai.requests.at(-1)!;
      expect(sent.path).toBe('/v1/models');
      expect(sent.headers.authorization).toBe(`Bearer ${apiKey}`);
      expect((await t.get(`/api/ai-keys/${id}`, { token: ws.developer.token })).body).toMatchObject({ last_test_status: 'ok', last_tested_at: expect.any(String) });

      openai.failNext({ status: 429, retryAfter: 9 });
      const limited = await t.post(`/api/ai-keys/${id}/test`, { token: ws.developer.token });
      expect(limited.body).toMatchObject({ ok: false, status: 'rate_limited', http_status: 429 });

      openai.keys.delete(apiKey); // revoked at the provider
      const invalid = await t.post(`/api/ai-keys/${id}/test`, { token: ws.developer.token });
      expect(invalid.body).toMatchObject({ ok: false, status: 'invalid_key', http_status: 401 });
      expect(invalid.body.message).not.toContain(apiKey);
      openai.keys.add(apiKey);

      const port = await closedPort();
      const down = await t.post('/api/ai-keys', {
        token: ws.owner.token,
        body: { workspace_id: ws.workspaceId, provider: 'custom', key_name: 'Down', endpoint_url: `http://127.0.0.1:${port}/v1`, api_key: newKey() },
      });
      const unreachable = await t.post(`/api/ai-keys/${down.body.id}/test`, { token: ws.developer.token });
      expect(unreachable.body).toMatchObject({ ok: false, status: 'unreachable', http_status: null });
      expect((await t.get(`/api/ai-keys/${down.body.id}`, { token: ws.developer.token })).body.last_test_status).toBe('unreachable');
    });

    it.each([
      ['anthropic', 'anthropic', 'sk-ant-'],
      ['gemini', 'gemini', 'AIza'],
    ] as const)('speaks %s’s own protocol', async (provider, kind, prefix) => {
      const apiKey = newKey(prefix);
      secrets.push(apiKey);
      const fake = await startFakeProvider(kind, { apiKey });
      try {
        const created = await t.post('/api/ai-keys', {
          token: ws.owner.token,
          body: { workspace_id: ws.workspaceId, provider, key_name: provider, endpoint_url: fake.endpointUrl, api_key: apiKey },
        });
        expect(created.status).toBe(201);
        const ok = await t.post(`/api/ai-keys/${created.body.id}/test`, { token: ws.admin.token });
        expect(ok.body).toMatchObject({ ok: true, status: 'ok' });
        const headers = fake.requests.at(-1)!.headers;
        if (provider === 'anthropic') {
          expect(headers['x-api-key']).toBe(apiKey);
          expect(headers['anthropic-version']).toEqual(expect.any(String));
        } else {
          expect(headers['x-goog-api-key']).toBe(apiKey);
        }
        fake.failNext({ status: 429 });
        expect((await t.post(`/api/ai-keys/${created.body.id}/test`, { token: ws.admin.token })).body.status).toBe('rate_limited');
        fake.acceptKeys('something-else');
        expect((await t.post(`/api/ai-keys/${created.body.id}/test`, { token: ws.admin.token })).body.status).toBe('invalid_key');
      } finally {
        await fake.close();
      }
    });

    it('limits how often one key can be tested', async () => {
      const { id } = await createKey();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await t.post(`/api/ai-keys/${id}/test`, { token: ws.admin.token })).status);
      expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(statuses[10]).toBe(429);
    });
  });

  describe('rotation', () => {
    it('switches to the new key at once, keeping id, limits and history, and records it', async () => {
      const { id, apiKey } = await createKey({ usage_limit: 500, rate_limit_rpm: 20 });
      expect((await t.services.aiKeys.service.resolveForUse(ws.workspaceId, { keyId: id })).apiKey).toBe(apiKey); // now cached
      const next = newKey();
      secrets.push(next);
      openai.acceptKeys(...secrets.filter((s) => s !== apiKey));
      const res = await t.post(`/api/ai-keys/${id}/rotate`, { token: ws.admin.token, body: { api_key: next } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, key_preview: next.slice(-4), usage_limit: 500, rate_limit_rpm: 20, previous_key_preview: null });
      expect(JSON.stringify(res.body)).not.toContain(next);
      const resolved = await t.services.aiKeys.service.resolveForUse(ws.workspaceId, { keyId: id });
      expect(resolved).toMatchObject({ id, apiKey: next, previousApiKey: null, limits: { usageLimit: 500, rateLimitRpm: 20 } });
      expect((await t.post(`/api/ai-keys/${id}/test`, { token: ws.admin.token })).body.status).toBe('ok');
      const rotated = await t.db.selectFrom('activity').selectAll().where('resource_id', '=', id).where('action', '=', 'ai_key.rotated').executeTakeFirstOrThrow();
      expect(JSON.parse(rotated.details)).toMatchObject({ previous_key_preview: apiKey.slice(-4), key_preview: next.slice(-4), grace_period_seconds: 0 });
      expect(rotated.details).not.toContain(next);
      const same = await t.post(`/api/ai-keys/${id}/rotate`, { token: ws.admin.token, body: { api_key: next } });
      expect(same.status).toBe(409);
      expect(same.body.error.code).toBe('same_key');
      const { apiKey: otherKey } = await createKey();
      const dup = await t.post(`/api/ai-keys/${id}/rotate`, { token: ws.admin.token, body: { api_key: otherKey } });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('duplicate_key');
      const bad = await t.post(`/api/ai-keys/${id}/rotate`, { token: ws.admin.token, body: { api_key: next + 'x', grace_period_seconds: 8 * 86_400 } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('grace_period_seconds');
      const missing = await t.post(`/api/ai-keys/${id}/rotate`, { token: ws.admin.token, body: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details[0].field).toBe('api_key');
      openai.acceptKeys(...secrets);
    });

    it('keeps the replaced key as a fallback during a grace period, then forgets it', async () => {
      const { id, apiKey } = await createKey();
      const next = newKey();
      secrets.push(next);
      const res = await t.post(`/api/ai-keys/${id}/rotate`, { token: ws.admin.token, body: { api_key: next, grace_period_seconds: 3600 } });
      expect(res.status).toBe(200);
      expect(res.body.previous_key_preview).toBe(apiKey.slice(-4));
      expect(Date.parse(res.body.previous_key_expires_at) - Date.now()).toBeGreaterThan(3500_000);
      expect(await t.services.aiKeys.service.resolveForUse(ws.workspaceId, { keyId: id })).toMatchObject({ apiKey: next, previousApiKey: apiKey });
      const purged = await t.services.aiKeys.service.checkRotations(Date.now() + 3601_000);
      expect(purged.purged).toBeGreaterThanOrEqual(1);
      const row = await t.db.selectFrom('ai_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ previous_encrypted_key: null, previous_key_preview: null, previous_key_expires_at: null });
    });

    it('raises ai_key.rotation_due once per key when the policy says so', async () => {
      const { id } = await createKey({ rotate_after_days: 30 });
      const { id: fresh } = await createKey({ rotate_after_days: 60 });
      const in31Days = Date.now() + 31 * 86_400_000;
      const first = await t.services.aiKeys.service.checkRotations(in31Days);
      expect(first.due).toBeGreaterThanOrEqual(1);
      const dueEvents = async (keyId: string) =>
        (await t.db.selectFrom('events').select('payload').where('type', '=', 'ai_key.rotation_due').execute()).filter((e) => JSON.parse(e.payload).resource.id === keyId);
      expect(await dueEvents(id)).toHaveLength(1);
      expect(await dueEvents(fresh)).toHaveLength(0);
      expect(JSON.parse((await dueEvents(id))[0].payload)).toMatchObject({ resource: { type: 'ai_key', id }, rotate_after_days: 30, actor: { type: 'system' } });
      await t.services.aiKeys.service.checkRotations(in31Days);
      expect(await dueEvents(id)).toHaveLength(1);
      // A rotation starts a new period.
      await t.post(`/api/ai-keys/${id}/rotate`, { token: ws.admin.token, body: { api_key: newKey() } });
      await t.services.aiKeys.service.checkRotations(Date.now() + 29 * 86_400_000);
      expect(await dueEvents(id)).toHaveLength(1);
      await t.services.aiKeys.service.checkRotations(Date.now() + 61 * 86_400_000);
      expect(await dueEvents(id)).toHaveLength(2);
      expect(await dueEvents(fresh)).toHaveLength(1);
    });
  });

  describe('for the gateway', () => {
    it('resolves by id or by default provider, decrypted, and sees changes made here at once', async () => {
      const owner = await t.signup();
      const w = await t.createWorkspace(owner.token, 'Gateway');
      const apiKey = newKey();
      secrets.push(apiKey);
      const created = await t.post('/api/ai-keys', {
        token: owner.token,
        body: { workspace_id: w.id, provider: 'openai', key_name: 'GW', api_key: apiKey, cost_limit: 3, rate_limit_tpm: 5000, model_preferences: { default: 'gpt-4o-mini' } },
      });
      const aiKeys = t.services.aiKeys.service;
      const byProvider = await aiKeys.resolveForUse(w.id, { provider: 'openai' });
      expect(byProvider).toMatchObject({
        id: created.body.id,
        workspaceId: w.id,
        provider: 'openai',
        apiKey,
        endpointUrl: null,
        deploymentName: null,
        isActive: true,
        modelPreferences: { default: 'gpt-4o-mini' },
        limits: { usageLimit: null, costLimitMicros: 3_000_000, rateLimitRpm: null, rateLimitTpm: 5000 },
      });
      await t.patch(`/api/ai-keys/${created.body.id}`, { token: owner.token, body: { is_active: false } });
      expect((await aiKeys.resolveForUse(w.id, { provider: 'openai' })).isActive).toBe(false);
      await expect(aiKeys.resolveForUse(w.id, { provider: 'anthropic' })).rejects.toMatchObject({ code: 'no_default_key', statusCode: 404 });
      await expect(aiKeys.resolveForUse(w.id, { keyId: 'aik_nope' })).rejects.toMatchObject({ code: 'not_found' });
      await t.delete(`/api/ai-keys/${created.body.id}`, { token: owner.token });
      await expect(aiKeys.resolveForUse(w.id, { keyId: created.body.id })).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('secrets at rest', () => {
    it('keeps no provider key in plain text in any table, nor a plain hash of it, nor in the logs', async () => {
      expect(secrets.length).toBeGreaterThan(10);
      const dump = await dumpDatabase(t);
      expect(dump).toContain('ai_key.created');
      for (const secret of secrets) {
        expect(dump).not.toContain(secret);
        expect(dump).not.toContain(createHash('sha256').update(secret).digest('hex'));
        expect(dump).not.toContain(createHash('sha256').update(secret).digest('base64url'));
        expect(logs).not.toContain(secret);
      }
      const rows = await t.db.selectFrom('ai_keys').select(['encrypted_key', 'key_fingerprint']).where('encrypted_key', 'is not', null).execute();
      for (const r of rows) {
        expect(r.encrypted_key).toMatch(/^v1\.1\./);
        expect(r.key_fingerprint).toMatch(/^1:[A-Za-z0-9_-]{43}$/);
      }
    });

    it('refuses a ciphertext copied to another row', async () => {
      const a = await createKey({ key_name: 'Victim' });
      const b = await createKey({ key_name: 'Attacker' });
      const blob = (await t.db.selectFrom('ai_keys').select('encrypted_key').where('id', '=', a.id).executeTakeFirstOrThrow()).encrypted_key;
      await t.db.updateTable('ai_keys').set({ encrypted_key: blob }).where('id', '=', b.id).execute();
      t.services.aiKeys.service.clearCache();
      await expect(t.services.aiKeys.service.resolveForUse(ws.workspaceId, { keyId: b.id })).rejects.toMatchObject({ code: 'secret_unreadable' });
      expect((await t.services.aiKeys.service.resolveForUse(ws.workspaceId, { keyId: a.id })).apiKey).toBe(a.apiKey);
      const tested = await t.post(`/api/ai-keys/${b.id}/test`, { token: ws.admin.token });
      expect(tested.status).toBe(500);
      expect(tested.body.error.code).toBe('secret_unreadable');
      expect(JSON.stringify(tested.body)).not.toContain(a.apiKey);
      // Nor is the grace-period copy usable as the current key.
      const rotated = await createKey();
      await t.post(`/api/ai-keys/${rotated.id}/rotate`, { token: ws.admin.token, body: { api_key: newKey(), grace_period_seconds: 60 } });
      const prev = (await t.db.selectFrom('ai_keys').select('previous_encrypted_key').where('id', '=', rotated.id).executeTakeFirstOrThrow()).previous_encrypted_key;
      expect(prev).not.toBeNull();
      await t.db.updateTable('ai_keys').set({ encrypted_key: prev }).where('id', '=', rotated.id).execute();
      t.services.aiKeys.service.clearCache();
      await expect(t.services.aiKeys.service.resolveForUse(ws.workspaceId, { keyId: rotated.id })).rejects.toMatchObject({ code: 'secret_unreadable' });
      await t.db.deleteFrom('ai_keys').where('id', 'in', [b.id, rotated.id]).execute();
    });
  });
});
