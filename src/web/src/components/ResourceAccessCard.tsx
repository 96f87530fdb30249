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
export function ResourceAccessCard(props: AccessProps) {
  const ws = useWorkspace();
  return ws.can('permission.read') ? <AccessCard {...props} /> : null;
}

interface AccessProps {
  resourceType: 'webhook' | 'ai_key';
  resourceId: string;
  noun: string;
}

function AccessCard({ resourceType, resourceId, noun }: AccessProps) {
  const canManage = useWorkspace().can('permission.manage');
  const { grants, members, grant, revoke } = useResourceGrants(resourceType, resourceId, noun);
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
              {grants.data.map((g) => (
                <GrantItem key={g.id} grant={g} member={members.data?.find((m) => m.user_id === g.user_id)} revoking={revoke.isPending && revoke.variables?.id === g.id} onRevoke={canManage ? () => revoke.mutate(g) : undefined} />
              ))}
            </ul>
          )}
          {canManage && candidates.length > 0 && <GrantForm candidates={candidates} granting={grant.isPending} onGrant={(request, done) => grant.mutate(request, { onSuccess: done })} />}
        </div>
      )}
    </Card>
  );
}

/** The grants on one resource and the members they name; granting and revoking refresh the list and say what changed. */
function useResourceGrants(resourceType: AccessProps['resourceType'], resourceId: string, noun: string) {
  const id = useWorkspace().workspace.id;
  const grants = useGrants(id, resourceType, resourceId);
  const members = useMembers(id);
  const queryClient = useQueryClient();
  const toast = useToast();

  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.grants(id, resourceType, resourceId) });
  const grant = useMutation({
    mutationFn: ({ userId, permission }: GrantRequest) => api.post<Grant>(`/api/workspaces/${id}/permissions`, { resource_type: resourceType, resource_id: resourceId, user_id: userId, permission }),
    onSuccess: async (g) => {
      await refresh();
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
  return { grants, members, grant, revoke };
}

interface GrantRequest {
  userId: string;
  permission: GrantPermission;
}

/** `onRevoke` only for those who may manage grants. */
function GrantItem({ grant: g, member, revoking, onRevoke }: { grant: Grant; member: Member | undefined; revoking: boolean; onRevoke?: () => void }) {
  return (
    <li className="row" style={{ justifyContent: 'space-between' }} data-testid={`grant-${member?.email ?? g.user_id}`}>
      <span className="row">
        <strong>{member?.name ?? g.user_id}</strong>
        {member && <RoleBadge role={member.role} />}
        <Badge tone="info">{g.permission}</Badge>
      </span>
      {onRevoke && (
        <Button size="sm" loading={revoking} onClick={onRevoke} aria-label={`Revoke ${member?.name ?? g.user_id}'s access`}>
          Revoke
        </Button>
      )}
    </li>
  );
}

/** Picks a member and a permission; `done` runs once the grant is stored, to clear the member picked. */
function GrantForm({ candidates, granting, onGrant }: { candidates: Member[]; granting: boolean; onGrant: (request: GrantRequest, done: () => void) => void }) {
  const [userId, setUserId] = useState('');
  const [permission, setPermission] = useState<GrantPermission>('write');
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (userId) onGrant({ userId, permission }, () => setUserId(''));
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
      <Button type="submit" size="sm" variant="primary" disabled={!userId} loading={granting}>
        Grant access
      </Button>
    </form>
  );
}

const nameOf = (members: Member[] | undefined, userId: string) => members?.find((m) => m.user_id === userId)?.name ?? 'The member';
