import type { Config } from '../../core/config.js';
import { hashToken, randomToken } from '../../core/crypto.js';
import type { Db } from '../../core/db/database.js';
import { AppError, Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { AuditLog } from '../activity/audit.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import { normalizeEmail, type UserDirectory } from '../identity/users.js';
import { canAssignRole, type Role } from '../policy/policy.js';
import type { WorkspaceAccess } from './access.js';
import type { WorkspacesRepository } from './workspaces.repository.js';
import type { InvitationsTable } from './workspaces.tables.js';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationStatus(inv: InvitationsTable, now = Date.now()): InvitationStatus {
  if (inv.accepted_at !== null) return 'accepted';
  if (inv.revoked_at !== null) return 'revoked';
  if (inv.expires_at <= now) return 'expired';
  return 'pending';
}

export class InvitationsService {
  constructor(
    private readonly db: Db,
    private readonly repo: WorkspacesRepository,
    private readonly users: UserDirectory,
    private readonly access: WorkspaceAccess,
    private readonly audit: AuditLog,
    private readonly config: Config,
  ) {}

  /** The link a person opens to accept; the token only ever travels inside it. */
  link(token: string): string {
    return `${this.config.publicUrl}/invitations/${encodeURIComponent(token)}`;
  }

  async create(principal: Principal, workspaceId: string, input: { email: string; role: Role }, ctx: AuditContext) {
    const access = await this.access.require(principal, workspaceId, 'invitation.manage');
    if (!canAssignRole(access.role, input.role)) {
      throw Errors.forbidden(`A ${access.role} cannot invite someone as ${input.role}`);
    }
    const email = normalizeEmail(input.email);
    const now = Date.now();
    const token = randomToken(32);
    const invitation: InvitationsTable = {
      id: newId('inv'),
      workspace_id: workspaceId,
      email,
      role: input.role,
      token_hash: hashToken(token),
      invited_by: access.userId,
      created_at: now,
      expires_at: now + this.config.invitationTtlMs,
      last_sent_at: now,
      send_count: 1,
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const existingUser = await this.users.with(trx).findUserByEmail(email);
      if (existingUser && (await repo.findRole(workspaceId, existingUser.id))) {
        throw new AppError('already_member', `${email} is already a member of this workspace`, { field: 'email' });
      }
      if (await repo.findPendingInvitationForEmail(workspaceId, email, now)) {
        throw new AppError('invitation_pending', `${email} already has a pending invitation; resend or revoke it`, { field: 'email' });
      }
      await repo.insertInvitation(invitation);
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'invitation.created',
        resource: { type: 'invitation', id: invitation.id, name: email },
        details: { email, role: input.role },
      });
    });
    return { invitation, token };
  }

  async list(principal: Principal, workspaceId: string, status: 'pending' | 'all') {
    await this.access.require(principal, workspaceId, 'invitation.read');
    return this.repo.listInvitations(workspaceId, status === 'pending', Date.now());
  }

  async revoke(principal: Principal, workspaceId: string, id: string, ctx: AuditContext) {
    await this.access.require(principal, workspaceId, 'invitation.manage');
    return this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const inv = await repo.findInvitation(workspaceId, id);
      if (!inv) throw Errors.notFound('Invitation');
      if (invitationStatus(inv) !== 'pending') {
        throw new AppError('invitation_not_pending', `The invitation is already ${invitationStatus(inv)}`);
      }
      const now = Date.now();
      await repo.updateInvitation(workspaceId, id, { revoked_at: now });
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'invitation.revoked',
        resource: { type: 'invitation', id, name: inv.email },
        details: { email: inv.email, role: inv.role },
      });
      return { ...inv, revoked_at: now };
    });
  }

  /**
   * Issues a fresh link and a fresh expiry. The previous link stops working:
   * a token is only ever shown once, so resending means a new one.
   */
  async resend(principal: Principal, workspaceId: string, id: string, ctx: AuditContext) {
    await this.access.require(principal, workspaceId, 'invitation.manage');
    const token = randomToken(32);
    const invitation = await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const inv = await repo.findInvitation(workspaceId, id);
      if (!inv) throw Errors.notFound('Invitation');
      const status = invitationStatus(inv);
      if (status === 'accepted' || status === 'revoked') {
        throw new AppError('invitation_not_pending', `The invitation is already ${status}`);
      }
      const now = Date.now();
      const patch = {
        token_hash: hashToken(token),
        expires_at: now + this.config.invitationTtlMs,
        last_sent_at: now,
        send_count: inv.send_count + 1,
      };
      await repo.updateInvitation(workspaceId, id, patch);
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'invitation.resent',
        resource: { type: 'invitation', id, name: inv.email },
        details: { email: inv.email, role: inv.role, send_count: patch.send_count },
      });
      return { ...inv, ...patch };
    });
    return { invitation, token };
  }

  /** What the accept page shows before the person signs in. */
  async preview(token: string) {
    const inv = await this.repo.findInvitationByTokenHash(hashToken(token));
    if (!inv) throw Errors.notFound('Invitation');
    const workspace = await this.repo.findWorkspace(inv.workspace_id);
    const inviter = inv.invited_by ? await this.users.findUserById(inv.invited_by) : undefined;
    return { invitation: inv, workspace: workspace!, inviterName: inviter?.name ?? null };
  }

  async accept(principal: Principal, token: string, ctx: AuditContext) {
    const user = await this.users.findUserById(principal.userId);
    if (!user) throw Errors.unauthenticated();
    return this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const inv = await repo.findInvitationByTokenHash(hashToken(token));
      if (!inv) throw Errors.notFound('Invitation');
      const status = invitationStatus(inv);
      if (status === 'accepted') throw new AppError('invitation_already_used', 'This invitation has already been accepted');
      if (status === 'revoked') throw new AppError('invitation_revoked', 'This invitation has been revoked');
      if (status === 'expired') throw new AppError('invitation_expired', 'This invitation has expired; ask for a new one');
      if (inv.email !== user.email) {
        throw new AppError('invitation_email_mismatch', 'This invitation was sent to another e-mail address');
      }
      if (await repo.findRole(inv.workspace_id, user.id)) {
        throw new AppError('already_member', 'You are already a member of this workspace');
      }
      const now = Date.now();
      if (!(await repo.claimInvitation(inv.id, user.id, now))) {
        throw new AppError('invitation_already_used', 'This invitation has already been accepted');
      }
      await repo.insertMember({ workspace_id: inv.workspace_id, user_id: user.id, role: inv.role, invited_by: inv.invited_by, joined_at: now });
      await this.audit.record(trx, ctx, {
        workspaceId: inv.workspace_id,
        action: 'invitation.accepted',
        resource: { type: 'invitation', id: inv.id, name: inv.email },
        details: { email: inv.email, role: inv.role },
      });
      await this.audit.record(trx, ctx, {
        workspaceId: inv.workspace_id,
        action: 'member.added',
        resource: { type: 'member', id: user.id, name: user.email },
        details: { role: inv.role, invitation_id: inv.id },
      });
      const workspace = await repo.findWorkspace(inv.workspace_id);
      return { ...workspace!, role: inv.role };
    });
  }
}
