import { existsSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * The original backend's database, opened read-only: SQLite (the FastAPI
 * backend's default, `sqlite:///./api_orchestrator.db`) or PostgreSQL
 * (`postgresql://…`, `postgresql+psycopg2://…`). Rows come back as they are
 * stored; the `to*` helpers below normalise the two engines' value shapes.
 */

export type Row = Record<string, unknown>;

export interface SourceDb {
  /** Where the rows come from, password left out (for the report). */
  readonly description: string;
  hasTable(table: string): Promise<boolean>;
  /** Rows with `id` greater than `afterId`, by id. */
  page(table: string, afterId: number, limit: number): Promise<Row[]>;
  /** Every row, ordered by `orderBy` (tables without an id column). */
  all(table: string, orderBy: string[]): Promise<Row[]>;
  close(): Promise<void>;
}

export class SourceError extends Error {}

type SourceLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** The original's DATABASE_URL, or a plain SQLite file path. */
export function parseSource(from: string): SourceLocation {
  const sqlite = /^sqlite(?:\+\w+)?:\/\/\/([^?]*)/.exec(from);
  if (sqlite) {
    // SQLAlchemy: `sqlite:///relative.db` and `sqlite:////absolute.db` (the fourth slash starts the path).
    if (!sqlite[1] || sqlite[1] === ':memory:') throw new SourceError('--from: an in-memory SQLite database has nothing to import');
    return { kind: 'sqlite', file: path.resolve(decodeURIComponent(sqlite[1])) };
  }
  const postgres = /^postgres(?:ql)?(?:\+\w+)?:\/\//.exec(from);
  if (postgres) return { kind: 'postgres', url: `postgresql://${from.slice(postgres[0].length)}` };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from)) throw new SourceError('--from: only SQLite and PostgreSQL databases can be imported');
  return { kind: 'sqlite', file: path.resolve(from) };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `postgresql://${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'postgresql';
  }
}

export async function openSource(from: string): Promise<SourceDb> {
  const location = parseSource(from);
  return location.kind === 'sqlite' ? openSqlite(location.file) : openPostgres(location.url);
}

function openSqlite(file: string): SourceDb {
  if (!existsSync(file)) throw new SourceError(`--from: no SQLite database at ${file}`);
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  return {
    description: `sqlite:${file}`,
    hasTable: (table) => Promise.resolve(Boolean(db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table))),
    page: (table, afterId, limit) =>
      Promise.resolve(db.prepare(`select * from ${quote(table)} where id > ? order by id limit ?`).all(afterId, limit) as Row[]),
    all: (table, orderBy) => Promise.resolve(db.prepare(`select * from ${quote(table)} order by ${orderBy.map(quote).join(', ')}`).all() as Row[]),
    close: () => Promise.resolve(void db.close()),
  };
}

// Timestamps (with or without time zone) as the text PostgreSQL sends: pg would read zoneless ones in local time.
const TIMESTAMP_OIDS = new Set([1114, 1184]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
    TIMESTAMP_OIDS.has(oid) ? (value: string) => value : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string): Promise<SourceDb> {
  const client = new pg.Client({ connectionString: url, types });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('set session characteristics as transaction read only');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new SourceError(`--from: cannot connect to ${describePostgres(url)}: ${(error as Error).message}`);
  }
  return {
    description: describePostgres(url),
    hasTable: async (table) => (await client.query<{ ok: boolean }>('select to_regclass($1) is not null as ok', [quote(table)])).rows[0].ok,
    page: async (table, afterId, limit) =>
      (await client.query<Row>(`select * from ${quote(table)} where id > $1::bigint order by id limit $2`, [afterId, limit])).rows,
    all: async (table, orderBy) => (await client.query<Row>(`select * from ${quote(table)} order by ${orderBy.map(quote).join(', ')}`)).rows,
    close: () => client.end(),
  };
}

// — the original's values, normalised —

/** SQLAlchemy DateTime: naive UTC (`2025-01-02 03:04:05.123456` in SQLite, a timestamp in PostgreSQL) → epoch ms. */
export function toTime(value: unknown): number | null {
  if (value == null || value === '') return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value.trim());
  if (!match) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  const fraction = match[3] ? match[3].slice(0, 4) : '';
  let zone = match[4] ?? 'Z';
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  const parsed = Date.parse(`${match[1]}T${match[2]}${fraction}${zone}`);
  return Number.isNaN(parsed) ? null : parsed;
}

/** An original id (integer, or text in a hand-made database) as text; empty for anything else. */
export const idText = (value: unknown): string => (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint' ? String(value) : '');

export const toBool = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 't' || value === 'true';

export function toNumber(value: unknown): number | null {
  if (value == null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Text without NUL (PostgreSQL text cannot hold it); null for nothing. */
export function toText(value: unknown): string | null {
  if (value == null) return null;
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return text.replaceAll('\u0000', '');
}

/** SQLAlchemy JSON: text in SQLite, parsed by pg in PostgreSQL. Unreadable JSON counts as absent. */
export function toJsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
