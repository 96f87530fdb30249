import type { Dialect, Executor } from '../../core/db/database.js';
import { LookupBatcher } from '../../core/db/lookup-batcher.js';
import type { Role } from '../policy/policy.js';
import type {
  InvitationsTable,
  ResourceGrantsTable,
  WorkspaceMembersTable,
  WorkspacesTable,
} from './workspaces.tables.js';

export interface MemberRow extends WorkspaceMembersTable {
  email: string;
  name: string;
}

export interface MembershipRow extends WorkspacesTable {
  role: Role;
}

/** Every query that reads tenant data takes the workspace id explicitly. */
export class WorkspacesRepository {
  /**
   * PostgreSQL: members' roles, which every workspace-scoped request looks
   * up, coalesced across concurrent requests (see LookupBatcher). SQLite
   * answers in process, without a round trip to save.
   */
  private readonly roles?: LookupBatcher<{ workspaceId: string; userId: string }, Role>;

  /** `dialect` only for the root repository; `with(trx)` ones query directly. */
  constructor(private readonly db: Executor, dialect?: Dialect) {
    if (dialect === 'postgres') {
      this.roles = new LookupBatcher(async (members) => {
        const rows = await this.db
          .selectFrom('workspace_members')
          .select(['workspace_id', 'user_id', 'role'])
          .where((eb) => eb(eb.refTuple('workspace_id', 'user_id'), 'in', members.map((m) => eb.tuple(m.workspaceId, m.userId))))
          .execute();
        return new Map(rows.map((r) => [memberKey(r.workspace_id, r.user_id), r.role]));
      }, (m) => memberKey(m.workspaceId, m.userId));
    }
  }

  with(db: Executor): WorkspacesRepository {
    return new WorkspacesRepository(db);
  }

  // — workspaces —

  async insertWorkspace(row: WorkspacesTable): Promise<void> {
    await this.db.insertInto('workspaces').values(row).execute();
  }

