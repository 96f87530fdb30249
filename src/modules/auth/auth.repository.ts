import type { Dialect, Executor } from '../../core/db/database.js';
import { LookupBatcher } from '../../core/db/lookup-batcher.js';
import type { ApiTokensTable, SessionsTable, UsersTable } from './auth.tables.js';

export class AuthRepository {
  /**
   * PostgreSQL: the lookups every authenticated request makes, coalesced
   * across concurrent requests (see LookupBatcher). SQLite answers in
   * process, without a round trip to save.
   */
  private readonly byHash?: {
    sessions: LookupBatcher<string, SessionsTable>;
    apiTokens: LookupBatcher<string, ApiTokensTable>;
  };

  /** `dialect` only for the root repository; `with(trx)` ones query directly. */
  constructor(private readonly db: Executor, dialect?: Dialect) {
    if (dialect === 'postgres') {
      this.byHash = {
        sessions: new LookupBatcher(async (hashes: string[]) => byTokenHash(await this.db.selectFrom('sessions').selectAll().where('token_hash', 'in', hashes).execute()), String),
        apiTokens: new LookupBatcher(async (hashes: string[]) => byTokenHash(await this.db.selectFrom('api_tokens').selectAll().where('token_hash', 'in', hashes).execute()), String),
      };
    }
  }

  with(db: Executor): AuthRepository {
    return new AuthRepository(db);
  }

  findUserByEmail(email: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  findUserById(id: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertUser(user: UsersTable): Promise<void> {
    await this.db.insertInto('users').values(user).execute();
  }

  async updatePasswordHash(id: string, passwordHash: string, now: number): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
  }

  async insertSession(session: SessionsTable): Promise<void> {
    await this.db.insertInto('sessions').values(session).execute();
  }

  findSessionByHash(tokenHash: string): Promise<SessionsTable | undefined> {
    if (this.byHash) return this.byHash.sessions.get(tokenHash);
    return this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteExpiredSessions(userId: string, now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
  }

  async insertApiToken(token: ApiTokensTable): Promise<void> {
    await this.db.insertInto('api_tokens').values(token).execute();
  }

  findApiTokenByHash(tokenHash: string): Promise<ApiTokensTable | undefined> {
    if (this.byHash) return this.byHash.apiTokens.get(tokenHash);
    return this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  listApiTokens(userId: string): Promise<ApiTokensTable[]> {
    return this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
  }

  findApiToken(userId: string, id: string): Promise<ApiTokensTable | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async deleteApiToken(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('api_tokens').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async touchApiToken(id: string, now: number): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }
}

const byTokenHash = <T extends { token_hash: string }>(rows: T[]) => new Map(rows.map((r) => [r.token_hash, r]));
