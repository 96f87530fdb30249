import type { Db, Executor } from '../../core/db/database.js';
import type { ActivityTable } from '../activity/activity.tables.js';
import type { AiUsageDailyTable } from '../ai-gateway/usage.tables.js';
import type { AiKeysTable } from '../ai-keys/ai-keys.tables.js';
import type { UsersTable } from '../auth/auth.tables.js';
import type { Role } from '../policy/policy.js';
import type { WebhookEndpointsTable, WebhookSecretsTable } from '../webhooks/webhooks.tables.js';
import type { InvitationsTable, WorkspaceMembersTable, WorkspacesTable } from '../workspaces/workspaces.tables.js';
import type { LegacyImportMapTable } from './legacy-import.tables.js';

/**
 * Every table `atrium import-legacy` writes. It is a migration tool, not a
 * feature: it writes the other modules' tables directly (their services would
 * audit each row, publish events and fire webhooks for history), with rows
 * shaped and sealed exactly as those modules shape and seal them.
 */
export class LegacyImportRepository {
  constructor(private readonly db: Executor) {}

  with(db: Executor): LegacyImportRepository {
    return new LegacyImportRepository(db);
  }

  transaction<T>(work: (repo: LegacyImportRepository) => Promise<T>): Promise<T> {
    return (this.db as Db).transaction().execute((trx) => work(this.with(trx)));
  }

  // — the id map —

  async loadMap(sourceTable: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('legacy_import_map').select(['source_id', 'target_id']).where('source_table', '=', sourceTable).execute();
    return new Map(rows.map((r) => [r.source_id, r.target_id]));
  }

  async insertMap(rows: LegacyImportMapTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await this.db.insertInto('legacy_import_map').values(rows.slice(i, i + 200)).execute();
  }

  // — what is already taken —

  async emailTaken(email: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst());
  }

  async slugTaken(slug: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst());
  }

  members(workspaceId: string): Promise<Pick<WorkspaceMembersTable, 'user_id' | 'role' | 'joined_at'>[]> {
    return this.db.selectFrom('workspace_members').select(['user_id', 'role', 'joined_at']).where('workspace_id', '=', workspaceId).execute();
  }

  async invitationTaken(tokenHash: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('invitations').select('id').where('token_hash', '=', tokenHash).executeTakeFirst());
  }

  async pendingInvitationFor(workspaceId: string, email: string, now: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('invitations')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Boolean(row);
  }

  keyInfo(id: string): Promise<Pick<AiKeysTable, 'workspace_id' | 'provider'> | undefined> {
    return this.db.selectFrom('ai_keys').select(['workspace_id', 'provider']).where('id', '=', id).executeTakeFirst();
  }

  async hasDefaultKey(workspaceId: string, provider: string): Promise<boolean> {
    const row = await this.db.selectFrom('ai_keys').select('id').where('workspace_id', '=', workspaceId).where('provider', '=', provider as AiKeysTable['provider']).where('is_default', '=', 1).executeTakeFirst();
    return Boolean(row);
  }

  async fingerprintTaken(workspaceId: string, fingerprints: string[]): Promise<boolean> {
    const row = await this.db.selectFrom('ai_keys').select('id').where('workspace_id', '=', workspaceId).where('key_fingerprint', 'in', fingerprints).executeTakeFirst();
    return Boolean(row);
  }

  // — writes —

  async insertUser(row: UsersTable): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
  }

  async insertWorkspace(row: WorkspacesTable): Promise<void> {
    await this.db.insertInto('workspaces').values(row).execute();
  }

  async insertMember(row: WorkspaceMembersTable): Promise<void> {
    await this.db.insertInto('workspace_members').values(row).execute();
  }

  async setRole(workspaceId: string, userId: string, role: Role): Promise<void> {
    await this.db.updateTable('workspace_members').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
  }

  async insertInvitation(row: InvitationsTable): Promise<void> {
    await this.db.insertInto('invitations').values(row).execute();
  }

  async insertEndpoint(endpoint: WebhookEndpointsTable, secret: WebhookSecretsTable): Promise<void> {
    await this.db.insertInto('webhook_endpoints').values(endpoint).execute();
    await this.db.insertInto('webhook_secrets').values(secret).execute();
  }

  async insertAiKey(row: AiKeysTable): Promise<void> {
    await this.db.insertInto('ai_keys').values(row).execute();
  }

  /** Adds one original usage row to its day's aggregate (several original rows can share a key, model and day). */
  async addDailyUsage(row: AiUsageDailyTable): Promise<void> {
    await this.db
      .insertInto('ai_usage_daily')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['key_id', 'model', 'day']).doUpdateSet((eb) => ({
          requests: eb('ai_usage_daily.requests', '+', eb.ref('excluded.requests')),
          errors: eb('ai_usage_daily.errors', '+', eb.ref('excluded.errors')),
          input_tokens: eb('ai_usage_daily.input_tokens', '+', eb.ref('excluded.input_tokens')),
          output_tokens: eb('ai_usage_daily.output_tokens', '+', eb.ref('excluded.output_tokens')),
          cost_micros: eb('ai_usage_daily.cost_micros', '+', eb.ref('excluded.cost_micros')),
          latency_ms_total: eb('ai_usage_daily.latency_ms_total', '+', eb.ref('excluded.latency_ms_total')),
        })),
      )
      .execute();
  }

  async insertActivity(row: ActivityTable): Promise<void> {
    await this.db.insertInto('activity').values(row).execute();
  }
}
