import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ApiToken, Invitation, List, Member, Workspace } from './types';

/** Query keys in one place so mutations invalidate exactly what they change. */
export const keys = {
  workspaces: ['workspaces'] as const,
  members: (ws: string) => ['workspaces', ws, 'members'] as const,
  invitations: (ws: string) => ['workspaces', ws, 'invitations'] as const,
  activity: (ws: string) => ['workspaces', ws, 'activity'] as const,
  tokens: ['tokens'] as const,
};

export function useWorkspaces() {
  return useQuery({
    queryKey: keys.workspaces,
    queryFn: async () => (await api.get<List<Workspace>>('/api/workspaces')).data,
  });
}

export function useMembers(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: keys.members(workspaceId),
    queryFn: async () => (await api.get<List<Member>>(`/api/workspaces/${workspaceId}/members`)).data,
    enabled,
  });
}

export function useInvitations(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: keys.invitations(workspaceId),
    queryFn: async () => (await api.get<List<Invitation>>(`/api/workspaces/${workspaceId}/invitations`, { status: 'all' })).data,
    enabled,
  });
}

export function useTokens() {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: async () => (await api.get<List<ApiToken>>('/api/tokens')).data,
  });
}
