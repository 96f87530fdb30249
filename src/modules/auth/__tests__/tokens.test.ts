import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';

describe.each(engines)('API tokens (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('creates a token shown once, lists it by prefix only, and revokes it', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    const created = await t.post('/api/tokens', { token, body: { name: 'CI', workspace_id: ws.id, scopes: ['workspaces:read'] } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^atr_/);
    expect(created.body.token.startsWith(created.body.token_prefix)).toBe(true);
    expect(created.body.token_prefix.length).toBeLessThan(created.body.token.length / 2);

    const listed = await t.get('/api/tokens', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).not.toHaveProperty('token');
    expect(listed.body.data[0]).toMatchObject({ id: created.body.id, name: 'CI', scopes: ['workspaces:read'], workspace_id: ws.id });

    const api = created.body.token;
    expect((await t.get(`/api/workspaces/${ws.id}`, { token: api })).status).toBe(200);
    expect((await t.delete(`/api/tokens/${created.body.id}`, { token })).status).toBe(204);
    expect((await t.get(`/api/workspaces/${ws.id}`, { token: api })).status).toBe(401);
    expect((await t.get('/api/tokens', { token })).body.data).toHaveLength(0);
  });

  it('records last use', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    const api = await t.apiToken(token, ws.id, ['workspaces:read']);
    await t.get(`/api/workspaces/${ws.id}`, { token: api });
    const listed = await t.get('/api/tokens', { token });
    expect(listed.body.data[0].last_used_at).not.toBeNull();
  });

  it('rejects bad input naming the field', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    const unknownScope = await t.post('/api/tokens', { token, body: { name: 'x', workspace_id: ws.id, scopes: ['root'] } });
    expect(unknownScope.status).toBe(400);
    expect(unknownScope.body.error.details[0].field).toMatch(/^scopes/);
    const noScopes = await t.post('/api/tokens', { token, body: { name: 'x', workspace_id: ws.id, scopes: [] } });
    expect(noScopes.status).toBe(400);
    const noName = await t.post('/api/tokens', { token, body: { workspace_id: ws.id, scopes: ['ai:use'] } });
    expect(noName.body.error.details[0].field).toBe('name');
  });

  it('needs a signed-in user: no auth is 401, an API token is 403', async () => {
    expect((await t.post('/api/tokens', { body: { name: 'x', workspace_id: 'ws_x', scopes: ['ai:use'] } })).status).toBe(401);
    expect((await t.get('/api/tokens')).status).toBe(401);
    expect((await t.delete('/api/tokens/tok_x')).status).toBe(401);
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    const api = await t.apiToken(token, ws.id, ['workspaces:read', 'workspaces:write']);
    const minted = await t.post('/api/tokens', { token: api, body: { name: 'x', workspace_id: ws.id, scopes: ['workspaces:read'] } });
    expect(minted.status).toBe(403);
  });

  it("cannot be created for a workspace one is not a member of (404), nor revoke someone else's token (404)", async () => {
    const a = await t.signup();
    const b = await t.signup();
    const wsB = await t.createWorkspace(b.token);
    const res = await t.post('/api/tokens', { token: a.token, body: { name: 'x', workspace_id: wsB.id, scopes: ['workspaces:read'] } });
    expect(res.status).toBe(404);
    const bToken = await t.post('/api/tokens', { token: b.token, body: { name: 'b', workspace_id: wsB.id, scopes: ['workspaces:read'] } });
    expect((await t.delete(`/api/tokens/${bToken.body.id}`, { token: a.token })).status).toBe(404);
    expect((await t.get(`/api/workspaces/${wsB.id}`, { token: bToken.body.token })).status).toBe(200);
  });

  it('is limited to its workspace, its scopes and its creator role', async () => {
    const { workspaceId, owner, viewer } = await t.workspaceWithRoles();
    const other = await t.createWorkspace(owner.token, 'Other');

    const readOnly = await t.apiToken(owner.token, workspaceId, ['workspaces:read']);
    expect((await t.get(`/api/workspaces/${workspaceId}`, { token: readOnly })).status).toBe(200);
    // Another workspace of the same owner is invisible to this token.
    expect((await t.get(`/api/workspaces/${other.id}`, { token: readOnly })).status).toBe(404);
    const listed = await t.get('/api/workspaces', { token: readOnly });
    expect(listed.body.data.map((w: { id: string }) => w.id)).toEqual([workspaceId]);
    // Missing scope.
    expect((await t.patch(`/api/workspaces/${workspaceId}`, { token: readOnly, body: { name: 'X' } })).status).toBe(403);
    // A token cannot create workspaces.
    expect((await t.post('/api/workspaces', { token: readOnly, body: { name: 'X' } })).status).toBe(403);

    // A viewer's token with a write scope still cannot write.
    const viewerToken = await t.apiToken(viewer.token, workspaceId, ['workspaces:read', 'workspaces:write']);
    expect((await t.patch(`/api/workspaces/${workspaceId}`, { token: viewerToken, body: { name: 'X' } })).status).toBe(403);

    // The creator's role is read live: once removed from the workspace, the token is gone too.
    expect((await t.delete(`/api/workspaces/${workspaceId}/members/${viewer.user.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.get(`/api/workspaces/${workspaceId}`, { token: viewerToken })).status).toBe(401);
  });

  it('expires', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    const res = await t.post('/api/tokens', { token, body: { name: 'x', workspace_id: ws.id, scopes: ['workspaces:read'], expires_in_days: 1 } });
    expect(res.body.expires_at).not.toBeNull();
    await t.db.updateTable('api_tokens').set({ expires_at: Date.now() - 1 }).where('id', '=', res.body.id).execute();
    expect((await t.get(`/api/workspaces/${ws.id}`, { token: res.body.token })).status).toBe(401);
  });
});
