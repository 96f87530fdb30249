import { CompiledQuery } from 'kysely';
import type { Dialect } from './database.js';

const bulkSql = new Map<string, string>();

/**
 * A multi-row INSERT for the hot-path tables (events, deliveries, attempts).
 * Building such a statement through the query builder costs more than
 * running it, so its text is made once per table, row count and dialect and
 * reused (SQLite then reuses the compiled statement too). Callers keep
 * `rows.length × columns.length` under both engines' bound-parameter limits.
 */
export function bulkInsert<T>(dialect: Dialect, table: string, columns: readonly (keyof T & string)[], rows: readonly T[]): CompiledQuery {
  const key = `${dialect}:${table}:${rows.length}`;
  let text = bulkSql.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${rows.map(tuple).join(', ')}`;
    bulkSql.set(key, text);
  }
  const parameters: unknown[] = [];
  for (const row of rows) for (const c of columns) parameters.push(row[c]);
  return CompiledQuery.raw(text, parameters);
}
