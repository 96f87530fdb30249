import type { Executor } from '../../core/db/database.js';
import { Errors } from '../../core/errors.js';
import type { Principal } from '../identity/principal.js';
import { allowedByGrants, can, type Action, type Role } from '../policy/policy.js';
import type { WorkspacesRepository } from './workspaces.repository.js';

export interface Access {
  workspaceId: string;
  userId: string;
  role: Role;
  principal: Principal;
}

export interface ResourceRef {
  type: string;
  id: string;
}

/**
 * Loads the facts about a caller in a workspace and asks the policy. Not a
 * member (or a token for another workspace) is 404, so a workspace's
 * existence never leaks; a member without the right is 403.
 */
export class WorkspaceAccess {
  constructor(private readonly repo: WorkspacesRepository) {}

  async require(principal: Principal, workspaceId: string, action: Action, resource?: ResourceRef): Promise<Access> {
    const access = await this.member(principal, workspaceId);
    const grant = resource
      ? (await this.repo.findGrant(workspaceId, resource.type, resource.id, principal.userId))?.permission
      : undefined;
    const scopes = principal.kind === 'token' ? principal.scopes : undefined;
    if (!can({ role: access.role, scopes }, action, grant)) throw Errors.forbidden();
    return access;
  }

  /** Membership only, no action check (e.g. to leave a workspace). */
  async member(principal: Principal, workspaceId: string): Promise<Access> {
    if (principal.kind === 'token' && principal.workspaceId !== workspaceId) throw Errors.notFound('Workspace');
    const role = await this.repo.findRole(workspaceId, principal.userId);
    if (!role) throw Errors.notFound('Workspace');
    return { workspaceId, userId: principal.userId, role, principal };
  }

  /** Whether the caller could do `action` on `resource` (to filter lists). */
  async allows(access: Access, action: Action, resource?: ResourceRef): Promise<boolean> {
    const grant = resource
      ? (await this.repo.findGrant(access.workspaceId, resource.type, resource.id, access.userId))?.permission
      : undefined;
    const scopes = access.principal.kind === 'token' ? access.principal.scopes : undefined;
    return can({ role: access.role, scopes }, action, grant);
  }

  /**
   * Which resources of a type the caller may do `action` on, decided by the
   * policy in one step: `'all'`, or the ids their grants allow (for lists).
   */
  async allowedIds(access: Access, action: Action, resourceType: string): Promise<'all' | string[]> {
    const scopes = access.principal.kind === 'token' ? access.principal.scopes : undefined;
    const actor = { role: access.role, scopes };
    if (allowedByGrants(actor, action, []) === 'all') return 'all';
    const grants = await this.repo.grantsOfMember(access.workspaceId, resourceType, access.userId);
    return allowedByGrants(actor, action, grants.map((g) => ({ resourceId: g.resource_id, permission: g.permission })));
  }

  /** Deletes the grants on a resource, in the transaction that deletes it: grants never outlive their resource. */
  async forgetResource(trx: Executor, workspaceId: string, resource: ResourceRef): Promise<void> {
    await this.repo.with(trx).deleteGrantsForResource(workspaceId, resource.type, resource.id);
  }
}
