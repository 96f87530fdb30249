export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  /** SHA-256 of the session token; the token itself is never stored. */
  token_hash: string;
  created_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  workspace_id: string;
  name: string;
  /** First characters of the token, shown in lists so users can recognise it. */
  token_prefix: string;
  token_hash: string;
  /** JSON array of scope strings */
  scopes: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}

interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends AuthTables {}
}
