import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';

describe.each(engines)('resource permissions (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    // Webhooks are a resource type that takes grants; the receiver address is never called here.
    t = await createTestApp(engine, { env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.0/8' } });
  });
  afterAll(() => t.close());

  async function webhook(token: string, workspaceId: string, path = 'hook') {
    const res = await t.post('/api/webhooks', { token, body: { workspace_id: workspaceId, url: `http://127.0.0.1:9/${path}` } });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  it('grants, lists, changes and revokes; the grant raises access to that resource only', async () => {
    const team = await t.workspaceWithRoles();
    const { workspaceId, owner, viewer } = team;
    const granted = await webhook(owner.token, workspaceId, 'a');
    const other = await webhook(owner.token, workspaceId, 'b');
    const url = `/api/workspaces/${workspaceId}/permissions`;

    // Without a grant a viewer cannot even read webhooks.
    expect((await t.get(`/api/webhooks/${granted.id}`, { token: viewer.token })).status).toBe(403);

    const read = await t.post(url, { token: owner.token, body: { resource_type: 'webhook', resource_id: granted.id, user_id: viewer.user.id, permission: 'read' } });
    expect(read.status).toBe(201);
    expect(read.body).toMatchObject({ resource_type: 'webhook', resource_id: granted.id, user_id: viewer.user.id, permission: 'read', granted_by: owner.user.id });
    expect((await t.get(`/api/webhooks/${granted.id}`, { token: viewer.token })).status).toBe(200);
    expect((await t.patch(`/api/webhooks/${granted.id}`, { token: viewer.token, body: { description: 'x' } })).status).toBe(403);

    // Granting again replaces the permission (200), it does not add a second grant.
    const write = await t.post(url, { token: owner.token, body: { resource_type: 'webhook', resource_id: granted.id, user_id: viewer.user.id, permission: 'write' } });
    expect(write.status).toBe(200);
    expect(write.body.id).toBe(read.body.id);
    expect((await t.patch(`/api/webhooks/${granted.id}`, { token: viewer.token, body: { description: 'by viewer' } })).status).toBe(200);
    // Only that resource, and never workspace-wide actions.
    expect((await t.get(`/api/webhooks/${other.id}`, { token: viewer.token })).status).toBe(403);
    expect((await t.delete(`/api/webhooks/${granted.id}`, { token: viewer.token })).status).toBe(403);
    expect((await t.post('/api/webhooks', { token: viewer.token, body: { workspace_id: workspaceId, url: 'http://127.0.0.1:9/c' } })).status).toBe(403);

    const listed = await t.get(url, { token: owner.token, query: { resource_id: granted.id } });
    expect(listed.body.data).toHaveLength(1);
    expect((await t.get(url, { token: owner.token, query: { user_id: owner.user.id } })).body.data).toHaveLength(0);
    expect((await t.get(url, { token: owner.token, query: { resource_type: 'webhook' } })).body.data).toHaveLength(1);

    const activity = await t.get(`/api/workspaces/${workspaceId}/activity`, { token: owner.token, query: { action: 'permission.granted' } });
    expect(activity.body.data[0].details).toMatchObject({ permission: 'write', previous: 'read', user_id: viewer.user.id });

    expect((await t.delete(`${url}/${read.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.get(`/api/webhooks/${granted.id}`, { token: viewer.token })).status).toBe(403);
    expect((await t.delete(`${url}/${read.body.id}`, { token: owner.token })).status).toBe(404);
  });

  it("tells any member their own grant on a resource, and nobody else's", async () => {
    const { workspaceId, owner, viewer, developer } = await t.workspaceWithRoles();
    const hook = await webhook(owner.token, workspaceId, 'mine');
    const mine = `/api/workspaces/${workspaceId}/permissions/mine`;
    const query = { resource_type: 'webhook', resource_id: hook.id };
    expect((await t.get(mine, { token: viewer.token, query })).body).toEqual({ permission: null });
    await t.post(`/api/workspaces/${workspaceId}/permissions`, { token: owner.token, body: { ...query, user_id: viewer.user.id, permission: 'write' } });
    const granted = await t.get(mine, { token: viewer.token, query });
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({ permission: 'write' });
    // Another member's grant is not theirs.
    expect((await t.get(mine, { token: developer.token, query })).body).toEqual({ permission: null });

    const missing = await t.get(mine, { token: viewer.token, query: { resource_type: 'webhook' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/resource_id/);
    expect((await t.get(mine, { query })).status).toBe(401);
    // Not a member of that workspace: it does not exist for them.
    const outsider = await t.signup('outsider');
    expect((await t.get(mine, { token: outsider.token, query })).status).toBe(404);
  });

  it('validates input naming the field', async () => {
    const { workspaceId, owner, viewer } = await t.workspaceWithRoles();
    const hook = await webhook(owner.token, workspaceId);
    const url = `/api/workspaces/${workspaceId}/permissions`;
    const base = { resource_type: 'webhook', resource_id: hook.id, user_id: viewer.user.id, permission: 'read' };
    const badType = await t.post(url, { token: owner.token, body: { ...base, resource_type: 'planet' } });
    expect(badType.status).toBe(400);
    expect(badType.body.error.details[0].field).toBe('resource_type');
    const badPerm = await t.post(url, { token: owner.token, body: { ...base, permission: 'root' } });
    expect(badPerm.status).toBe(400);
    expect(badPerm.body.error.details[0].field).toBe('permission');
    const missing = await t.post(url, { token: owner.token, body: { resource_type: 'webhook', permission: 'read' } });
    expect(missing.status).toBe(400);
  });

  it("refuses another workspace's resource and non-members with 404", async () => {
    const { workspaceId, owner, viewer } = await t.workspaceWithRoles();
    const stranger = await t.signup();
    const foreignWs = await t.createWorkspace(stranger.token);
    const foreignHook = await webhook(stranger.token, foreignWs.id);
    const url = `/api/workspaces/${workspaceId}/permissions`;
    const foreign = await t.post(url, { token: owner.token, body: { resource_type: 'webhook', resource_id: foreignHook.id, user_id: viewer.user.id, permission: 'read' } });
    expect(foreign.status).toBe(404);
    const hook = await webhook(owner.token, workspaceId);
    const nonMember = await t.post(url, { token: owner.token, body: { resource_type: 'webhook', resource_id: hook.id, user_id: stranger.user.id, permission: 'read' } });
    expect(nonMember.status).toBe(404);
    // And a stranger cannot touch this workspace's grants at all.
    expect((await t.get(url, { token: stranger.token })).status).toBe(404);
  });

  it('only admins and owners grant', async () => {
    const { workspaceId, owner, admin, developer, viewer } = await t.workspaceWithRoles();
    const hook = await webhook(owner.token, workspaceId);
    const body = { resource_type: 'webhook', resource_id: hook.id, user_id: viewer.user.id, permission: 'read' };
    const url = `/api/workspaces/${workspaceId}/permissions`;
    expect((await t.post(url, { token: viewer.token, body })).status).toBe(403);
    expect((await t.post(url, { token: developer.token, body })).status).toBe(403);
    expect((await t.post(url, { token: admin.token, body })).status).toBe(201);
    expect((await t.post(url, { token: owner.token, body: { ...body, permission: 'admin' } })).status).toBe(200);
    expect((await t.post(url, { body })).status).toBe(401);
  });

  it('grants go with their member and with their resource', async () => {
    const { workspaceId, owner, viewer, developer } = await t.workspaceWithRoles();
    const hook = await webhook(owner.token, workspaceId);
    const url = `/api/workspaces/${workspaceId}/permissions`;
    await t.post(url, { token: owner.token, body: { resource_type: 'webhook', resource_id: hook.id, user_id: viewer.user.id, permission: 'read' } });
    await t.post(url, { token: owner.token, body: { resource_type: 'webhook', resource_id: hook.id, user_id: developer.user.id, permission: 'write' } });
    await t.delete(`/api/workspaces/${workspaceId}/members/${viewer.user.id}`, { token: owner.token });
    expect((await t.get(url, { token: owner.token })).body.data.map((g: { user_id: string }) => g.user_id)).toEqual([developer.user.id]);
    expect((await t.delete(`/api/webhooks/${hook.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.get(url, { token: owner.token })).body.data).toHaveLength(0);
  });
});
