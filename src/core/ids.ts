import { monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/** Type-prefixed, time-sortable identifiers: `ws_01J…`, `usr_01J…`. */
export type IdPrefix =
  | 'usr' | 'ses' | 'tok' | 'ws' | 'inv' | 'act' | 'grt' | 'evt'
  | 'wh' | 'whs' | 'dlv' | 'att' | 'aik' | 'use';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}
