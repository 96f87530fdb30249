import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-providers.js';
import { engines } from '../../../test/harness.js';
import { addKey, gatewayTest, type GatewayTest } from './helpers.js';

describe.each(engines)('AI routes API (%s)', (engine) => {
  let g: GatewayTest;
  let fake: FakeProvider;
  let first: { id: string };
  let second: { id: string };

  beforeAll(async () => {
    g = await gatewayTest(engine);
    fake = await startFakeProvider('openai', { apiKey: [] });
    first = await addKey(g, 'openai', fake);
    second = await addKey(g, 'openai', fake, { is_default: false });
  });
  afterAll(async () => {
    await fake.close();
    await g.t.close();
  });

  const owner = () => g.ws.owner.token;
  const body = (extra: Record<string, unknown> = {}) => ({
    workspace_id: g.ws.workspaceId,
    name: `r-${Math.random().toString(36).slice(2, 10)}`,
    targets: [
      { key_id: first.id, model: 'gpt-4o-mini' },
      { key_id: second.id, model: 'gpt-4o' },
    ],
    ...extra,
  });
  const count = async () => (await g.t.db.selectFrom('ai_routes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  it('creates, lists, reads, updates and deletes a route, audited', async () => {
    const created = await g.t.post('/api/ai-routes', { token: owner(), body: body({ name: 'smart', max_retries: 2 }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'smart',
      strategy: 'fallback',
      max_retries: 2,
      backoff_ms: 200,
      breaker_failures: 5,
      breaker_cooldown_seconds: 30,
      targets: [
        { key_id: first.id, model: 'gpt-4o-mini', weight: 1 },
        { key_id: second.id, model: 'gpt-4o', weight: 1 },
      ],
    });
    const id = created.body.id as string;
    expect(id).toMatch(/^air_/);

    const listed = await g.t.get('/api/ai-routes', { token: g.ws.developer.token, query: { workspace_id: g.ws.workspaceId } });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((r: { id: string }) => r.id)).toContain(id);
    expect((await g.t.get(`/api/ai-routes/${id}`, { token: g.ws.developer.token })).body.name).toBe('smart');

    const updated = await g.t.patch(`/api/ai-routes/${id}`, { token: g.ws.admin.token, body: { strategy: 'weighted', targets: [{ key_id: second.id, model: 'gpt-4o', weight: 3 }] } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ strategy: 'weighted', targets: [{ key_id: second.id, model: 'gpt-4o', weight: 3 }], max_retries: 2 });

    expect((await g.t.delete(`/api/ai-routes/${id}`, { token: owner() })).status).toBe(204);
    expect((await g.t.get(`/api/ai-routes/${id}`, { token: owner() })).status).toBe(404);

    const activity = await g.t.db.selectFrom('activity').select(['action', 'resource_id']).where('resource_id', '=', id).orderBy('id').execute();
    expect(activity.map((a) => a.action)).toEqual(['ai_route.created', 'ai_route.updated', 'ai_route.deleted']);
    const events = await g.t.db.selectFrom('events').select('type').where('workspace_id', '=', g.ws.workspaceId).where('type', 'like', 'ai_route.%').execute();
    expect(events.map((e) => e.type).sort()).toEqual(['ai_route.created', 'ai_route.deleted', 'ai_route.updated']);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const stranger = await g.t.signup('route-stranger');
    const other = await g.t.createWorkspace(stranger.token, 'Elsewhere');
    const otherFake = await startFakeProvider('openai', { apiKey: [] });
    const foreign = await addKey({ t: g.t, ws: { ...g.ws, workspaceId: other.id, owner: stranger } }, 'openai', otherFake);
    await otherFake.close();
    const before = await count();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['unknown key', body({ targets: [{ key_id: 'aik_nope', model: 'gpt-4o' }] }), 'targets[0].key_id'],
      ["another workspace's key", body({ targets: [{ key_id: foreign.id, model: 'gpt-4o' }] }), 'targets[0].key_id'],
      ['empty targets', body({ targets: [] }), 'targets'],
      ['negative weight', body({ targets: [{ key_id: first.id, model: 'm', weight: -1 }] }), 'targets'],
      ['fractional weight', body({ targets: [{ key_id: first.id, model: 'm', weight: 1.5 }] }), 'targets'],
      ['weighted with only zero weights', body({ strategy: 'weighted', targets: [{ key_id: first.id, model: 'm', weight: 0 }] }), 'targets'],
      ['name with /', body({ name: 'openai/gpt-4o' }), 'name'],
      ['unknown field', body({ surprise: 1 }), 'surprise'],
      ['unknown target field', body({ targets: [{ key_id: first.id, model: 'm', extra: true }] }), 'targets'],
      ['NUL in the model', body({ targets: [{ key_id: first.id, model: 'gpt\u00004o' }] }), 'targets'],
      ['too many retries', body({ max_retries: 6 }), 'max_retries'],
      ['repeated target', body({ targets: [{ key_id: first.id, model: 'm' }, { key_id: first.id, model: 'm' }] }), 'targets[1]'],
    ];
    for (const [what, input, fieldName] of cases) {
      const res = await g.t.post('/api/ai-routes', { token: owner(), body: input });
      expect(res.status, what).toBe(400);
      expect(JSON.stringify(res.body.error.details ?? res.body.error.message), what).toContain(fieldName.split('[')[0]);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate name with 409 and a bad patch with 400', async () => {
    const a = await g.t.post('/api/ai-routes', { token: owner(), body: body({ name: 'dup' }) });
    expect(a.status).toBe(201);
    const b = await g.t.post('/api/ai-routes', { token: owner(), body: body({ name: 'dup' }) });
    expect(b.status).toBe(409);
    expect(b.body.error.code).toBe('route_name_taken');
    const c = await g.t.post('/api/ai-routes', { token: owner(), body: body({ name: 'dup-2' }) });
    expect((await g.t.patch(`/api/ai-routes/${c.body.id}`, { token: owner(), body: { name: 'dup' } })).status).toBe(409);
    expect((await g.t.patch(`/api/ai-routes/${c.body.id}`, { token: owner(), body: {} })).status).toBe(400);
    expect((await g.t.patch(`/api/ai-routes/${c.body.id}`, { token: owner(), body: { targets: [{ key_id: 'aik_nope', model: 'x' }] } })).status).toBe(400);
    expect((await g.t.get(`/api/ai-routes/${c.body.id}`, { token: owner() })).body.name).toBe('dup-2');
  });

  it('requires a caller, the right role and a write scope; hides other workspaces', async () => {
    const created = await g.t.post('/api/ai-routes', { token: owner(), body: body() });
    const id = created.body.id as string;
    expect((await g.t.post('/api/ai-routes', { body: body() })).status).toBe(401);
    expect((await g.t.get(`/api/ai-routes/${id}`)).status).toBe(401);
    expect((await g.t.post('/api/ai-routes', { token: g.ws.developer.token, body: body() })).status).toBe(403);
    expect((await g.t.patch(`/api/ai-routes/${id}`, { token: g.ws.developer.token, body: { max_retries: 0 } })).status).toBe(403);
    expect((await g.t.delete(`/api/ai-routes/${id}`, { token: g.ws.developer.token })).status).toBe(403);
    expect((await g.t.get(`/api/ai-routes/${id}`, { token: g.ws.viewer.token })).status).toBe(403);

    const readOnly = await g.t.apiToken(g.ws.owner.token, g.ws.workspaceId, ['ai_keys:read']);
    expect((await g.t.get(`/api/ai-routes/${id}`, { token: readOnly })).status).toBe(200);
    expect((await g.t.post('/api/ai-routes', { token: readOnly, body: body() })).status).toBe(403);
    expect((await g.t.patch(`/api/ai-routes/${id}`, { token: readOnly, body: { max_retries: 0 } })).status).toBe(403);
    expect((await g.t.delete(`/api/ai-routes/${id}`, { token: readOnly })).status).toBe(403);
    const writer = await g.t.apiToken(g.ws.owner.token, g.ws.workspaceId, ['ai_keys:write']);
    expect((await g.t.patch(`/api/ai-routes/${id}`, { token: writer, body: { max_retries: 0 } })).status).toBe(200);

    const stranger = await g.t.signup('route-outsider');
    const mine = await g.t.createWorkspace(stranger.token, 'Mine');
    expect((await g.t.get(`/api/ai-routes/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await g.t.patch(`/api/ai-routes/${id}`, { token: stranger.token, body: { max_retries: 0 } })).status).toBe(404);
    expect((await g.t.delete(`/api/ai-routes/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await g.t.get('/api/ai-routes', { token: stranger.token, query: { workspace_id: g.ws.workspaceId } })).status).toBe(404);
    expect((await g.t.post('/api/ai-routes', { token: stranger.token, body: { ...body(), workspace_id: mine.id } })).status).toBe(400);
    expect((await g.t.get(`/api/ai-routes/${id}`, { token: owner() })).body.max_retries).toBe(0);
  });
});
