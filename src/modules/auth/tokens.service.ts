import { hashToken, randomToken } from '../../core/crypto.js';
import type { Db } from '../../core/db/database.js';
import { toJson } from '../../core/db/json.js';
import { Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { AuditLog } from '../activity/audit.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import type { Scope } from '../policy/policy.js';
import type { AuthRepository } from './auth.repository.js';
import { API_TOKEN_PREFIX } from './auth.service.js';
import type { ApiTokensTable } from './auth.tables.js';
import type { Principal } from '../identity/principal.js';

/**
 * API tokens act for their creator in one workspace. What a token may do is
 * decided at each request: its scopes ∩ its creator's current role there.
 */
export class TokensService {
  constructor(
    private readonly db: Db,
    private readonly repo: AuthRepository,
    private readonly access: WorkspaceAccess,
    private readonly audit: AuditLog,
  ) {}

  async create(principal: Principal, input: { name: string; workspace_id: string; scopes: Scope[]; expires_in_days?: number }, ctx: AuditContext) {
    await this.access.member(principal, input.workspace_id);
    const token = randomToken(32, API_TOKEN_PREFIX);
    const now = Date.now();
    const row: ApiTokensTable = {
      id: newId('tok'),
      user_id: principal.userId,
      workspace_id: input.workspace_id,
      name: input.name.trim(),
      token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      token_hash: hashToken(token),
      scopes: toJson(input.scopes),
      created_at: now,
      expires_at: input.expires_in_days ? now + input.expires_in_days * 86_400_000 : null,
      last_used_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.repo.with(trx).insertApiToken(row);
      await this.audit.record(trx, ctx, {
        workspaceId: input.workspace_id,
        action: 'api_token.created',
        resource: { type: 'api_token', id: row.id, name: row.name },
        details: { scopes: input.scopes, expires_at: row.expires_at },
      });
    });
    return { row, token };
  }

  list(principal: Principal): Promise<ApiTokensTable[]> {
    return this.repo.listApiTokens(principal.userId);
  }

  async revoke(principal: Principal, id: string, ctx: AuditContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const row = await repo.findApiToken(principal.userId, id);
      if (!row) throw Errors.notFound('API token');
      await repo.deleteApiToken(principal.userId, id);
      await this.audit.record(trx, ctx, {
        workspaceId: row.workspace_id,
        action: 'api_token.revoked',
        resource: { type: 'api_token', id: row.id, name: row.name },
      });
    });
  }
}
