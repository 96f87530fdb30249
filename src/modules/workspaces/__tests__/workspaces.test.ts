import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';

describe.each(engines)('workspaces (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('creates a workspace with a slug from its name; the creator is owner', async () => {
    const { token } = await t.signup();
    const res = await t.post('/api/workspaces', { token, body: { name: 'Ünïcode Café Team' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Ünïcode Café Team', slug: 'unicode-cafe-team', role: 'owner' });
    expect(res.body.id).toMatch(/^ws_/);
    const again = await t.post('/api/workspaces', { token, body: { name: 'Ünïcode Café Team' } });
    expect(again.status).toBe(201);
    expect(again.body.slug).toMatch(/^unicode-cafe-team-[0-9a-f]{6}$/);
  });

  it('refuses a taken explicit slug with 409 and a bad slug with 400', async () => {
    const { token } = await t.signup();
    await t.post('/api/workspaces', { token, body: { name: 'A', slug: 'taken-slug' } });
    const taken = await t.post('/api/workspaces', { token, body: { name: 'B', slug: 'taken-slug' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slug_taken');
    const bad = await t.post('/api/workspaces', { token, body: { name: 'B', slug: 'Not A Slug' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('slug');
    const blank = await t.post('/api/workspaces', { token, body: { name: '   ' } });
    expect(blank.status).toBe(400);
  });

  it('lists only my workspaces with my role', async () => {
    const a = await t.signup();
    const b = await t.signup();
    const wsA = await t.createWorkspace(a.token, 'Mine');
    await t.createWorkspace(b.token, 'Theirs');
    const res = await t.get('/api/workspaces', { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([expect.objectContaining({ id: wsA.id, role: 'owner' })]);
  });

  it('reads, updates and deletes', async () => {
    const { token } = await t.signup();
    const ws = await t.createWorkspace(token);
    expect((await t.get(`/api/workspaces/${ws.id}`, { token })).body.name).toBe('Acme');
    const patched = await t.patch(`/api/workspaces/${ws.id}`, { token, body: { name: 'Acme 2', description: 'Ours' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Acme 2', description: 'Ours' });
    expect((await t.patch(`/api/workspaces/${ws.id}`, { token, body: {} })).status).toBe(400);
    expect((await t.delete(`/api/workspaces/${ws.id}`, { token })).status).toBe(204);
    expect((await t.get(`/api/workspaces/${ws.id}`, { token })).status).toBe(404);
    // Everything tenant-scoped went with it.
    const left = await t.db.selectFrom('activity').select('id').where('workspace_id', '=', ws.id).execute();
    expect(left).toHaveLength(0);
  });

  it('hides other workspaces: 404, not 403, for every route', async () => {
    const a = await t.signup();
    const b = await t.signup();
    const wsB = await t.createWorkspace(b.token);
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/workspaces/${wsB.id}`],
      ['PATCH', `/api/workspaces/${wsB.id}`, { name: 'x' }],
      ['DELETE', `/api/workspaces/${wsB.id}`],
      ['GET', `/api/workspaces/${wsB.id}/members`],
      ['PATCH', `/api/workspaces/${wsB.id}/members/${b.user.id}`, { role: 'viewer' }],
      ['DELETE', `/api/workspaces/${wsB.id}/members/${b.user.id}`],
      ['POST', `/api/workspaces/${wsB.id}/leave`],
      ['POST', `/api/workspaces/${wsB.id}/transfer-ownership`, { user_id: a.user.id }],
      ['GET', `/api/workspaces/${wsB.id}/invitations`],
      ['POST', `/api/workspaces/${wsB.id}/invitations`, { email: 'x@example.com', role: 'viewer' }],
      ['GET', `/api/workspaces/${wsB.id}/activity`],
      ['GET', `/api/workspaces/${wsB.id}/permissions`],
    ];
    for (const [method, url, body] of routes) {
      const res = await t.request(method, url, { token: a.token, body });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    // Unknown ids look the same as foreign ones.
    expect((await t.get('/api/workspaces/ws_doesnotexist', { token: a.token })).body).toEqual(
      (await t.get(`/api/workspaces/${wsB.id}`, { token: a.token })).body,
    );
  });

  it('needs authentication on every route', async () => {
    const routes: [string, string][] = [
      ['POST', '/api/workspaces'],
      ['GET', '/api/workspaces'],
      ['GET', '/api/workspaces/ws_x'],
      ['PATCH', '/api/workspaces/ws_x'],
      ['DELETE', '/api/workspaces/ws_x'],
      ['GET', '/api/workspaces/ws_x/members'],
      ['PATCH', '/api/workspaces/ws_x/members/usr_x'],
      ['DELETE', '/api/workspaces/ws_x/members/usr_x'],
      ['POST', '/api/workspaces/ws_x/leave'],
      ['POST', '/api/workspaces/ws_x/transfer-ownership'],
      ['POST', '/api/workspaces/ws_x/invitations'],
      ['GET', '/api/workspaces/ws_x/invitations'],
      ['DELETE', '/api/workspaces/ws_x/invitations/inv_x'],
      ['POST', '/api/workspaces/ws_x/invitations/inv_x/resend'],
      ['POST', '/api/invitations/abc/accept'],
      ['GET', '/api/workspaces/ws_x/activity'],
      ['GET', '/api/workspaces/ws_x/permissions'],
      ['GET', '/api/workspaces/ws_x/permissions/mine?resource_type=webhook&resource_id=wh_x'],
      ['POST', '/api/workspaces/ws_x/permissions'],
      ['DELETE', '/api/workspaces/ws_x/permissions/grt_x'],
    ];
    for (const [method, url] of routes) {
      // 401 comes before body validation: an anonymous caller learns nothing.
      const withBody = await t.request(method, url, { body: method === 'GET' || method === 'DELETE' ? undefined : { bogus: 1 } });
      expect(withBody.status, `${method} ${url}`).toBe(401);
      expect(withBody.body.error.code).toBe('unauthenticated');
    }
  });
});
