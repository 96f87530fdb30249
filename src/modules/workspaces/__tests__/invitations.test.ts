import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';

describe.each(engines)('invitations (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  async function setup() {
    const owner = await t.signup('owner');
    const ws = await t.createWorkspace(owner.token);
    const invitee = await t.signup('invitee');
    const inv = await t.post(`/api/workspaces/${ws.id}/invitations`, { token: owner.token, body: { email: invitee.user.email, role: 'developer' } });
    expect(inv.status).toBe(201);
    return { owner, ws, invitee, inv: inv.body };
  }

  it('creates a single-use invitation with a link, previews it, and accepts it', async () => {
    const { owner, ws, invitee, inv } = await setup();
    expect(inv).toMatchObject({ email: invitee.user.email, role: 'developer', status: 'pending', send_count: 1 });
    expect(inv.url).toBe(`http://atrium.test/invitations/${inv.token}`);
    expect(Date.parse(inv.expires_at) - Date.parse(inv.created_at)).toBe(7 * 24 * 3600 * 1000);

    const preview = await t.get(`/api/invitations/${inv.token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ workspace: { id: ws.id, name: 'Acme' }, role: 'developer', status: 'pending', invited_by_name: 'owner' });

    const accepted = await t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: ws.id, role: 'developer' });

    const reused = await t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('invitation_already_used');

    const list = await t.get(`/api/workspaces/${ws.id}/invitations`, { token: owner.token, query: { status: 'all' } });
    expect(list.body.data[0]).toMatchObject({ id: inv.id, status: 'accepted' });
    expect(list.body.data[0]).not.toHaveProperty('token');
    const pending = await t.get(`/api/workspaces/${ws.id}/invitations`, { token: owner.token });
    expect(pending.body.data).toHaveLength(0);

    const log = await t.get(`/api/workspaces/${ws.id}/activity`, { token: owner.token, query: { action: 'member.added' } });
    expect(log.body.data[0].resource.id).toBe(invitee.user.id);
  });

  it('refuses another user (wrong e-mail) without using the invitation up', async () => {
    const { inv, invitee } = await setup();
    const stranger = await t.signup('stranger');
    const res = await t.post(`/api/invitations/${inv.token}/accept`, { token: stranger.token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('invitation_email_mismatch');
    expect((await t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token })).status).toBe(200);
  });

  it('refuses an expired invitation with 410', async () => {
    const { inv, invitee } = await setup();
    await t.db.updateTable('invitations').set({ expires_at: Date.now() - 1000 }).where('id', '=', inv.id).execute();
    const res = await t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('invitation_expired');
  });

  it('revokes: the token stops working and cannot be revoked twice', async () => {
    const { owner, ws, inv, invitee } = await setup();
    const revoked = await t.delete(`/api/workspaces/${ws.id}/invitations/${inv.id}`, { token: owner.token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const res = await t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('invitation_revoked');
    expect((await t.delete(`/api/workspaces/${ws.id}/invitations/${inv.id}`, { token: owner.token })).status).toBe(409);
  });

  it('resends with a fresh token; the old link stops working', async () => {
    const { owner, ws, inv, invitee } = await setup();
    const resent = await t.post(`/api/workspaces/${ws.id}/invitations/${inv.id}/resend`, { token: owner.token });
    expect(resent.status).toBe(200);
    expect(resent.body.send_count).toBe(2);
    expect(resent.body.token).not.toBe(inv.token);
    expect((await t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token })).status).toBe(404);
    expect((await t.post(`/api/invitations/${resent.body.token}/accept`, { token: invitee.token })).status).toBe(200);
  });

  it('resends an expired invitation, giving it a new expiry', async () => {
    const { owner, ws, inv, invitee } = await setup();
    await t.db.updateTable('invitations').set({ expires_at: Date.now() - 1000 }).where('id', '=', inv.id).execute();
    const resent = await t.post(`/api/workspaces/${ws.id}/invitations/${inv.id}/resend`, { token: owner.token });
    expect(resent.body.status).toBe('pending');
    expect((await t.post(`/api/invitations/${resent.body.token}/accept`, { token: invitee.token })).status).toBe(200);
  });

  it('refuses duplicates: an existing member or a pending invitation', async () => {
    const { owner, ws, invitee, inv } = await setup();
    const dup = await t.post(`/api/workspaces/${ws.id}/invitations`, { token: owner.token, body: { email: invitee.user.email.toUpperCase(), role: 'viewer' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('invitation_pending');
    await t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token });
    const member = await t.post(`/api/workspaces/${ws.id}/invitations`, { token: owner.token, body: { email: invitee.user.email, role: 'viewer' } });
    expect(member.status).toBe(409);
    expect(member.body.error.code).toBe('already_member');
  });

  it('an admin cannot invite above their role; developers and viewers cannot invite', async () => {
    const { workspaceId, admin, developer, viewer } = await t.workspaceWithRoles();
    const url = `/api/workspaces/${workspaceId}/invitations`;
    const asOwner = await t.post(url, { token: admin.token, body: { email: 'boss@example.com', role: 'owner' } });
    expect(asOwner.status).toBe(403);
    expect((await t.post(url, { token: admin.token, body: { email: 'peer@example.com', role: 'admin' } })).status).toBe(201);
    expect((await t.post(url, { token: developer.token, body: { email: 'x@example.com', role: 'viewer' } })).status).toBe(403);
    expect((await t.post(url, { token: viewer.token, body: { email: 'y@example.com', role: 'viewer' } })).status).toBe(403);
    expect((await t.get(url, { token: developer.token })).status).toBe(403);
  });

  it('validates input', async () => {
    const { owner, ws } = await setup();
    const url = `/api/workspaces/${ws.id}/invitations`;
    const badEmail = await t.post(url, { token: owner.token, body: { email: 'nope', role: 'viewer' } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.details[0].field).toBe('email');
    const badRole = await t.post(url, { token: owner.token, body: { email: 'a@example.com', role: 'god' } });
    expect(badRole.body.error.details[0].field).toBe('role');
    expect((await t.get(url, { token: owner.token, query: { status: 'weird' } })).status).toBe(400);
    expect((await t.get('/api/invitations/not-a-real-token')).status).toBe(404);
  });

  it("another workspace's invitation is not found", async () => {
    const { ws, inv } = await setup();
    const other = await t.signup();
    const otherWs = await t.createWorkspace(other.token);
    expect((await t.delete(`/api/workspaces/${otherWs.id}/invitations/${inv.id}`, { token: other.token })).status).toBe(404);
    expect((await t.post(`/api/workspaces/${otherWs.id}/invitations/${inv.id}/resend`, { token: other.token })).status).toBe(404);
    expect((await t.delete(`/api/workspaces/${ws.id}/invitations/${inv.id}`, { token: other.token })).status).toBe(404);
  });

  it('two accepts racing for one token admit one member', async () => {
    const { inv, invitee, ws, owner } = await setup();
    const results = await Promise.all([
      t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token }),
      t.post(`/api/invitations/${inv.token}/accept`, { token: invitee.token }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const members = await t.get(`/api/workspaces/${ws.id}/members`, { token: owner.token });
    expect(members.body.data.filter((m: { user_id: string }) => m.user_id === invitee.user.id)).toHaveLength(1);
  });
});
