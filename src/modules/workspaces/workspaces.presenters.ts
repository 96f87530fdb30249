import { toIso, toIsoOrNull } from '../../core/time.js';
import type { Role } from '../policy/policy.js';
import { invitationStatus } from './invitations.service.js';
import type { MemberRow } from './workspaces.repository.js';
import type { InvitationsTable, ResourceGrantsTable, WorkspacesTable } from './workspaces.tables.js';

export const presentWorkspace = (w: WorkspacesTable & { role: Role }) => ({
  id: w.id,
  name: w.name,
  slug: w.slug,
  description: w.description,
  role: w.role,
  created_at: toIso(w.created_at),
  updated_at: toIso(w.updated_at),
});

export const presentMember = (m: MemberRow) => ({
  user_id: m.user_id,
  email: m.email,
  name: m.name,
  role: m.role,
  invited_by: m.invited_by,
  joined_at: toIso(m.joined_at),
});

export const presentInvitation = (i: InvitationsTable) => ({
  id: i.id,
  workspace_id: i.workspace_id,
  email: i.email,
  role: i.role,
  status: invitationStatus(i),
  invited_by: i.invited_by,
  created_at: toIso(i.created_at),
  expires_at: toIso(i.expires_at),
  last_sent_at: toIso(i.last_sent_at),
  send_count: i.send_count,
  accepted_at: toIsoOrNull(i.accepted_at),
  revoked_at: toIsoOrNull(i.revoked_at),
});

export const presentGrant = (g: ResourceGrantsTable) => ({
  id: g.id,
  workspace_id: g.workspace_id,
  resource_type: g.resource_type,
  resource_id: g.resource_id,
  user_id: g.user_id,
  permission: g.permission,
  granted_by: g.granted_by,
  created_at: toIso(g.created_at),
  updated_at: toIso(g.updated_at),
});
