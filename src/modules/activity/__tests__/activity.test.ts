import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';

describe.each(engines)('activity log (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('records actor, action, resource, request id, IP and user agent', async () => {
    const { token, user } = await t.signup();
    const ws = await t.createWorkspace(token);
    await t.patch(`/api/workspaces/${ws.id}`, { token, body: { name: 'Renamed' }, headers: { 'x-request-id': 'req-42', 'user-agent': 'tests/1.0' } });
    const res = await t.get(`/api/workspaces/${ws.id}/activity`, { token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: { action: string }) => a.action)).toEqual(['workspace.updated', 'workspace.created']);
    expect(res.body.data[0]).toMatchObject({
      workspace_id: ws.id,
      actor: { type: 'user', id: user.id, name: user.name },
      resource: { type: 'workspace', id: ws.id, name: 'Renamed' },
      details: { changes: { name: { from: 'Acme', to: 'Renamed' } } },
      request_id: 'req-42',
      ip: '127.0.0.1',
      user_agent: 'tests/1.0',
    });
    expect(res.body.next_cursor).toBeNull();
  });

  it('marks changes made with an API token', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    const api = await t.apiToken(token, ws.id, ['workspaces:write']);
    await t.patch(`/api/workspaces/${ws.id}`, { token: api, body: { description: 'by token' } });
    const res = await t.get(`/api/workspaces/${ws.id}/activity`, { token, query: { action: 'workspace.updated' } });
    expect(res.body.data[0].actor.type).toBe('token');
    expect(res.body.data[0].details.via_token).toMatch(/^tok_/);
  });

  it('pages newest first with a cursor and no overlap', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    for (let i = 0; i < 7; i++) await t.patch(`/api/workspaces/${ws.id}`, { token, body: { description: `v${i}` } });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await t.get(`/api/workspaces/${ws.id}/activity`, { token, query: { limit: 3, cursor } });
      expect(res.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.data.map((a: { id: string }) => a.id));
      cursor = res.body.next_cursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('filters by action prefix, actor, resource and time range', async () => {
    const { workspaceId, owner, admin, viewer } = await t.workspaceWithRoles();
    await t.patch(`/api/workspaces/${workspaceId}/members/${viewer.user.id}`, { token: admin.token, body: { role: 'developer' } });
    const q = (query: Record<string, string>) => t.get(`/api/workspaces/${workspaceId}/activity`, { token: owner.token, query });

    const invitations = await q({ action: 'invitation.*' });
    expect(invitations.body.data.length).toBe(6); // 3 created + 3 accepted
    expect(invitations.body.data.every((a: { action: string }) => a.action.startsWith('invitation.'))).toBe(true);

    const byAdmin = await q({ actor_id: admin.user.id });
    expect(byAdmin.body.data.map((a: { action: string }) => a.action)).toEqual(['member.role_changed', 'member.added', 'invitation.accepted']);

    const aboutViewer = await q({ resource_type: 'member', resource_id: viewer.user.id });
    expect(aboutViewer.body.data.map((a: { action: string }) => a.action)).toEqual(['member.role_changed', 'member.added']);

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await q({ since: future })).body.data).toHaveLength(0);
    expect((await q({ until: new Date(0).toISOString() })).body.data).toHaveLength(0);
    expect((await q({ since: new Date(0).toISOString(), until: future })).body.data.length).toBeGreaterThan(5);
  });

  it('rejects bad filters with 400', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    const res = await t.get(`/api/workspaces/${ws.id}/activity`, { token, query: { since: 'yesterday' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('since');
    expect((await t.get(`/api/workspaces/${ws.id}/activity`, { token, query: { limit: 0 } })).status).toBe(400);
    expect((await t.get(`/api/workspaces/${ws.id}/activity`, { token, query: { limit: 1000 } })).status).toBe(400);
  });

  it('is for admins and owners only', async () => {
    const { workspaceId, owner, admin, developer, viewer } = await t.workspaceWithRoles();
    const url = `/api/workspaces/${workspaceId}/activity`;
    expect((await t.get(url, { token: owner.token })).status).toBe(200);
    expect((await t.get(url, { token: admin.token })).status).toBe(200);
    expect((await t.get(url, { token: developer.token })).status).toBe(403);
    expect((await t.get(url, { token: viewer.token })).status).toBe(403);
    expect((await t.get(url)).status).toBe(401);
  });

  it('writes nothing when the change fails: activity and events share its transaction', async () => {
    const { workspaceId, owner } = await t.workspaceWithRoles();
    const countRows = async () => {
      const a = await t.db.selectFrom('activity').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      const e = await t.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      return [Number(a.n), Number(e.n)];
    };
    const before = await countRows();
    // The last-owner rule fails inside the transaction, after it started.
    expect((await t.patch(`/api/workspaces/${workspaceId}/members/${owner.user.id}`, { token: owner.token, body: { role: 'viewer' } })).status).toBe(409);
    expect(await countRows()).toEqual(before);

    // Every activity row has its event of the same name in the outbox.
    const activity = await t.db.selectFrom('activity').select('action').where('workspace_id', '=', workspaceId).execute();
    const events = await t.db.selectFrom('events').select('type').where('workspace_id', '=', workspaceId).execute();
    expect(events.map((e) => e.type).sort()).toEqual(activity.map((a) => a.action).sort());
  });

  it('a failure in the middle of a transaction rolls the change back too', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    // A fan-out that fails makes the whole change fail: no half-written state.
    let fail = true;
    t.services.events.bus.onPublish(async (_trx, events) => {
      if (fail && events.some((e) => e.type === 'workspace.updated')) throw new Error('boom');
    });
    const res = await t.patch(`/api/workspaces/${ws.id}`, { token, body: { name: 'Never' } });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal_error');
    expect((await t.get(`/api/workspaces/${ws.id}`, { token })).body.name).toBe('Acme');
    const logged = await t.get(`/api/workspaces/${ws.id}/activity`, { token, query: { action: 'workspace.updated' } });
    expect(logged.body.data).toHaveLength(0);
    fail = false;
  });
});
