import type { Kysely } from 'kysely';

/**
 * Gateway budgets per consumer (ADR 0007). `ai_consumer_limits` holds the
 * limits of a workspace as a whole, of a member (all their tokens) and of an
 * API token: rpm, tpm, monthly request and cost caps, and optional lists of
 * allowed models/providers (JSON text). `ai_usage.user_id` records the
 * member a request was made for (the token's creator), so member budgets are
 * seeded and reported from usage rows. `ai_cap_reservations` holds the
 * in-flight worst-case cost of each admitted request against each cap
 * counter it applies to (PostgreSQL without Redis), until it is settled,
 * released, or expires.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_consumer_limits')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('rate_limit_rpm', 'bigint')
    .addColumn('rate_limit_tpm', 'bigint')
    .addColumn('usage_limit', 'bigint')
    .addColumn('cost_limit_micros', 'bigint')
    .addColumn('allowed_models', 'text')
    .addColumn('allowed_providers', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ai_consumer_limits_pk', ['workspace_id', 'level', 'subject_id'])
    .execute();
  await db.schema.alterTable('ai_usage').addColumn('user_id', 'text').execute();
  await db.schema.createIndex('ai_usage_token_created_idx').on('ai_usage').columns(['token_id', 'created_at']).execute();
  await db.schema.createIndex('ai_usage_user_created_idx').on('ai_usage').columns(['workspace_id', 'user_id', 'created_at']).execute();
  await db.schema
    .createTable('ai_cap_reservations')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('micros', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ai_cap_reservations_pk', ['id', 'counter_id'])
    .execute();
  await db.schema.createIndex('ai_cap_reservations_counter_idx').on('ai_cap_reservations').columns(['counter_id', 'period', 'expires_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_cap_reservations').execute();
  await db.schema.dropIndex('ai_usage_user_created_idx').execute();
  await db.schema.dropIndex('ai_usage_token_created_idx').execute();
  await db.schema.alterTable('ai_usage').dropColumn('user_id').execute();
  await db.schema.dropTable('ai_consumer_limits').execute();
}
