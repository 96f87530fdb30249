import { sql, type Kysely } from 'kysely';

/**
 * The claim query reads `id` and `endpoint_id` of the first due deliveries.
 * With both in the due index, SQLite answers it from the index alone instead
 * of looking every candidate up in the table (the busiest read of a
 * draining queue). Same partial predicate: only open deliveries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('webhook_deliveries_due_idx').execute();
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .on('webhook_deliveries')
    // `status` too: the query repeats the partial predicate, and SQLite only
    // treats an index as covering when it holds every column the query names.
    .columns(['next_attempt_at', 'endpoint_id', 'id', 'status'])
    .where(sql.ref('status'), 'in', ['pending', 'in_flight'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('webhook_deliveries_due_idx').execute();
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .on('webhook_deliveries')
    .column('next_attempt_at')
    .where(sql.ref('status'), 'in', ['pending', 'in_flight'])
    .execute();
}
