import type { Role } from '../policy/policy.js';

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  invited_by: string | null;
  joined_at: number;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  last_sent_at: number;
  send_count: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

export interface ResourceGrantsTable {
  id: string;
  workspace_id: string;
  resource_type: string;
  resource_id: string;
  user_id: string;
  permission: 'read' | 'write' | 'admin';
  granted_by: string | null;
  created_at: number;
  updated_at: number;
}

interface WorkspaceTables {
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  invitations: InvitationsTable;
  resource_grants: ResourceGrantsTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends WorkspaceTables {}
}
