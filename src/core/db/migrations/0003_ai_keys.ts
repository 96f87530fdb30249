import { sql, type Kysely } from 'kysely';

/**
 * BYOK provider keys. The key is stored only as a keyring blob; a keyed
 * fingerprint finds duplicates and a preview (last 4 characters) is shown.
 * Rotations are recorded as `ai_key.rotated` activity rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('key_name', 'text', (c) => c.notNull())
    .addColumn('encrypted_key', 'text')
    .addColumn('key_fingerprint', 'text')
    .addColumn('key_preview', 'text')
    .addColumn('endpoint_url', 'text')
    .addColumn('deployment_name', 'text')
    .addColumn('model_preferences', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('usage_limit', 'bigint')
    .addColumn('cost_limit_micros', 'bigint')
    .addColumn('rate_limit_rpm', 'integer')
    .addColumn('rate_limit_tpm', 'bigint')
    .addColumn('rotate_after_days', 'integer')
    .addColumn('last_rotated_at', 'bigint', (c) => c.notNull())
    .addColumn('rotation_due_notified_at', 'bigint')
    .addColumn('previous_encrypted_key', 'text')
    .addColumn('previous_key_preview', 'text')
    .addColumn('previous_key_expires_at', 'bigint')
    .addColumn('last_tested_at', 'bigint')
    .addColumn('last_test_status', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ai_keys_workspace_provider_idx').on('ai_keys').columns(['workspace_id', 'provider']).execute();
  // The same key twice in one workspace is refused (NULLs, keyless custom servers, never collide).
  await db.schema.createIndex('ai_keys_fingerprint_unique').on('ai_keys').columns(['workspace_id', 'key_fingerprint']).unique().execute();
  // One default key per provider per workspace, even if two requests race.
  await db.schema
    .createIndex('ai_keys_one_default')
    .on('ai_keys')
    .columns(['workspace_id', 'provider'])
    .unique()
    .where(sql.ref('is_default'), '=', 1)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_keys').execute();
}
