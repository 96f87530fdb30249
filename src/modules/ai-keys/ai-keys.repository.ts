import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { AiKeysTable } from './ai-keys.tables.js';

export interface AiKeyFilter {
  provider?: string;
  isActive?: boolean;
  /** Only these ids (members who see keys through grants only). */
  ids?: string[];
}

const DAY_MS = 86_400_000;

/**
 * Every tenant query takes the workspace id. The exceptions are marked:
 * `locate` (a key addressed by id alone, checked against its workspace right
 * after) and the system sweeps of the rotation check.
 */
export class AiKeysRepository {
  constructor(private readonly db: Executor) {}

  with(db: Executor): AiKeysRepository {
    return new AiKeysRepository(db);
  }

  async insert(row: AiKeysTable): Promise<void> {
    await this.db.insertInto('ai_keys').values(row).execute();
  }

  /** The workspace of a key addressed by id alone; the caller then checks access to that workspace. */
  async locate(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('ai_keys').select('workspace_id').where('id', '=', id).executeTakeFirst();
    return row?.workspace_id;
  }

  find(workspaceId: string, id: string): Promise<AiKeysTable | undefined> {
    return this.db.selectFrom('ai_keys').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  }

  findDefault(workspaceId: string, provider: string): Promise<AiKeysTable | undefined> {
    return this.db
      .selectFrom('ai_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('provider', '=', provider as AiKeysTable['provider'])
      .where('is_default', '=', 1)
      .executeTakeFirst();
  }

  list(workspaceId: string, f: AiKeyFilter = {}): Promise<AiKeysTable[]> {
    let q = this.db.selectFrom('ai_keys').selectAll().where('workspace_id', '=', workspaceId);
    if (f.provider) q = q.where('provider', '=', f.provider as AiKeysTable['provider']);
    if (f.isActive !== undefined) q = q.where('is_active', '=', f.isActive ? 1 : 0);
    if (f.ids) {
      if (f.ids.length === 0) return Promise.resolve([]);
      q = q.where('id', 'in', f.ids);
    }
    return q.orderBy('provider').orderBy('created_at').orderBy('id').execute();
  }

  async countForProvider(workspaceId: string, provider: string): Promise<number> {
    const row = await this.db
      .selectFrom('ai_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('provider', '=', provider as AiKeysTable['provider'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A key of the workspace whose fingerprint is one of `fingerprints` (one per master key version). */
  findByFingerprint(workspaceId: string, fingerprints: string[], exceptId?: string): Promise<Pick<AiKeysTable, 'id' | 'key_name'> | undefined> {
    let q = this.db
      .selectFrom('ai_keys')
      .select(['id', 'key_name'])
      .where('workspace_id', '=', workspaceId)
      .where('key_fingerprint', 'in', fingerprints);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return q.executeTakeFirst();
  }

  async update(workspaceId: string, id: string, patch: Partial<AiKeysTable>): Promise<void> {
    await this.db.updateTable('ai_keys').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  /**
   * Unsets the provider's other default keys. No `is_default = 1` filter on
   * purpose: on PostgreSQL the update then locks every key of the provider,
   * so two concurrent "make default" requests serialise instead of both
   * finding nothing to unset.
   */
  async clearDefault(workspaceId: string, provider: string, exceptId: string): Promise<void> {
    await this.db
      .updateTable('ai_keys')
      .set({ is_default: 0 })
      .where('workspace_id', '=', workspaceId)
      .where('provider', '=', provider as AiKeysTable['provider'])
      .where('id', '!=', exceptId)
      .execute();
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.deleteFrom('ai_keys').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  async name(workspaceId: string, id: string): Promise<{ name: string } | undefined> {
    const row = await this.db.selectFrom('ai_keys').select('key_name').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row ? { name: row.key_name } : undefined;
  }

  // — system sweeps (all workspaces) —

  /** Keys whose rotation policy says they are due and that were not reported yet. */
  findRotationDue(now: number, limit: number): Promise<AiKeysTable[]> {
    return this.db
      .selectFrom('ai_keys')
      .selectAll()
      .where('rotate_after_days', 'is not', null)
      .where('rotation_due_notified_at', 'is', null)
      // bigint arithmetic: days × ms overflows a PostgreSQL integer.
      .where(sql<number>`last_rotated_at + cast(rotate_after_days as bigint) * ${sql.lit(DAY_MS)}`, '<=', now)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /**
   * Claims the "rotation due" report of one key's current secret. Conditional
   * on the key not having been rotated or reported meanwhile, so with several
   * processes sweeping, exactly one reports it.
   */
  async claimRotationDue(workspaceId: string, id: string, lastRotatedAt: number, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('ai_keys')
      .set({ rotation_due_notified_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('last_rotated_at', '=', lastRotatedAt)
      .where('rotation_due_notified_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Forgets previous keys whose grace period is over. */
  async purgeExpiredPreviousKeys(now: number): Promise<number> {
    const result = await this.db
      .updateTable('ai_keys')
      .set({ previous_encrypted_key: null, previous_key_preview: null, previous_key_expires_at: null })
      .where('previous_key_expires_at', 'is not', null)
      .where('previous_key_expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
