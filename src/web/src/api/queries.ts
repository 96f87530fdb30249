import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AiKey, AiRoute, ApiToken, EventTypeInfo, Grant, Invitation, List, Member, Page, ResponseOf, Webhook, Workspace } from './types';

/** Query keys in one place so mutations invalidate exactly what they change. */
export const keys = {
  workspaces: ['workspaces'] as const,
  members: (ws: string) => ['workspaces', ws, 'members'] as const,
  invitations: (ws: string) => ['workspaces', ws, 'invitations'] as const,
  activity: (ws: string) => ['workspaces', ws, 'activity'] as const,
  tokens: ['tokens'] as const,
  webhooks: (ws: string) => ['workspaces', ws, 'webhooks'] as const,
  webhook: (id: string) => ['webhooks', id] as const,
  eventTypes: ['event-types'] as const,
  aiKeys: (ws: string) => ['workspaces', ws, 'ai-keys'] as const,
  aiKey: (id: string) => ['ai-keys', id] as const,
  aiRoutes: (ws: string) => ['workspaces', ws, 'ai-routes'] as const,
  providers: ['ai-providers'] as const,
  grants: (ws: string, type: string, id: string) => ['workspaces', ws, 'permissions', type, id] as const,
  myGrant: (ws: string, type: string, id: string) => ['workspaces', ws, 'permissions', type, id, 'mine'] as const,
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

export function useWebhooks(workspaceId: string) {
  return useQuery({
    queryKey: keys.webhooks(workspaceId),
    // Endpoints per workspace are few; 200 covers the list page without pagination UI.
    queryFn: async () => (await api.get<Page<Webhook>>('/api/webhooks', { workspace_id: workspaceId, limit: 200 })).data,
  });
}

export function useWebhook(id: string) {
  return useQuery({ queryKey: keys.webhook(id), queryFn: () => api.get<Webhook>(`/api/webhooks/${id}`) });
}

export function useEventTypes() {
  return useQuery({
    queryKey: keys.eventTypes,
    queryFn: async () => (await api.get<List<EventTypeInfo>>('/api/webhooks/event-types')).data,
    staleTime: Infinity,
  });
}

export function useAiKeys(workspaceId: string) {
  return useQuery({
    queryKey: keys.aiKeys(workspaceId),
    queryFn: async () => (await api.get<List<AiKey>>('/api/ai-keys', { workspace_id: workspaceId })).data,
  });
}

export function useAiRoutes(workspaceId: string) {
  return useQuery({
    queryKey: keys.aiRoutes(workspaceId),
    queryFn: async () => (await api.get<List<AiRoute>>('/api/ai-routes', { workspace_id: workspaceId })).data,
  });
}

export function useAiKey(id: string) {
  return useQuery({ queryKey: keys.aiKey(id), queryFn: () => api.get<AiKey>(`/api/ai-keys/${id}`) });
}

export function useProviders() {
  return useQuery({
    queryKey: keys.providers,
    queryFn: async () => (await api.get<ResponseOf<'/api/ai-keys/providers', 'get'>>('/api/ai-keys/providers')).data,
    staleTime: Infinity,
  });
}

/** Grants on one resource (admins only: `permission.read`). */
export function useGrants(workspaceId: string, resourceType: string, resourceId: string, enabled = true) {
  return useQuery({
    queryKey: keys.grants(workspaceId, resourceType, resourceId),
    queryFn: async () => (await api.get<List<Grant>>(`/api/workspaces/${workspaceId}/permissions`, { resource_type: resourceType, resource_id: resourceId })).data,
    enabled,
  });
}

/** The signed-in member's own grant on one resource (null: none). */
export function useMyGrant(workspaceId: string, resourceType: string, resourceId: string, enabled = true) {
  return useQuery({
    queryKey: keys.myGrant(workspaceId, resourceType, resourceId),
    queryFn: async () => (await api.get<ResponseOf<'/api/workspaces/{id}/permissions/mine', 'get'>>(`/api/workspaces/${workspaceId}/permissions/mine`, { resource_type: resourceType, resource_id: resourceId })).permission,
    enabled,
  });
}
