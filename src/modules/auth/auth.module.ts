import type { Config } from '../../core/config.js';
import type { Db, Dialect } from '../../core/db/database.js';
import type { AtriumModule } from '../../core/module.js';
import type { RateLimiters } from '../../core/rate-limit.js';
import type { AuditLog } from '../activity/audit.js';
import type { UserDirectory } from '../identity/users.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import { registerAuthentication } from './auth.plugin.js';
import { AuthRepository } from './auth.repository.js';
import { registerAuthRoutes } from './auth.routes.js';
import { AuthService } from './auth.service.js';
import { TokensService } from './tokens.service.js';

export interface AuthModule extends AtriumModule {
  auth: AuthService;
  tokens: TokensService;
}

/** The user directory other modules read (the workspaces module is built before this one, so it gets it on its own). */
export function createUserDirectory(db: Db, dialect: Dialect): UserDirectory {
  return new AuthRepository(db, dialect);
}

/** Accounts, sessions and API tokens; its hook authenticates every request before any route runs. */
export function createAuthModule(deps: {
  db: Db;
  dialect: Dialect;
  config: Config;
  limiters: RateLimiters;
  access: WorkspaceAccess;
  audit: AuditLog;
}): AuthModule {
  const repo = new AuthRepository(deps.db, deps.dialect);
  const auth = new AuthService(repo, deps.config, deps.limiters);
  const tokens = new TokensService(deps.db, repo, deps.access, deps.audit);
  return {
    name: 'auth',
    auth,
    tokens,
    hooks: (app) => registerAuthentication(app, auth),
    routes: (app) => registerAuthRoutes(app, { auth, tokens, config: deps.config }),
  };
}
