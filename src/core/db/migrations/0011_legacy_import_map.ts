import type { Kysely } from 'kysely';

/**
 * `atrium import-legacy` (moving from the FastAPI backend): which original
 * row became which atrium row. A second run skips every row listed here, so
 * nothing is imported twice and an interrupted run resumes where it stopped;
 * each batch writes its rows and their entries in one transaction.
 * `source_id` is text: most original ids are integers, members are keyed by
 * `<workspace_id>:<user_id>`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('legacy_import_map')
    .addColumn('source_table', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('legacy_import_map_pk', ['source_table', 'source_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('legacy_import_map').execute();
}
