import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';

describe.each(engines)('members and ownership (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('lists members with roles to every member', async () => {
    const { workspaceId, owner, viewer } = await t.workspaceWithRoles();
    const res = await t.get(`/api/workspaces/${workspaceId}/members`, { token: viewer.token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { role: string }) => m.role).sort()).toEqual(['admin', 'developer', 'owner', 'viewer']);
    expect(res.body.data.find((m: { user_id: string }) => m.user_id === owner.user.id)).toMatchObject({ email: owner.user.email, role: 'owner' });
  });

  it('admins change roles up to their own; nobody below admin can', async () => {
    const { workspaceId, admin, developer, viewer } = await t.workspaceWithRoles();
    const url = (id: string) => `/api/workspaces/${workspaceId}/members/${id}`;
    const up = await t.patch(url(viewer.user.id), { token: admin.token, body: { role: 'developer' } });
    expect(up.status).toBe(200);
    expect(up.body.role).toBe('developer');
    const tooHigh = await t.patch(url(viewer.user.id), { token: admin.token, body: { role: 'owner' } });
    expect(tooHigh.status).toBe(403);
    const byDev = await t.patch(url(viewer.user.id), { token: developer.token, body: { role: 'viewer' } });
    expect(byDev.status).toBe(403);
    const bad = await t.patch(url(viewer.user.id), { token: admin.token, body: { role: 'superuser' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('role');
    expect((await t.patch(url('usr_nobody'), { token: admin.token, body: { role: 'viewer' } })).status).toBe(404);
  });

  it('an admin cannot demote or remove an owner', async () => {
    const { workspaceId, owner, admin } = await t.workspaceWithRoles();
    const url = `/api/workspaces/${workspaceId}/members/${owner.user.id}`;
    expect((await t.patch(url, { token: admin.token, body: { role: 'viewer' } })).status).toBe(403);
    expect((await t.delete(url, { token: admin.token })).status).toBe(403);
  });

  it('always keeps at least one owner', async () => {
    const { workspaceId, owner } = await t.workspaceWithRoles();
    const demote = await t.patch(`/api/workspaces/${workspaceId}/members/${owner.user.id}`, { token: owner.token, body: { role: 'admin' } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_owner');
    expect((await t.delete(`/api/workspaces/${workspaceId}/members/${owner.user.id}`, { token: owner.token })).status).toBe(409);
    expect((await t.post(`/api/workspaces/${workspaceId}/leave`, { token: owner.token })).status).toBe(409);
  });

  it('removes a member, who then loses access and their tokens', async () => {
    const { workspaceId, admin, developer } = await t.workspaceWithRoles();
    const api = await t.apiToken(developer.token, workspaceId, ['workspaces:read']);
    expect((await t.delete(`/api/workspaces/${workspaceId}/members/${developer.user.id}`, { token: admin.token })).status).toBe(204);
    expect((await t.get(`/api/workspaces/${workspaceId}`, { token: developer.token })).status).toBe(404);
    expect((await t.get(`/api/workspaces/${workspaceId}`, { token: api })).status).toBe(401);
  });

  it('lets a member leave', async () => {
    const { workspaceId, viewer, owner } = await t.workspaceWithRoles();
    expect((await t.post(`/api/workspaces/${workspaceId}/leave`, { token: viewer.token })).status).toBe(204);
    const members = await t.get(`/api/workspaces/${workspaceId}/members`, { token: owner.token });
    expect(members.body.data.map((m: { user_id: string }) => m.user_id)).not.toContain(viewer.user.id);
  });

  it('transfers ownership: the new owner is owner, the old one admin', async () => {
    const { workspaceId, owner, developer, admin } = await t.workspaceWithRoles();
    const url = `/api/workspaces/${workspaceId}/transfer-ownership`;
    expect((await t.post(url, { token: admin.token, body: { user_id: developer.user.id } })).status).toBe(403);
    expect((await t.post(url, { token: owner.token, body: { user_id: owner.user.id } })).status).toBe(400);
    expect((await t.post(url, { token: owner.token, body: {} })).status).toBe(400);
    expect((await t.post(url, { token: owner.token, body: { user_id: 'usr_stranger' } })).status).toBe(404);
    const res = await t.post(url, { token: owner.token, body: { user_id: developer.user.id } });
    expect(res.status).toBe(200);
    const roles = Object.fromEntries(res.body.data.map((m: { user_id: string; role: string }) => [m.user_id, m.role]));
    expect(roles[developer.user.id]).toBe('owner');
    expect(roles[owner.user.id]).toBe('admin');
    expect((await t.delete(`/api/workspaces/${workspaceId}`, { token: owner.token })).status).toBe(403);
  });

  it('records each change in the activity log with the actor', async () => {
    const { workspaceId, owner, viewer } = await t.workspaceWithRoles();
    await t.patch(`/api/workspaces/${workspaceId}/members/${viewer.user.id}`, { token: owner.token, body: { role: 'developer' } });
    const log = await t.get(`/api/workspaces/${workspaceId}/activity`, { token: owner.token, query: { action: 'member.role_changed' } });
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      action: 'member.role_changed',
      actor: { type: 'user', id: owner.user.id },
      resource: { type: 'member', id: viewer.user.id, name: viewer.user.email },
      details: { from: 'viewer', to: 'developer' },
    });
  });
});
