import type { Kysely } from 'kysely';

/**
 * Shared limit counters for PostgreSQL deployments without Redis, so several
 * processes enforce one limit, not one each. `rate_limits` is
 * rate-limiter-flexible's PostgreSQL store layout (its own table statement,
 * with a text key: e-mail addresses can exceed 255 characters with the prefix);
 * `ai_cap_counters` holds each AI key's month: requests and cost. Created on
 * SQLite too (unused there: one process keeps them in memory) so both engines
 * share one schema.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
  await db.schema
    .createTable('ai_cap_counters')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('requests', 'bigint', (c) => c.notNull())
    .addColumn('cost_micros', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ai_cap_counters_pk', ['key_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_cap_counters').execute();
  await db.schema.dropTable('rate_limits').execute();
}
