import { sql, type Kysely } from 'kysely';

/**
 * Fair claims and send-time checks for webhook deliveries.
 *
 * - `webhook_deliveries_endpoint_due_idx`: open deliveries by endpoint, then
 *   due time. When one endpoint's backlog fills the head of the due queue,
 *   the claim walks the endpoints with open work through this index (one
 *   probe each) and takes the oldest due deliveries of each, instead of the
 *   backlog itself.
 * - `webhook_endpoints.config_version`: bumped by every change that affects
 *   sending (URL, headers, enable/disable, secret rotation). Workers check it
 *   right before sending claimed-ahead deliveries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('webhook_deliveries_endpoint_due_idx')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'next_attempt_at', 'id', 'status'])
    .where(sql.ref('status'), 'in', ['pending', 'in_flight'])
    .execute();
  await db.schema.alterTable('webhook_endpoints').addColumn('config_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('webhook_endpoints').dropColumn('config_version').execute();
  await db.schema.dropIndex('webhook_deliveries_endpoint_due_idx').execute();
}
