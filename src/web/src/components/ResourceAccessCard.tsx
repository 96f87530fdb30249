import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../api/client';
import { keys, useGrants, useMembers } from '../api/queries';
import type { Grant, GrantPermission, Member } from '../api/types';
import { useWorkspace } from '../app/workspace';
import { isAtLeast } from '../lib/permissions';
import { Badge, RoleBadge } from './ui/Badge';
import { Button } from './ui/Button';
import { Select } from './ui/Field';
import { Card } from './ui/Page';
import { ErrorState, LoadingRows } from './ui/States';
import { useToast } from './ui/Toast';

const PERMISSIONS: { value: GrantPermission; label: string }[] = [
  { value: 'read', label: 'Read' },
  { value: 'write', label: 'Write' },
  { value: 'admin', label: 'Admin (write and delete)' },
];

/**
 * Per-resource grants on one webhook endpoint or AI key: what a member may do
 * with it beyond their role (e.g. a developer who may rotate this endpoint's
 * secret). Admins and owners can do everything already, so only developers
 * and viewers are offered. Shown to those who may read grants; the API
 * enforces the same rules.
 */
export function ResourceAccessCard({ resourceType, resourceId, noun }: { resourceType: 'webhook' | 'ai_key'; resourceId: string; noun: string }) {
  const ws = useWorkspace();
  const id = ws.workspace.id;
  const canRead = ws.can('permission.read');
  const canManage = ws.can('permission.manage');
  const grants = useGrants(id, resourceType, resourceId, canRead);
  const members = useMembers(id, canRead);
  const queryClient = useQueryClient();
  const toast = useToast();
  const [userId, setUserId] = useState('');
  const [permission, setPermission] = useState<GrantPermission>('write');

  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.grants(id, resourceType, resourceId) });
  const grant = useMutation({
    mutationFn: () => api.post<Grant>(`/api/workspaces/${id}/permissions`, { resource_type: resourceType, resource_id: resourceId, user_id: userId, permission }),
    onSuccess: async (g) => {
      await refresh();
      setUserId('');
      toast.success(`${nameOf(members.data, g.user_id)} has ${g.permission} access to this ${noun}.`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const revoke = useMutation({
    mutationFn: (g: Grant) => api.del(`/api/workspaces/${id}/permissions/${g.id}`),
    onSuccess: async (_, g) => {
      await refresh();
      toast.success(`Revoked ${nameOf(members.data, g.user_id)}'s access to this ${noun}.`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (!canRead) return null;
  const candidates = (members.data ?? []).filter((m) => !isAtLeast(m.role, 'admin'));

  return (
    <Card title="Access" description={`Admins and owners manage every ${noun}. Give a developer or viewer more on this one ${noun}; it applies to their API tokens too.`} id="access">
      {grants.isPending || members.isPending ? (
        <LoadingRows rows={2} label="Loading access" />
      ) : grants.isError ? (
        <ErrorState error={grants.error} onRetry={() => grants.refetch()} />
      ) : (
        <div className="stack">
          {grants.data.length === 0 ? (
            <p className="muted small">No member has a grant on this {noun}.</p>
          ) : (
            <ul className="stack" aria-label="Grants" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {grants.data.map((g) => {
                const member = members.data?.find((m) => m.user_id === g.user_id);
                return (
                  <li key={g.id} className="row" style={{ justifyContent: 'space-between' }} data-testid={`grant-${member?.email ?? g.user_id}`}>
                    <span className="row">
                      <strong>{member?.name ?? g.user_id}</strong>
                      {member && <RoleBadge role={member.role} />}
                      <Badge tone="info">{g.permission}</Badge>
                    </span>
                    {canManage && (
                      <Button size="sm" loading={revoke.isPending && revoke.variables?.id === g.id} onClick={() => revoke.mutate(g)} aria-label={`Revoke ${member?.name ?? g.user_id}'s access`}>
                        Revoke
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {canManage && candidates.length > 0 && (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                if (userId) grant.mutate();
              }}
            >
              <Select size="sm" aria-label="Member" style={{ width: 'auto', minWidth: 220 }} value={userId} onChange={(e) => setUserId(e.target.value)}>
                <option value="">Choose a member…</option>
                {candidates.map((m) => (
                  <option key={m.user_id} value={m.user_id}>
                    {m.name} ({m.role})
                  </option>
                ))}
              </Select>
              <Select size="sm" aria-label="Permission" style={{ width: 'auto' }} value={permission} onChange={(e) => setPermission(e.target.value as GrantPermission)}>
                {PERMISSIONS.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </Select>
              <Button type="submit" size="sm" variant="primary" disabled={!userId} loading={grant.isPending}>
                Grant access
              </Button>
            </form>
          )}
        </div>
      )}
    </Card>
  );
}

const nameOf = (members: Member[] | undefined, userId: string) => members?.find((m) => m.user_id === userId)?.name ?? 'The member';
