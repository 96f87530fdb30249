import type { Db } from '../../core/db/database.js';
import { Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { AuditLog } from '../activity/audit.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import type { GrantPermission } from '../policy/policy.js';
import type { WorkspaceAccess } from './access.js';
import type { ResourceTypes } from './resource-types.js';
import type { WorkspacesRepository } from './workspaces.repository.js';
import type { ResourceGrantsTable } from './workspaces.tables.js';

export interface GrantInput {
  resource_type: string;
  resource_id: string;
  user_id: string;
  permission: GrantPermission;
}

/** Per-resource grants: raise one member's access to one resource above their role. */
export class PermissionsService {
  constructor(
    private readonly db: Db,
    private readonly repo: WorkspacesRepository,
    private readonly access: WorkspaceAccess,
    private readonly audit: AuditLog,
    private readonly resourceTypes: ResourceTypes,
  ) {}

  async list(principal: Principal, workspaceId: string, filter: { resourceType?: string; resourceId?: string; userId?: string }) {
    await this.access.require(principal, workspaceId, 'permission.read');
    return this.repo.listGrants(workspaceId, filter);
  }

  /**
   * The caller's own grant on one resource (any member may ask): what the
   * console needs to offer the controls a grant allows beyond the role.
   */
  async mine(principal: Principal, workspaceId: string, resourceType: string, resourceId: string) {
    await this.access.member(principal, workspaceId);
    return (await this.repo.findGrant(workspaceId, resourceType, resourceId, principal.userId))?.permission ?? null;
  }

  /** Creates the grant, or changes the permission of an existing one for the same member and resource. */
  async grant(principal: Principal, workspaceId: string, input: GrantInput, ctx: AuditContext) {
    await this.access.require(principal, workspaceId, 'permission.manage');
    if (!this.resourceTypes.types().includes(input.resource_type)) {
      throw Errors.validation(`resource_type must be one of: ${this.resourceTypes.types().join(', ')}`, [
        { field: 'resource_type', message: 'is not a resource type that takes grants' },
      ]);
    }
    return this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const resource = await this.resourceTypes.find(trx, input.resource_type, workspaceId, input.resource_id);
      if (!resource) throw Errors.notFound('Resource');
      const member = await repo.findMember(workspaceId, input.user_id);
      if (!member) throw Errors.notFound('Member');
      const now = Date.now();
      const existing = await repo.findGrant(workspaceId, input.resource_type, input.resource_id, input.user_id);
      let grant: ResourceGrantsTable;
      if (existing) {
        await repo.updateGrant(workspaceId, existing.id, input.permission, now);
        grant = { ...existing, permission: input.permission, updated_at: now };
      } else {
        grant = {
          id: newId('grt'),
          workspace_id: workspaceId,
          resource_type: input.resource_type,
          resource_id: input.resource_id,
          user_id: input.user_id,
          permission: input.permission,
          granted_by: principal.userId,
          created_at: now,
          updated_at: now,
        };
        await repo.insertGrant(grant);
      }
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'permission.granted',
        resource: { type: input.resource_type, id: input.resource_id, name: resource.name },
        details: { grant_id: grant.id, user_id: input.user_id, permission: input.permission, previous: existing?.permission ?? null },
      });
      return { grant, created: !existing };
    });
  }

  async revoke(principal: Principal, workspaceId: string, grantId: string, ctx: AuditContext): Promise<void> {
    await this.access.require(principal, workspaceId, 'permission.manage');
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const grant = await repo.findGrantById(workspaceId, grantId);
      if (!grant) throw Errors.notFound('Permission');
      await repo.deleteGrant(workspaceId, grantId);
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'permission.revoked',
        resource: { type: grant.resource_type, id: grant.resource_id },
        details: { grant_id: grant.id, user_id: grant.user_id, permission: grant.permission },
      });
    });
  }
}
