import { randomFillSync } from 'node:crypto';
import { monotonicFactory, ulid as ulidAt } from 'ulid';

/**
 * ulid's default source makes one `crypto.getRandomValues` call per random
 * character (16 per id); ids are minted on hot paths (every delivery attempt),
 * so draw the bytes from a pool refilled 4 KiB at a time instead. byte/256 is
 * uniform over ulid's 32 characters (256 = 8 × 32), so no bias is added.
 */
const pool = Buffer.alloc(4096);
let next = pool.length;
function pooledRandom(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++] / 256;
}

const ulid = monotonicFactory(pooledRandom);

/** Type-prefixed, time-sortable identifiers: `ws_01J…`, `usr_01J…`. */
export type IdPrefix =
  | 'usr' | 'ses' | 'tok' | 'ws' | 'inv' | 'act' | 'grt' | 'evt'
  | 'wh' | 'whs' | 'dlv' | 'att' | 'aik' | 'use' | 'air' | 'req';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}

/**
 * An id whose time part is `time` instead of now, for rows imported with
 * their original creation time (`atrium import-legacy`): lists ordered by id
 * keep them in their historical place. Not monotonic: ids of one millisecond
 * order randomly among themselves.
 */
export function newIdAt(prefix: IdPrefix, time: number): string {
  return `${prefix}_${ulidAt(Math.max(0, Math.floor(time)), pooledRandom).toLowerCase()}`;
}
