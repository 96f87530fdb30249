import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../core/db/database.js';
import type { Engine, TestApp } from './harness.js';

/**
 * Columns that change on any authenticated request, refused or not, by
 * design (a token's last use), and tables of counters that are not data.
 */
const VOLATILE_COLUMNS = new Set(['api_tokens.last_used_at']);
const IGNORED_TABLES = /^(kysely_|rate_limit)/;

/**
 * The tables of this database only (the current schema on PostgreSQL):
 * Kysely's introspection lists every schema, and other test files create
 * and drop theirs meanwhile.
 */
export async function tableNames(db: Db, engine: Engine): Promise<string[]> {
  const listed = engine === 'postgres'
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return listed.rows.map((row) => row.name);
}

/**
 * A hash of every row of every table of the test app's database: equal
 * before and after a request means the request changed nothing.
 */
export async function databaseFingerprint(t: TestApp): Promise<string> {
  const tables = (await tableNames(t.db, t.engine)).filter((name) => !IGNORED_TABLES.test(name)).sort();
  if (tables.length < 10) throw new Error(`fingerprint sees only ${tables.length} tables: wrong schema?`);
  const hash = createHash('sha256');
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db);
    const lines = rows.rows
      .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !VOLATILE_COLUMNS.has(`${table}.${column}`))))
      .sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}
