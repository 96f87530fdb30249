import type { Config } from '../../core/config.js';
import { dummyPasswordHash, hashPassword, hashToken, needsRehash, randomToken, verifyPassword } from '../../core/crypto.js';
import { AppError, Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isRateLimited, type RateLimiter, type RateLimiters } from '../../core/rate-limit.js';
import type { Principal } from '../identity/principal.js';
import { normalizeEmail } from '../identity/users.js';
import type { AuthRepository } from './auth.repository.js';
import type { UsersTable } from './auth.tables.js';

export const API_TOKEN_PREFIX = 'atr_';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export class AuthService {
  private readonly failuresByAccount: RateLimiter;
  private readonly failuresByIp: RateLimiter;

  constructor(
    private readonly repo: AuthRepository,
    private readonly config: Config,
    limiters: RateLimiters,
  ) {
    // Consecutive failures per account (reset on success) and all failures per
    // IP within an hour. The failure that reaches either limit starts a block
    // of ATRIUM_LOGIN_BLOCK_SECONDS (see countFailure), whatever is left of the window.
    this.failuresByAccount = limiters.limiter({
      keyPrefix: 'login-account',
      points: config.loginMaxFailuresPerAccount,
      duration: config.loginBlockSeconds,
    });
    this.failuresByIp = limiters.limiter({
      keyPrefix: 'login-ip',
      points: config.loginMaxFailuresPerIp,
      duration: 3600,
    });
  }

  async register(input: { email: string; password: string; name: string }, meta: ClientMeta) {
    const email = normalizeEmail(input.email);
    if (await this.repo.findUserByEmail(email)) {
      throw new AppError('email_taken', 'An account with this e-mail already exists', { field: 'email' });
    }
    const now = Date.now();
    const user: UsersTable = {
      id: newId('usr'),
      email,
      name: input.name.trim(),
      password_hash: await hashPassword(input.password),
      created_at: now,
      updated_at: now,
    };
    try {
      await this.repo.insertUser(user);
    } catch (error) {
      // Two registrations racing for one address: the unique index decides.
      if (await this.repo.findUserByEmail(email)) {
        throw new AppError('email_taken', 'An account with this e-mail already exists', { field: 'email' });
      }
      throw error;
    }
    const token = await this.startSession(user.id, meta);
    return { user, token };
  }

  async login(input: { email: string; password: string }, meta: ClientMeta) {
    const email = normalizeEmail(input.email);
    const accountKey = email;
    const ipKey = meta.ip ?? 'unknown';
    await this.assertNotBlocked(accountKey, ipKey);

    const user = await this.repo.findUserByEmail(email);
    // Verify against a dummy hash for unknown e-mails so timing does not reveal accounts.
    const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
    if (!user || !valid) {
      await Promise.all([
        this.countFailure(this.failuresByAccount, accountKey, this.config.loginMaxFailuresPerAccount),
        this.countFailure(this.failuresByIp, ipKey, this.config.loginMaxFailuresPerIp),
      ]);
      throw new AppError('invalid_credentials', 'E-mail or password is incorrect');
    }
    await this.failuresByAccount.delete(accountKey);
    // A hash of another scheme (bcrypt, kept by `atrium import-legacy`) is replaced by scrypt now that we know the password.
    if (needsRehash(user.password_hash)) await this.repo.updatePasswordHash(user.id, await hashPassword(input.password), Date.now());
    const token = await this.startSession(user.id, meta);
    return { user, token };
  }

  /** Counts one failure; the one that reaches `max` blocks the key for exactly the configured time. */
  private async countFailure(limiter: RateLimiter, key: string, max: number): Promise<void> {
    try {
      const counted = await limiter.consume(key);
      if (counted.consumedPoints >= max) await limiter.block(key, this.config.loginBlockSeconds);
    } catch (error) {
      // A concurrent failure already went over the limit: the key is blocked.
      if (!isRateLimited(error)) throw error;
    }
  }

  private async assertNotBlocked(accountKey: string, ipKey: string): Promise<void> {
    const [account, ip] = await Promise.all([this.failuresByAccount.get(accountKey), this.failuresByIp.get(ipKey)]);
    const blocked =
      (account && account.consumedPoints >= this.config.loginMaxFailuresPerAccount && account) ||
      (ip && ip.consumedPoints >= this.config.loginMaxFailuresPerIp && ip);
    if (blocked) {
      const seconds = Math.max(1, Math.ceil(blocked.msBeforeNext / 1000));
      throw Errors.tooManyRequests('Too many failed sign-in attempts; try again later', seconds, 'too_many_login_attempts');
    }
  }

  private async startSession(userId: string, meta: ClientMeta): Promise<string> {
    const token = randomToken(32);
    const now = Date.now();
    // Housekeeping on the way in: a user's expired sessions go when they sign in again.
    await this.repo.deleteExpiredSessions(userId, now);
    await this.repo.insertSession({
      id: newId('ses'),
      user_id: userId,
      token_hash: hashToken(token),
      created_at: now,
      expires_at: now + this.config.sessionTtlMs,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 512) ?? null,
    });
    return token;
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.kind === 'session') await this.repo.deleteSession(principal.sessionId);
  }

  /** Resolves a bearer or cookie credential; null when unknown, expired or revoked. */
  async authenticate(token: string, viaCookie: boolean): Promise<Principal | null> {
    const now = Date.now();
    const tokenHash = hashToken(token);
    if (token.startsWith(API_TOKEN_PREFIX)) {
      if (viaCookie) return null;
      const row = await this.repo.findApiTokenByHash(tokenHash);
      if (!row || (row.expires_at !== null && row.expires_at <= now)) return null;
      // Record use at most once a minute: a write per request would cost the hot path.
      if (row.last_used_at === null || now - row.last_used_at > 60_000) await this.repo.touchApiToken(row.id, now);
      return { kind: 'token', userId: row.user_id, tokenId: row.id, workspaceId: row.workspace_id, scopes: JSON.parse(row.scopes) as string[] };
    }
    const session = await this.repo.findSessionByHash(tokenHash);
    if (!session || session.expires_at <= now) return null;
    return { kind: 'session', userId: session.user_id, sessionId: session.id, viaCookie };
  }

  async getUser(userId: string): Promise<UsersTable> {
    const user = await this.repo.findUserById(userId);
    if (!user) throw Errors.unauthenticated();
    return user;
  }
}
