import type { Kysely } from 'kysely';

/**
 * AI gateway usage: one row per request, daily aggregates per key and model,
 * and the cap thresholds already announced. key_id has no foreign key: usage
 * history outlives a deleted key (the workspace's spend stays accountable).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_usage')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text')
    .addColumn('input_tokens', 'bigint', (c) => c.notNull())
    .addColumn('output_tokens', 'bigint', (c) => c.notNull())
    .addColumn('cost_micros', 'bigint', (c) => c.notNull())
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('estimated', 'integer', (c) => c.notNull())
    .addColumn('unpriced', 'integer', (c) => c.notNull())
    .addColumn('stream', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ai_usage_key_created_idx').on('ai_usage').columns(['key_id', 'created_at']).execute();
  await db.schema.createIndex('ai_usage_workspace_created_idx').on('ai_usage').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('ai_usage_daily')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('requests', 'bigint', (c) => c.notNull())
    .addColumn('errors', 'bigint', (c) => c.notNull())
    .addColumn('input_tokens', 'bigint', (c) => c.notNull())
    .addColumn('output_tokens', 'bigint', (c) => c.notNull())
    .addColumn('cost_micros', 'bigint', (c) => c.notNull())
    .addColumn('latency_ms_total', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ai_usage_daily_pk', ['key_id', 'model', 'day'])
    .execute();
  await db.schema.createIndex('ai_usage_daily_key_day_idx').on('ai_usage_daily').columns(['key_id', 'day']).execute();

  await db.schema
    .createTable('ai_usage_alerts')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ai_usage_alerts_pk', ['key_id', 'period', 'metric', 'threshold'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_usage_alerts').execute();
  await db.schema.dropTable('ai_usage_daily').execute();
  await db.schema.dropTable('ai_usage').execute();
}
