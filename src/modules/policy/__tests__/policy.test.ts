import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedByGrants, can, canAssignRole, canManageMember, ROLES, scopesAllow, type Action, type Role } from '../policy.js';

// The expected matrix, written out by hand so a change to the policy table
// has to be mirrored here on purpose.
const EXPECTED: Record<Action, Role[]> = {
  'workspace.read': ['owner', 'admin', 'developer', 'viewer'],
  'workspace.update': ['owner', 'admin'],
  'workspace.delete': ['owner'],
  'workspace.transfer': ['owner'],
  'member.read': ['owner', 'admin', 'developer', 'viewer'],
  'member.manage': ['owner', 'admin'],
  'invitation.read': ['owner', 'admin'],
  'invitation.manage': ['owner', 'admin'],
  'permission.read': ['owner', 'admin'],
  'permission.manage': ['owner', 'admin'],
  'activity.read': ['owner', 'admin'],
  'webhook.read': ['owner', 'admin', 'developer'],
  'webhook.create': ['owner', 'admin'],
  'webhook.write': ['owner', 'admin'],
  'webhook.delete': ['owner', 'admin'],
  'event.publish': ['owner', 'admin', 'developer'],
  'ai_key.read': ['owner', 'admin', 'developer'],
  'ai_key.create': ['owner', 'admin'],
  'ai_key.write': ['owner', 'admin'],
  'ai_key.delete': ['owner', 'admin'],
  'ai.use': ['owner', 'admin', 'developer'],
  'ai_limit.read': ['owner', 'admin', 'developer'],
  'ai_limit.manage': ['owner', 'admin'],
  'ai_usage.read_all': ['owner', 'admin'],
  'ai_route.read': ['owner', 'admin', 'developer'],
  'ai_route.write': ['owner', 'admin'],
};

describe('policy: role × action matrix', () => {
  it('covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const action of Object.keys(EXPECTED) as Action[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? 'can' : 'cannot'} ${action}`, () => {
        expect(can({ role }, action)).toBe(allowed);
      });
    }
  }
});

describe('policy: resource grants', () => {
  const cases: [Action, 'read' | 'write' | 'admin', boolean][] = [
    ['webhook.read', 'read', true],
    ['webhook.write', 'read', false],
    ['webhook.write', 'write', true],
    ['webhook.delete', 'write', false],
    ['webhook.delete', 'admin', true],
    ['ai_key.read', 'read', true],
    ['ai_key.write', 'write', true],
    ['ai.use', 'read', true],
    // Grants raise access to one resource, never to workspace-wide actions.
    ['webhook.create', 'admin', false],
    ['workspace.update', 'admin', false],
    ['member.manage', 'admin', false],
  ];
  it.each(cases)('viewer with %s grant "%s" → %s', (action, grant, expected) => {
    expect(can({ role: 'viewer' }, action, grant)).toBe(expected);
  });

  it('no grant means the role alone decides', () => {
    expect(can({ role: 'viewer' }, 'webhook.read', null)).toBe(false);
    expect(can({ role: 'developer' }, 'webhook.read', null)).toBe(true);
  });
});

describe('policy: token scopes', () => {
  it('a token needs the scope of the action, even for an owner', () => {
    expect(can({ role: 'owner', scopes: ['webhooks:read'] }, 'webhook.read')).toBe(true);
    expect(can({ role: 'owner', scopes: ['webhooks:read'] }, 'webhook.write')).toBe(false);
    expect(can({ role: 'owner', scopes: [] }, 'workspace.read')).toBe(false);
  });

  it('a scope never lifts a token above its creator role', () => {
    expect(can({ role: 'viewer', scopes: ['webhooks:write'] }, 'webhook.write')).toBe(false);
    expect(can({ role: 'developer', scopes: ['ai:use'] }, 'ai.use')).toBe(true);
  });

  it('scope and grant together: a viewer token with the scope and a write grant may write that resource', () => {
    expect(can({ role: 'viewer', scopes: ['webhooks:write'] }, 'webhook.write', 'write')).toBe(true);
    expect(can({ role: 'viewer', scopes: ['webhooks:read'] }, 'webhook.write', 'write')).toBe(false);
  });
});

describe('policy: assigning and managing roles', () => {
  const assign: [Role, Role, boolean][] = [
    ['owner', 'owner', true],
    ['owner', 'viewer', true],
    ['admin', 'owner', false],
    ['admin', 'admin', true],
    ['admin', 'developer', true],
    ['developer', 'viewer', false],
    ['viewer', 'viewer', false],
  ];
  it.each(assign)('%s assigning %s → %s', (actor, role, expected) => {
    expect(canAssignRole(actor, role)).toBe(expected);
  });

  const manage: [Role, Role, boolean][] = [
    ['owner', 'owner', true],
    ['admin', 'owner', false],
    ['admin', 'admin', true],
    ['admin', 'viewer', true],
    ['developer', 'viewer', false],
  ];
  it.each(manage)('%s managing a %s → %s', (actor, target, expected) => {
    expect(canManageMember(actor, target)).toBe(expected);
  });
});

describe('allowedByGrants: one policy decision for a whole list', () => {
  const grants = [
    { resourceId: 'wh_read', permission: 'read' as const },
    { resourceId: 'wh_write', permission: 'write' as const },
    { resourceId: 'wh_admin', permission: 'admin' as const },
  ];

  it('answers all for a role that may act on every resource', () => {
    expect(allowedByGrants({ role: 'admin' }, 'webhook.write', grants)).toBe('all');
    expect(allowedByGrants({ role: 'developer' }, 'webhook.read', [])).toBe('all');
  });

  it('keeps the resources whose grant is high enough for the action', () => {
    expect(allowedByGrants({ role: 'viewer' }, 'webhook.read', grants)).toEqual(['wh_read', 'wh_write', 'wh_admin']);
    expect(allowedByGrants({ role: 'developer' }, 'webhook.write', grants)).toEqual(['wh_write', 'wh_admin']);
    expect(allowedByGrants({ role: 'developer' }, 'webhook.delete', grants)).toEqual(['wh_admin']);
  });

  it('allows nothing through a token without the action scope, whatever the role or grants', () => {
    expect(allowedByGrants({ role: 'owner', scopes: ['ai_keys:read'] }, 'webhook.read', grants)).toEqual([]);
    expect(allowedByGrants({ role: 'viewer', scopes: ['webhooks:read'] }, 'webhook.read', grants)).toEqual(['wh_read', 'wh_write', 'wh_admin']);
    expect(scopesAllow(['webhooks:read'], 'webhook.write')).toBe(false);
    expect(scopesAllow(undefined, 'webhook.write')).toBe(true);
  });
});
