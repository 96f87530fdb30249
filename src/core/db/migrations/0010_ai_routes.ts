import type { Kysely } from 'kysely';

/**
 * Gateway routes (ADR 0008): a workspace's named model (`smart`) with its
 * targets (AI key + model + weight, as JSON text: always read and written
 * whole), its strategy, retry and circuit-breaker settings. Usage rows say
 * which route a request used, which request an attempt belongs to and which
 * attempt it was (1 for every request that is not routed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('max_retries', 'integer', (c) => c.notNull())
    .addColumn('backoff_ms', 'integer', (c) => c.notNull())
    .addColumn('breaker_failures', 'integer', (c) => c.notNull())
    .addColumn('breaker_cooldown_seconds', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ai_routes_workspace_name_key').on('ai_routes').columns(['workspace_id', 'name']).unique().execute();

  await db.schema.alterTable('ai_usage').addColumn('route_id', 'text').execute();
  await db.schema.alterTable('ai_usage').addColumn('request_id', 'text').execute();
  await db.schema.alterTable('ai_usage').addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ai_usage').dropColumn('attempt').execute();
  await db.schema.alterTable('ai_usage').dropColumn('request_id').execute();
  await db.schema.alterTable('ai_usage').dropColumn('route_id').execute();
  await db.schema.dropTable('ai_routes').execute();
}
