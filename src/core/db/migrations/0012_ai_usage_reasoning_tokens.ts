import type { Kysely } from 'kysely';

/**
 * Reasoning ("thinking") tokens per usage row and per daily aggregate: the
 * part of output_tokens the model spent thinking (billed at the model's
 * reasoning rate when the price file has one). Existing rows had none recorded: 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ai_usage').addColumn('reasoning_tokens', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('ai_usage_daily').addColumn('reasoning_tokens', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ai_usage_daily').dropColumn('reasoning_tokens').execute();
  await db.schema.alterTable('ai_usage').dropColumn('reasoning_tokens').execute();
}
