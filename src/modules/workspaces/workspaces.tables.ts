import type { Role } from './policy.js';

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

export interface ActivityTable {
  id: string;
  workspace_id: string;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  resource_name: string | null;
  /** JSON object */
  details: string;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: number;
}

export interface WorkspaceTables {
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  invitations: InvitationsTable;
  resource_grants: ResourceGrantsTable;
  activity: ActivityTable;
}
