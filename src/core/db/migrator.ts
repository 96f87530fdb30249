import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

/** The folder provider breaks under Vitest, so migrations are a static, in-code list. */
class StaticProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations);
  }
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  // Kysely looks for its bookkeeping tables in *every* schema unless told which
  // one: on a PostgreSQL database holding several schemas (tests run one per
  // file, concurrently) it would find another schema's and skip creating ours.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    migrationTableSchema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema;
  }
  const migrator = new Migrator({ db, provider: new StaticProvider(), ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const result = await migrator.migrateToLatest();
    if (!result.error) return result;
    // Kysely finds its bookkeeping tables by listing the tables of every schema; a schema
    // dropped meanwhile by someone else (3F000: parallel tests, other tenants of the
    // database) fails that listing before any migration ran, so it is safe to look again.
    if (attempt >= 5 || (result.error as { code?: string }).code !== '3F000') throw result.error instanceof Error ? result.error : new Error('Migration failed', { cause: result.error });
  }
}
