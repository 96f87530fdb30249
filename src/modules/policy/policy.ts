/**
 * Authorization rules as pure functions: no I/O, no framework. Services load
 * the facts (membership, grants, token scopes) and ask `can(...)`.
 */

export const ROLES = ['owner', 'admin', 'developer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, developer: 2, admin: 3, owner: 4 };

export const isAtLeast = (role: Role, minimum: Role): boolean => RANK[role] >= RANK[minimum];

export const GRANT_PERMISSIONS = ['read', 'write', 'admin'] as const;
export type GrantPermission = (typeof GRANT_PERMISSIONS)[number];
const GRANT_RANK: Record<GrantPermission, number> = { read: 1, write: 2, admin: 3 };

/** API token scopes. A token can do an action only if it holds the action's scope. */
export const SCOPES = [
  'workspaces:read',
  'workspaces:write',
  'members:read',
  'members:write',
  'activity:read',
  'webhooks:read',
  'webhooks:write',
  'events:write',
  'ai_keys:read',
  'ai_keys:write',
  'ai:use',
] as const;
export type Scope = (typeof SCOPES)[number];

interface ActionRule {
  /** Lowest workspace role allowed to do this everywhere in the workspace. */
  role: Role;
  scope: Scope;
  /**
   * For actions on one resource: the grant on that resource that also allows
   * it, whatever the member's role. Absent: grants never allow this action.
   */
  grant?: GrantPermission;
}

/** The role × action matrix. Keep it the single source of truth. */
export const ACTIONS = {
  'workspace.read': { role: 'viewer', scope: 'workspaces:read' },
  'workspace.update': { role: 'admin', scope: 'workspaces:write' },
  'workspace.delete': { role: 'owner', scope: 'workspaces:write' },
  'workspace.transfer': { role: 'owner', scope: 'workspaces:write' },
  'member.read': { role: 'viewer', scope: 'members:read' },
  'member.manage': { role: 'admin', scope: 'members:write' },
  'invitation.read': { role: 'admin', scope: 'members:read' },
  'invitation.manage': { role: 'admin', scope: 'members:write' },
  'permission.read': { role: 'admin', scope: 'members:read' },
  'permission.manage': { role: 'admin', scope: 'members:write' },
  'activity.read': { role: 'admin', scope: 'activity:read' },
  'webhook.read': { role: 'developer', scope: 'webhooks:read', grant: 'read' },
  'webhook.create': { role: 'admin', scope: 'webhooks:write' },
  'webhook.write': { role: 'admin', scope: 'webhooks:write', grant: 'write' },
  'webhook.delete': { role: 'admin', scope: 'webhooks:write', grant: 'admin' },
  'event.publish': { role: 'developer', scope: 'events:write' },
  'ai_key.read': { role: 'developer', scope: 'ai_keys:read', grant: 'read' },
  'ai_key.create': { role: 'admin', scope: 'ai_keys:write' },
  'ai_key.write': { role: 'admin', scope: 'ai_keys:write', grant: 'write' },
  'ai_key.delete': { role: 'admin', scope: 'ai_keys:write', grant: 'admin' },
  'ai.use': { role: 'developer', scope: 'ai:use', grant: 'read' },
  // Gateway budgets of the workspace, its members and tokens; members read them (their own limits), admins set them.
  'ai_limit.read': { role: 'developer', scope: 'ai_keys:read' },
  'ai_limit.manage': { role: 'admin', scope: 'ai_keys:write' },
  // Spend of every consumer; without it a member's usage report shows their own requests only.
  'ai_usage.read_all': { role: 'admin', scope: 'ai_keys:read' },
  'ai_route.read': { role: 'developer', scope: 'ai_keys:read' },
  'ai_route.write': { role: 'admin', scope: 'ai_keys:write' },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export interface Actor {
  /** The member's role in the workspace the action is about. */
  role: Role;
  /** Scopes when acting through an API token; undefined for a signed-in user. */
  scopes?: readonly string[];
}

/** The member's grant on the resource the action is about, if any. */
export type ResourceAccess = GrantPermission | null | undefined;

/** Whether a caller with these token scopes (undefined: a signed-in user, who holds them all) holds `scope`. */
export function holdsScope(scopes: readonly string[] | undefined, scope: Scope): boolean {
  return !scopes || scopes.includes(scope);
}

/** Whether token scopes (undefined: a signed-in user) include the scope `action` needs, whatever the role. */
export function scopesAllow(scopes: readonly string[] | undefined, action: Action): boolean {
  return holdsScope(scopes, ACTIONS[action].scope);
}

/** Scopes that allow changing state; every state-changing route requires one. */
export const WRITE_SCOPES = SCOPES.filter((s) => !s.endsWith(':read'));

export function can(actor: Actor, action: Action, grant?: ResourceAccess): boolean {
  const rule: ActionRule = ACTIONS[action];
  if (!holdsScope(actor.scopes, rule.scope)) return false;
  if (isAtLeast(actor.role, rule.role)) return true;
  return Boolean(rule.grant && grant && GRANT_RANK[grant] >= GRANT_RANK[rule.grant]);
}

/**
 * Which of a member's grants allow `action` (to filter a list in one step):
 * `'all'` when the role allows it on every resource, otherwise the ids of
 * the resources whose grant does; none without the action's token scope.
 */
export function allowedByGrants(actor: Actor, action: Action, grants: ReadonlyArray<{ resourceId: string; permission: GrantPermission }>): 'all' | string[] {
  if (!scopesAllow(actor.scopes, action)) return [];
  if (can(actor, action)) return 'all';
  return grants.filter((g) => can(actor, action, g.permission)).map((g) => g.resourceId);
}

/** Can `actorRole` give a member `newRole`, or invite someone as `newRole`? Never above oneself. */
export function canAssignRole(actorRole: Role, newRole: Role): boolean {
  return isAtLeast(actorRole, 'admin') && RANK[newRole] <= RANK[actorRole];
}

/** Can `actorRole` change or remove a member who currently holds `targetRole`? */
export function canManageMember(actorRole: Role, targetRole: Role): boolean {
  return isAtLeast(actorRole, 'admin') && RANK[targetRole] <= RANK[actorRole];
}
