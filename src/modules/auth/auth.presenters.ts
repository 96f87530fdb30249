import { toIso, toIsoOrNull } from '../../core/time.js';
import type { ApiTokensTable, UsersTable } from './auth.tables.js';

export const presentUser = (u: UsersTable) => ({ id: u.id, email: u.email, name: u.name, created_at: toIso(u.created_at) });

export const presentApiToken = (t: ApiTokensTable) => ({
  id: t.id,
  name: t.name,
  workspace_id: t.workspace_id,
  token_prefix: t.token_prefix,
  scopes: JSON.parse(t.scopes) as string[],
  created_at: toIso(t.created_at),
  expires_at: toIsoOrNull(t.expires_at),
  last_used_at: toIsoOrNull(t.last_used_at),
});
