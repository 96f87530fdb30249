import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useMyGrant } from '../api/queries';
import type { Workspace } from '../api/types';
import { can, canAssignRole, canManageMember, ROLES, type Action, type Role } from '../lib/permissions';

export interface WorkspaceCtx {
  workspace: Workspace;
  role: Role;
  /** Would the API allow this action to the signed-in member (by role)? */
  can: (action: Action) => boolean;
  /** Roles this member may hand out (invitations, role changes). */
  assignableRoles: Role[];
  canManage: (targetRole: Role) => boolean;
  /** Absolute path inside the workspace: `to('members')` → `/w/acme/members`. */
  to: (sub?: string) => string;
}

const Ctx = createContext<WorkspaceCtx | null>(null);

export function WorkspaceProvider({ workspace, children }: { workspace: Workspace; children: ReactNode }) {
  const value = useMemo<WorkspaceCtx>(() => {
    const role = workspace.role;
    return {
      workspace,
      role,
      can: (action) => can({ role }, action),
      assignableRoles: ROLES.filter((r) => r !== 'owner' && canAssignRole(role, r)),
      canManage: (target) => canManageMember(role, target),
      to: (sub) => `/w/${workspace.slug}${sub ? `/${sub}` : ''}`,
    };
  }, [workspace]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkspace(): WorkspaceCtx {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useWorkspace outside a workspace route');
  return ctx;
}

/**
 * `can` for one resource: the member's role, or their grant on it (asked only
 * when the role alone does not allow `widest`, the most the page offers).
 */
export function useResourceCan(resourceType: 'webhook' | 'ai_key', resourceId: string, widest: Action): (action: Action) => boolean {
  const ws = useWorkspace();
  const byRole = ws.can(widest);
  const grant = useMyGrant(ws.workspace.id, resourceType, resourceId, !byRole);
  const permission = grant.data ?? undefined;
  return (action) => can({ role: ws.role }, action, permission);
}

const LAST_KEY = 'atrium:last-workspace';
export const rememberWorkspace = (slug: string) => {
  try {
    localStorage.setItem(LAST_KEY, slug);
  } catch {
    /* private mode: nothing to remember */
  }
};
export const lastWorkspace = (): string | null => {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
};
