import type { ColumnType, Kysely } from 'kysely';
import type { Db } from './db/database.js';
import type { Keyring } from './keyring.js';

/**
 * The registry of columns that hold keyring blobs (provider keys, webhook
 * secrets, …). Modules register their columns when services are created;
 * `atrium rotate-master-key` walks the registry to re-encrypt every stored
 * secret under the newest master key.
 */
export interface SecretColumn {
  table: string;
  /** Text column holding a keyring blob (or null). */
  column: string;
  /** Primary key column; default `id`. */
  idColumn?: string;
  /** The AAD the blob was sealed with; default `<table>:<id>:<column>`. */
  aad?: (id: string) => string;
  /**
   * Other columns computed from the plaintext under the master key (keyed
   * fingerprints): rewritten in the same update so they follow the new key.
   */
  derive?: (plaintext: string, keyring: Keyring) => Record<string, string | number | null>;
}

export class SecretColumns {
  private readonly columns = new Map<string, SecretColumn>();

  register(column: SecretColumn): void {
    this.columns.set(`${column.table}.${column.column}`, column);
  }

  list(): SecretColumn[] {
    return [...this.columns.values()];
  }
}

export interface ReencryptOptions {
  batchSize?: number;
  /** Called after each batch, e.g. to print progress or pause; awaited before the next batch. */
  onBatch?: (progress: { table: string; column: string; reencrypted: number }) => void | Promise<void>;
}

export interface ReencryptResult {
  reencrypted: number;
  /** Blobs that could not be decrypted with any configured master key (left untouched). */
  failed: { table: string; column: string; id: string; reason: string }[];
}

/**
 * The registry names its tables and columns at run time. The columns read here are text (ids and
 * blobs; the queries filter out null blobs); those written are blobs and whatever `derive` computes.
 */
type RegisteredTables = Record<string, Record<string, ColumnType<string, never, string | number | null>>>;

const aadOf = (c: SecretColumn, id: string) => (c.aad ? c.aad(id) : `${c.table}:${id}:${c.column}`);
// Blobs are `v1.<master key version>.…`: the prefix tells which key sealed them.
const primaryPrefix = (keyring: Keyring) => `v1.${keyring.primary.version}.%`;

/** Blobs per column not yet under the primary master key (what a rotation still has to do). */
export async function countStaleSecrets(db: Db, keyring: Keyring, columns: SecretColumns): Promise<{ table: string; column: string; count: number }[]> {
  const q = db as unknown as Kysely<RegisteredTables>;
  const out = [];
  for (const c of columns.list()) {
    const row = await q
      .selectFrom(c.table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(c.column, 'is not', null)
      .where(c.column, 'not like', primaryPrefix(keyring))
      .executeTakeFirstOrThrow();
    out.push({ table: c.table, column: c.column, count: Number(row.n) });
  }
  return out;
}

/**
 * Re-encrypts every registered secret not yet under the keyring's primary
 * master key, in small batches, each in its own short transaction, so a
 * serving process is never blocked for long. Each row is updated only if its
 * blob is still the one read (a concurrent change wins and is picked up by
 * the next pass). Passes repeat until one finds nothing left to move: rows
 * written meanwhile by a process still on the old key are caught too.
 */
export async function reencryptSecrets(db: Db, keyring: Keyring, columns: SecretColumns, options: ReencryptOptions = {}): Promise<ReencryptResult> {
  const batchSize = options.batchSize ?? 100;
  const result: ReencryptResult = { reencrypted: 0, failed: [] };
  const failedIds = new Set<string>();
  for (let pass = 0; pass < 10; pass += 1) {
    let moved = 0;
    for (const c of columns.list()) moved += await reencryptColumn(db, keyring, c, batchSize, result, failedIds, options.onBatch);
    result.reencrypted += moved;
    if (moved === 0) break;
  }
  return result;
}

async function reencryptColumn(
  db: Db,
  keyring: Keyring,
  c: SecretColumn,
  batchSize: number,
  result: ReencryptResult,
  failedIds: Set<string>,
  onBatch: ReencryptOptions['onBatch'],
): Promise<number> {
  const q = db as unknown as Kysely<RegisteredTables>;
  const idColumn = c.idColumn ?? 'id';
  let moved = 0;
  let after = '';
  for (;;) {
    // Keyset pagination: skipped rows (unreadable, or changed concurrently) never stall the loop.
    const rows: { id: string; blob: string }[] = await q
      .selectFrom(c.table)
      .select([`${idColumn} as id`, `${c.column} as blob`])
      .where(c.column, 'is not', null)
      .where(c.column, 'not like', primaryPrefix(keyring))
      .where(idColumn, '>', after)
      .orderBy(idColumn)
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return moved;
    after = rows[rows.length - 1].id;
    let batchMoved = 0;
    await q.transaction().execute(async (trx) => {
      for (const row of rows) {
        const aad = aadOf(c, row.id);
        let plaintext: string;
        try {
          plaintext = keyring.decrypt(row.blob, aad);
        } catch (error) {
          const key = `${c.table}.${c.column}.${row.id}`;
          if (!failedIds.has(key)) {
            failedIds.add(key);
            result.failed.push({ table: c.table, column: c.column, id: row.id, reason: (error as Error).message });
          }
          continue;
        }
        const updated = await trx
          .updateTable(c.table)
          .set({ [c.column]: keyring.encrypt(plaintext, aad), ...(c.derive ? c.derive(plaintext, keyring) : {}) })
          .where(idColumn, '=', row.id)
          .where(c.column, '=', row.blob)
          .executeTakeFirst();
        batchMoved += Number(updated.numUpdatedRows);
      }
    });
    moved += batchMoved;
    await onBatch?.({ table: c.table, column: c.column, reencrypted: batchMoved });
  }
}
