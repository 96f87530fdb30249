import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
  /**
   * PostgreSQL only: LISTENs on `channel` on a dedicated connection (not one
   * of the pool's) and calls `onNotify` for each notification. See pgListen.
   * Returns the function that stops listening and closes that connection.
   */
  listen?(channel: string, handlers: ListenHandlers): () => Promise<void>;
}

export interface ListenHandlers {
  /** A notification arrived, or the connection was (re)established (notifications sent meanwhile were missed). */
  onNotify(): void;
  /** The connection failed or dropped; it is retried after `retryInMs`. */
  onError?(error: unknown, retryInMs: number): void;
}

let pgModule: typeof pg | undefined;

/**
 * The PostgreSQL driver, loaded the first time a PostgreSQL database is
 * opened: an instance on the embedded SQLite default never pays its memory
 * (~8 MB of code and heap at start).
 */
function loadPg(): typeof pg {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof pg;
    // pg returns int8 (bigint, also COUNT(*)) as a string to avoid precision loss.
    // Our bigints are epoch milliseconds and counters, far below 2^53: parse them
    // here, once, for the whole application.
    pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (value) => Number(value));
  }
  return pgModule;
}

export interface DatabaseOptions {
  /** PostgreSQL schema to use (tests isolate each suite in its own schema). */
  pgSchema?: string;
  poolSize?: number;
  sqliteSynchronous?: 'FULL' | 'NORMAL';
}

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${options.sqliteSynchronous ?? 'FULL'}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const connection: pg.ClientConfig = {
    connectionString: url,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  };
  const pool = new (loadPg().Pool)({ ...connection, max: options.poolSize ?? 10 });
  // A pooled connection that drops (server restart, network cut, pg_terminate_backend) emits 'error'
  // on the pool when idle, or on the client when checked out between two queries (a transaction):
  // without a listener either would crash the process. The query under way, or the next one on that
  // client, fails on its own; the pool discards the broken client and opens a new one.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    close: () => db.destroy(),
    listen: (channel, handlers) => pgListen(connection, channel, handlers),
  };
}

const LISTEN_RETRY_MIN_MS = 250;
const LISTEN_RETRY_MAX_MS = 30_000;

/**
 * Keeps one pg.Client LISTENing on `channel` (in the connection's schema,
 * see notify()): if the connection fails or
 * drops it is reconnected with exponential backoff (with jitter), and
 * `onNotify` is called once it is back, since notifications sent while it was
 * down are lost. The URL's own `application_name` wins over ours.
 */
export function pgListen(connection: pg.ClientConfig, channel: string, handlers: ListenHandlers): () => Promise<void> {
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;

  const connect = async (): Promise<void> => {
    timer = null;
    if (closed) return;
    const c = new (loadPg().Client)({ application_name: 'atrium-listen', keepAlive: true, ...connection });
    client = c;
    let done = false;
    const fail = (error: unknown) => {
      if (done) return;
      done = true;
      if (closed) return; // the close function ends the client
      if (client === c) client = null;
      c.end().catch(() => undefined);
      const base = Math.min(LISTEN_RETRY_MAX_MS, LISTEN_RETRY_MIN_MS * 2 ** failures);
      failures += 1;
      const retryInMs = Math.round(base * (0.5 + Math.random() / 2));
      handlers.onError?.(error, retryInMs);
      timer = setTimeout(() => void connect(), retryInMs);
      timer.unref();
    };
    c.on('error', fail);
    c.on('end', () => fail(new Error('LISTEN connection closed')));
    let scoped: string | undefined;
    c.on('notification', (message) => {
      if (message.channel === scoped) handlers.onNotify();
    });
    try {
      await c.connect();
      // The schema this connection works in (its search_path) names the channel, as in notify().
      const { rows } = await c.query<{ name: string }>(`select $1::text || '_' || left(md5(current_schema()), 12) as name`, [channel]);
      scoped = rows[0].name;
      await c.query(`LISTEN ${c.escapeIdentifier(scoped)}`);
    } catch (error) {
      fail(error);
      return;
    }
    if (done || closed) return;
    failures = 0;
    handlers.onNotify();
  };

  void connect();
  return async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    timer = null;
    const c = client;
    client = null;
    if (c) await c.end().catch(() => undefined);
  };
}

/**
 * PostgreSQL only: queues a notification on `channel`, delivered when the
 * executor's transaction commits. Channels are per schema (the name gets a
 * hash of `current_schema()`, which keeps it within PostgreSQL's 63-byte
 * limit), so deployments sharing one database under several schemas do not
 * wake each other's listeners; pgListen derives the same name.
 */
export async function notify(executor: Executor, channel: string): Promise<void> {
  await sql`select pg_notify(${channel}::text || '_' || left(md5(current_schema()), 12), '')`.execute(executor);
}

/**
 * notify() as SQL text, for a statement that notifies as part of a write
 * (saving a round trip): `channelParam` is the placeholder (`$7`) the
 * channel is bound to.
 */
export const notifySql = (channelParam: string): string => `select pg_notify(${channelParam}::text || '_' || left(md5(current_schema()), 12), '')`;

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles the SQL on
 * each prepare(). Queries come from a few code paths, so their texts repeat:
 * reusing the compiled statement per text saves that work on every call.
 * Safe because Kysely runs one query at a time on the single connection.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    let statement = cache.get(source);
    if (statement) {
      // Refresh its place: the least recently used statement is evicted first.
      cache.delete(source);
    } else {
      statement = sqlite.prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      const bound: unknown = value.bind(target);
      return bound;
    },
  });
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** A write refused by a unique index or primary key, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
