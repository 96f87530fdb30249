import type { Kysely } from 'kysely';

/**
 * Prompt-cache token counts per usage row: the parts of input_tokens read
 * from and written to the provider's cache, billed at their own rates.
 * Existing rows had none recorded: 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ai_usage').addColumn('cache_read_tokens', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('ai_usage').addColumn('cache_write_tokens', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ai_usage').dropColumn('cache_write_tokens').execute();
  await db.schema.alterTable('ai_usage').dropColumn('cache_read_tokens').execute();
}
