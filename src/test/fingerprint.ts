import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { TestApp } from './harness.js';

/**
 * Columns that change on any authenticated request, refused or not, by
 * design (a token's last use), and tables of counters that are not data.
 */
const VOLATILE_COLUMNS = new Set(['api_tokens.last_used_at']);
const IGNORED_TABLES = /^(kysely_|rate_limit)/;

/**
 * A hash of every row of every table of the test app's database: equal
 * before and after a request means the request changed nothing.
 */
export async function databaseFingerprint(t: TestApp): Promise<string> {
  // Only this app's tables: other test files create and drop their own PostgreSQL schemas meanwhile.
  const listed = t.engine === 'postgres'
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(t.db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db);
  const tables = listed.rows.filter((table) => !IGNORED_TABLES.test(table.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (tables.length < 10) throw new Error(`fingerprint sees only ${tables.length} tables: wrong schema?`);
  const hash = createHash('sha256');
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(t.db);
    const lines = rows.rows
      .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !VOLATILE_COLUMNS.has(`${table.name}.${column}`))))
      .sort();
    hash.update(`${table.name}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}
