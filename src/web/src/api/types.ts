/** Shapes of the API responses the console uses (mirrors the TypeBox schemas in src/modules). */
import type { Role } from '../../../modules/workspaces/policy';

export type { Role };

export interface User {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  role: Role;
  created_at: string;
  updated_at: string;
}

export interface Member {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  invited_by: string | null;
  joined_at: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  last_sent_at: string;
  send_count: number;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface InvitationWithLink extends Invitation {
  token: string;
  url: string;
}

export interface InvitationPreview {
  workspace: { id: string; name: string; slug: string };
  email: string;
  role: Role;
  status: InvitationStatus;
  invited_by_name: string | null;
  expires_at: string;
}

export interface ApiToken {
  id: string;
  name: string;
  workspace_id: string;
  token_prefix: string;
  scopes: string[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface ActivityEntry {
  id: string;
  workspace_id: string;
  actor: { type: string; id: string | null; name: string | null };
  action: string;
  resource: { type: string; id: string | null; name: string | null };
  details: Record<string, unknown>;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
}

export interface List<T> {
  data: T[];
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
