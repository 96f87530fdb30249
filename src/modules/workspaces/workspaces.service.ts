import { randomBytes } from 'node:crypto';
import type { Db } from '../../core/db/database.js';
import { AppError, Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { AuditLog } from '../activity/audit.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import { canAssignRole, canManageMember, type Role } from '../policy/policy.js';
import type { WorkspaceAccess } from './access.js';
import type { WorkspacesRepository } from './workspaces.repository.js';
import { slugify } from './slug.js';

const slugTaken = () => new AppError('slug_taken', 'This slug is already used by another workspace', { field: 'slug' });

export class WorkspacesService {
  constructor(
    private readonly db: Db,
    private readonly repo: WorkspacesRepository,
    private readonly access: WorkspaceAccess,
    private readonly audit: AuditLog,
  ) {}

  async create(userId: string, input: { name: string; slug?: string; description?: string }, ctx: AuditContext) {
    let slug = input.slug ?? slugify(input.name);
    if (input.slug) {
      if (await this.repo.slugExists(slug)) throw slugTaken();
    } else if (await this.repo.slugExists(slug)) {
      slug = `${slug}-${randomBytes(3).toString('hex')}`;
    }
    const now = Date.now();
    const workspace = {
      id: newId('ws'),
      name: input.name.trim(),
      slug,
      description: input.description ?? null,
      created_by: userId,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      await repo.insertWorkspace(workspace);
      await repo.insertMember({ workspace_id: workspace.id, user_id: userId, role: 'owner', invited_by: null, joined_at: now });
      await this.audit.record(trx, ctx, {
        workspaceId: workspace.id,
        action: 'workspace.created',
        resource: { type: 'workspace', id: workspace.id, name: workspace.name },
        details: { slug },
      });
    }).catch(async (error) => {
      if (await this.repo.slugExists(slug)) throw slugTaken();
      throw error;
    });
    return { ...workspace, role: 'owner' as Role };
  }

  list(principal: Principal) {
    return this.repo.listForUser(principal.userId, principal.kind === 'token' ? principal.workspaceId : undefined);
  }

  async get(principal: Principal, workspaceId: string) {
    const access = await this.access.require(principal, workspaceId, 'workspace.read');
    const workspace = await this.repo.findWorkspace(workspaceId);
    if (!workspace) throw Errors.notFound('Workspace');
    return { ...workspace, role: access.role };
  }

  async update(principal: Principal, workspaceId: string, patch: { name?: string; slug?: string; description?: string | null }, ctx: AuditContext) {
    const access = await this.access.require(principal, workspaceId, 'workspace.update');
    const before = await this.repo.findWorkspace(workspaceId);
    if (!before) throw Errors.notFound('Workspace');
    if (patch.slug && patch.slug !== before.slug && (await this.repo.slugExists(patch.slug))) throw slugTaken();
    // Only these columns, named one by one: nothing else a caller sends can reach the row.
    const set: { name?: string; slug?: string; description?: string | null } = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['name', 'slug', 'description'] as const) {
      const value = patch[key];
      if (value === undefined || value === before[key]) continue;
      if (key === 'description') set.description = value;
      else if (value !== null) set[key] = value;
      changes[key] = { from: before[key], to: value };
    }
    const now = Date.now();
    if (Object.keys(changes).length > 0) {
      await this.db.transaction().execute(async (trx) => {
        await this.repo.with(trx).updateWorkspace(workspaceId, set, now);
        await this.audit.record(trx, ctx, {
          workspaceId,
          action: 'workspace.updated',
          resource: { type: 'workspace', id: workspaceId, name: patch.name ?? before.name },
          details: { changes },
        });
      });
    }
    const after = await this.repo.findWorkspace(workspaceId);
    return { ...after!, role: access.role };
  }

  async delete(principal: Principal, workspaceId: string): Promise<void> {
    await this.access.require(principal, workspaceId, 'workspace.delete');
    // Everything tenant-scoped cascades from the workspace row, the activity log included.
    await this.repo.deleteWorkspace(workspaceId);
  }

  // — members —

  async listMembers(principal: Principal, workspaceId: string) {
    await this.access.require(principal, workspaceId, 'member.read');
    return this.repo.listMembers(workspaceId);
  }

  async changeRole(principal: Principal, workspaceId: string, userId: string, role: Role, ctx: AuditContext) {
    const access = await this.access.require(principal, workspaceId, 'member.manage');
    return this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const target = await repo.findMember(workspaceId, userId);
      if (!target) throw Errors.notFound('Member');
      if (!canManageMember(access.role, target.role) || !canAssignRole(access.role, role)) {
        throw Errors.forbidden(`A ${access.role} cannot change a ${target.role} to ${role}`);
      }
      if (target.role === role) return target;
      if (target.role === 'owner' && (await repo.countOwners(workspaceId)) <= 1) throw lastOwner();
      await repo.updateRole(workspaceId, userId, role);
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'member.role_changed',
        resource: { type: 'member', id: userId, name: target.email },
        details: { from: target.role, to: role },
      });
      return { ...target, role };
    });
  }

  async removeMember(principal: Principal, workspaceId: string, userId: string, ctx: AuditContext): Promise<void> {
    const access = await this.access.require(principal, workspaceId, 'member.manage');
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const target = await repo.findMember(workspaceId, userId);
      if (!target) throw Errors.notFound('Member');
      if (!canManageMember(access.role, target.role)) throw Errors.forbidden(`A ${access.role} cannot remove a ${target.role}`);
      if (target.role === 'owner' && (await repo.countOwners(workspaceId)) <= 1) throw lastOwner();
      await repo.deleteMember(workspaceId, userId);
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'member.removed',
        resource: { type: 'member', id: userId, name: target.email },
        details: { role: target.role },
      });
    });
  }

  async leave(principal: Principal, workspaceId: string, ctx: AuditContext): Promise<void> {
    const access = await this.access.member(principal, workspaceId);
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const me = await repo.findMember(workspaceId, access.userId);
      if (!me) throw Errors.notFound('Workspace');
      if (me.role === 'owner' && (await repo.countOwners(workspaceId)) <= 1) throw lastOwner();
      await repo.deleteMember(workspaceId, access.userId);
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'member.left',
        resource: { type: 'member', id: access.userId, name: me.email },
        details: { role: me.role },
      });
    });
  }

  /** The new owner gets `owner`; the previous owner stays on as `admin`. */
  async transferOwnership(principal: Principal, workspaceId: string, newOwnerId: string, ctx: AuditContext) {
    const access = await this.access.require(principal, workspaceId, 'workspace.transfer');
    if (newOwnerId === access.userId) throw Errors.validation('You already own this workspace', [{ field: 'user_id', message: 'is yourself' }]);
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const target = await repo.findMember(workspaceId, newOwnerId);
      if (!target) throw Errors.notFound('Member');
      await repo.updateRole(workspaceId, newOwnerId, 'owner');
      await repo.updateRole(workspaceId, access.userId, 'admin');
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'workspace.ownership_transferred',
        resource: { type: 'member', id: newOwnerId, name: target.email },
        details: { from_user_id: access.userId, to_user_id: newOwnerId, previous_role: target.role },
      });
    });
    return this.repo.listMembers(workspaceId);
  }
}

const lastOwner = () => new AppError('last_owner', 'A workspace must keep at least one owner; transfer ownership first');
