import type { Executor } from '../../core/db/database.js';

/** A signed-up person as other modules see them; the auth module owns the table. */
interface UserRecord {
  id: string;
  email: string;
  name: string;
}

/** Looks people up for other modules (auth's repository provides it); `with(trx)` reads inside a transaction. */
export interface UserDirectory {
  with(db: Executor): UserDirectory;
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  findUserById(id: string): Promise<UserRecord | undefined>;
}

/** Lower-cased and trimmed: the form emails are stored and compared in (the unique index on users.email relies on it). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