  findWorkspace(id: string): Promise<WorkspacesTable | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async slugExists(slug: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst());
  }

  listForUser(userId: string, onlyWorkspaceId?: string): Promise<MembershipRow[]> {
    let q = this.db
      .selectFrom('workspace_members as m')
      .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
      .selectAll('w')
      .select('m.role')
      .where('m.user_id', '=', userId);
    if (onlyWorkspaceId) q = q.where('w.id', '=', onlyWorkspaceId);
    return q.orderBy('w.name').execute();
  }

  async updateWorkspace(id: string, patch: Partial<Pick<WorkspacesTable, 'name' | 'slug' | 'description'>>, now: number): Promise<void> {
    const { name, slug, description } = patch;
    await this.db.updateTable('workspaces').set({ name, slug, description, updated_at: now }).where('id', '=', id).execute();
  }

  async deleteWorkspace(id: string): Promise<void> {
    await this.db.deleteFrom('workspaces').where('id', '=', id).execute();
  }

  // — members —

  async findRole(workspaceId: string, userId: string): Promise<Role | undefined> {
    if (this.roles) return this.roles.get({ workspaceId, userId });
    const row = await this.db
      .selectFrom('workspace_members')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role;
  }

  private members(workspaceId: string) {
    return this.db
      .selectFrom('workspace_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .selectAll('m')
      .select(['u.email', 'u.name'])
      .where('m.workspace_id', '=', workspaceId);
  }

  listMembers(workspaceId: string): Promise<MemberRow[]> {
    return this.members(workspaceId).orderBy('m.joined_at').execute();
  }

  findMember(workspaceId: string, userId: string): Promise<MemberRow | undefined> {
    return this.members(workspaceId).where('m.user_id', '=', userId).executeTakeFirst();
  }

  async insertMember(row: WorkspaceMembersTable): Promise<void> {
    await this.db.insertInto('workspace_members').values(row).execute();
  }

  async updateRole(workspaceId: string, userId: string, role: Role): Promise<void> {
    await this.db
      .updateTable('workspace_members')
      .set({ role })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
  }

  async deleteMember(workspaceId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('workspace_members').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    // A former member keeps nothing: grants and API tokens for this workspace go too.
    await this.db.deleteFrom('resource_grants').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    await this.db.deleteFrom('api_tokens').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
  }

  async countOwners(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('workspace_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // — invitations —

  async insertInvitation(row: InvitationsTable): Promise<void> {
    await this.db.insertInto('invitations').values(row).execute();
  }

  listInvitations(workspaceId: string, pendingOnly: boolean, now: number): Promise<InvitationsTable[]> {
    let q = this.db.selectFrom('invitations').selectAll().where('workspace_id', '=', workspaceId);
    if (pendingOnly) q = q.where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now);
    return q.orderBy('created_at', 'desc').execute();
  }

  findInvitation(workspaceId: string, id: string): Promise<InvitationsTable | undefined> {
    return this.db.selectFrom('invitations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  }

  findInvitationByTokenHash(tokenHash: string): Promise<InvitationsTable | undefined> {
    return this.db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  findPendingInvitationForEmail(workspaceId: string, email: string, now: number): Promise<InvitationsTable | undefined> {
    return this.db
      .selectFrom('invitations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  async updateInvitation(workspaceId: string, id: string, patch: Partial<InvitationsTable>): Promise<void> {
    await this.db.updateTable('invitations').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  /**
   * Marks an invitation accepted only if it still is pending: the conditional
   * update makes a token single-use even when two accepts race.
   */
  async claimInvitation(id: string, userId: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // — resource grants —

  findGrant(workspaceId: string, resourceType: string, resourceId: string, userId: string): Promise<ResourceGrantsTable | undefined> {
    return this.db
      .selectFrom('resource_grants')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('resource_type', '=', resourceType)
      .where('resource_id', '=', resourceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** A member's grants on resources of one type (to filter lists for low roles in one query). */
  grantsOfMember(workspaceId: string, resourceType: string, userId: string): Promise<Pick<ResourceGrantsTable, 'resource_id' | 'permission'>[]> {
    return this.db
      .selectFrom('resource_grants')
      .select(['resource_id', 'permission'])
      .where('workspace_id', '=', workspaceId)
      .where('resource_type', '=', resourceType)
      .where('user_id', '=', userId)
      .execute();
  }

  listGrants(workspaceId: string, f: { resourceType?: string; resourceId?: string; userId?: string }): Promise<ResourceGrantsTable[]> {
    let q = this.db.selectFrom('resource_grants').selectAll().where('workspace_id', '=', workspaceId);
    if (f.resourceType) q = q.where('resource_type', '=', f.resourceType);
    if (f.resourceId) q = q.where('resource_id', '=', f.resourceId);
    if (f.userId) q = q.where('user_id', '=', f.userId);
    return q.orderBy('created_at', 'desc').execute();
  }

  findGrantById(workspaceId: string, id: string): Promise<ResourceGrantsTable | undefined> {
    return this.db.selectFrom('resource_grants').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  }

  async insertGrant(row: ResourceGrantsTable): Promise<void> {
    await this.db.insertInto('resource_grants').values(row).execute();
  }

  async updateGrant(workspaceId: string, id: string, permission: ResourceGrantsTable['permission'], now: number): Promise<void> {
    await this.db.updateTable('resource_grants').set({ permission, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  async deleteGrant(workspaceId: string, id: string): Promise<void> {
    await this.db.deleteFrom('resource_grants').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  /** Called when a resource is deleted so its grants do not outlive it. */
  async deleteGrantsForResource(workspaceId: string, resourceType: string, resourceId: string): Promise<void> {
    await this.db
      .deleteFrom('resource_grants')
      .where('workspace_id', '=', workspaceId)
      .where('resource_type', '=', resourceType)
      .where('resource_id', '=', resourceId)
      .execute();
  }
}

const memberKey = (workspaceId: string, userId: string) => `${workspaceId}\u0000${userId}`;
