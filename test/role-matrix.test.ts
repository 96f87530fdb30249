import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/modules/policy/policy.js';
import { createTestApp, engines, type Member, type TestApp } from '../src/test/harness.js';

type Team = { workspaceId: string } & Record<Role, Member>;
const ROLES: Role[] = ['owner', 'admin', 'developer', 'viewer'];

/**
 * Each role against each workspace action, over HTTP: the expected status is
 * written out per role, so the matrix is proven end to end (policy, services
 * and routes together), not only in the pure policy table.
 */
interface Case {
  name: string;
  expect: Record<Role, number>;
  run: (t: TestApp, team: Team, actor: Member) => Promise<{ status: number }>;
}

const OK_FOR = (roles: Role[], ok: number): Record<Role, number> =>
  Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? ok : 403])) as Record<Role, number>;

const cases: Case[] = [
  { name: 'read the workspace', expect: OK_FOR(ROLES, 200), run: (t, w, a) => t.get(`/api/workspaces/${w.workspaceId}`, { token: a.token }) },
  { name: 'rename the workspace', expect: OK_FOR(['owner', 'admin'], 200), run: (t, w, a) => t.patch(`/api/workspaces/${w.workspaceId}`, { token: a.token, body: { description: 'x' } }) },
  { name: 'list members', expect: OK_FOR(ROLES, 200), run: (t, w, a) => t.get(`/api/workspaces/${w.workspaceId}/members`, { token: a.token }) },
  {
    name: "change a viewer's role",
    expect: OK_FOR(['owner', 'admin'], 200),
    run: async (t, w, a) => {
      const target = await t.addMember(w.owner.token, w.workspaceId, 'viewer');
      return t.patch(`/api/workspaces/${w.workspaceId}/members/${target.user.id}`, { token: a.token, body: { role: 'developer' } });
    },
  },
  {
    name: 'remove a viewer',
    expect: OK_FOR(['owner', 'admin'], 204),
    run: async (t, w, a) => {
      const target = await t.addMember(w.owner.token, w.workspaceId, 'viewer');
      return t.delete(`/api/workspaces/${w.workspaceId}/members/${target.user.id}`, { token: a.token });
    },
  },
  { name: 'invite a viewer', expect: OK_FOR(['owner', 'admin'], 201), run: (t, w, a) => t.post(`/api/workspaces/${w.workspaceId}/invitations`, { token: a.token, body: { email: `inv-${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' } }) },
  { name: 'list invitations', expect: OK_FOR(['owner', 'admin'], 200), run: (t, w, a) => t.get(`/api/workspaces/${w.workspaceId}/invitations`, { token: a.token }) },
  {
    name: 'revoke an invitation',
    expect: OK_FOR(['owner', 'admin'], 200),
    run: async (t, w, a) => {
      const inv = await t.post(`/api/workspaces/${w.workspaceId}/invitations`, { token: w.owner.token, body: { email: `r-${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' } });
      return t.delete(`/api/workspaces/${w.workspaceId}/invitations/${inv.body.id}`, { token: a.token });
    },
  },
  {
    name: 'resend an invitation',
    expect: OK_FOR(['owner', 'admin'], 200),
    run: async (t, w, a) => {
      const inv = await t.post(`/api/workspaces/${w.workspaceId}/invitations`, { token: w.owner.token, body: { email: `s-${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' } });
      return t.post(`/api/workspaces/${w.workspaceId}/invitations/${inv.body.id}/resend`, { token: a.token });
    },
  },
  { name: 'read the activity log', expect: OK_FOR(['owner', 'admin'], 200), run: (t, w, a) => t.get(`/api/workspaces/${w.workspaceId}/activity`, { token: a.token }) },
  { name: 'list permissions', expect: OK_FOR(['owner', 'admin'], 200), run: (t, w, a) => t.get(`/api/workspaces/${w.workspaceId}/permissions`, { token: a.token }) },
  {
    name: 'read my own grant on a resource',
    expect: OK_FOR(ROLES, 200),
    run: (t, w, a) => t.get(`/api/workspaces/${w.workspaceId}/permissions/mine`, { token: a.token, query: { resource_type: 'webhook', resource_id: 'wh_any' } }),
  },
  {
    name: 'revoke a permission',
    // No grant exists with this id: allowed roles reach the lookup (404), others stop at 403.
    expect: { owner: 404, admin: 404, developer: 403, viewer: 403 },
    run: (t, w, a) => t.delete(`/api/workspaces/${w.workspaceId}/permissions/grt_missing`, { token: a.token }),
  },
  {
    name: 'transfer ownership',
    expect: OK_FOR(['owner'], 200),
    run: async (t, w, a) => {
      const target = await t.addMember(w.owner.token, w.workspaceId, 'developer');
      return t.post(`/api/workspaces/${w.workspaceId}/transfer-ownership`, { token: a.token, body: { user_id: target.user.id } });
    },
  },
  { name: 'delete the workspace', expect: OK_FOR(['owner'], 204), run: (t, w, a) => t.delete(`/api/workspaces/${w.workspaceId}`, { token: a.token }) },
];

describe.each(engines)('role × action matrix over HTTP (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  for (const c of cases) {
    it(`${c.name}: ${ROLES.map((r) => `${r} ${c.expect[r]}`).join(', ')}`, async () => {
      // A fresh team per action, so a destructive success cannot hide the next role's answer.
      const team = await t.workspaceWithRoles();
      const got: Record<string, number> = {};
      for (const role of [...ROLES].reverse()) got[role] = (await c.run(t, team, team[role])).status;
      expect(got).toEqual(c.expect);
    });
  }
});
