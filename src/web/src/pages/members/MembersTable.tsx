import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { keys } from '../../api/queries';
import type { Member, Role } from '../../api/types';
import { useUser } from '../../app/session';
import { useWorkspace } from '../../app/workspace';
import { Avatar } from '../../components/ui/Avatar';
import { Badge, RoleBadge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Select } from '../../components/ui/Field';
import { EmptyState } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { useToast } from '../../components/ui/Toast';
import { capitalize } from '../../lib/format';
import { LimitsButton } from '../ai-spend/LimitsDialog';

const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, developer: 2, viewer: 3 };

export function MembersTable({ members }: { members: Member[] }) {
  const changeRole = useChangeRole();
  const [removing, setRemoving] = useState<Member | null>(null);

  if (members.length === 0) return <EmptyState icon="users" title="No members yet" />;
  const sorted = [...members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));

  return (
    <>
      <div className="table-wrap">
        <table className="table table-stack">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col" className="actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((m) => (
              <MemberRow
                key={m.user_id}
                member={m}
                changingRole={changeRole.isPending && changeRole.variables?.member.user_id === m.user_id}
                onRoleChange={(role) => changeRole.mutate({ member: m, role })}
                onRemove={() => setRemoving(m)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <RemoveMemberDialog member={removing} onClose={() => setRemoving(null)} />
    </>
  );
}

function useChangeRole() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = ws.workspace.id;
  return useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) => api.patch<Member>(`/api/workspaces/${id}/members/${member.user_id}`, { role }),
    onSuccess: (updated) => {
      queryClient.setQueryData<Member[]>(keys.members(id), (list) => list?.map((m) => (m.user_id === updated.user_id ? updated : m)));
      toast.success(`${updated.name} is now ${updated.role === 'admin' ? 'an' : 'a'} ${updated.role}.`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
}

function MemberRow({ member: m, changingRole, onRoleChange, onRemove }: { member: Member; changingRole: boolean; onRoleChange: (role: Role) => void; onRemove: () => void }) {
  const ws = useWorkspace();
  const me = useUser();
  const self = m.user_id === me.id;
  // Owners change hands through "transfer ownership"; nobody edits themselves here.
  const editable = !self && m.role !== 'owner' && ws.canManage(m.role);
  const roles = ws.assignableRoles.includes(m.role) ? ws.assignableRoles : [m.role, ...ws.assignableRoles];
  return (
    <tr data-testid={`member-${m.email}`}>
      <td className="primary-cell">
        <div className="person">
          <Avatar name={m.name} seed={m.user_id} />
          <div style={{ minWidth: 0 }}>
            <div className="cell-title truncate">
              {m.name} {self && <Badge>You</Badge>}
            </div>
            <div className="cell-sub truncate">{m.email}</div>
          </div>
        </div>
      </td>
      <td data-label="Role">
        {editable ? (
          <Select size="sm" aria-label={`Role of ${m.name}`} value={m.role} disabled={changingRole} onChange={(e) => onRoleChange(e.target.value as Role)} style={{ width: 'auto' }}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {capitalize(r)}
              </option>
            ))}
          </Select>
        ) : (
          <RoleBadge role={m.role} />
        )}
      </td>
      <td data-label="Joined" className="muted">
        <Time value={m.joined_at} />
      </td>
      <td className="actions">
        {ws.can('ai_limit.manage') && <LimitsButton path={`/api/workspaces/${ws.workspace.id}/ai-limits/members/${m.user_id}`} subject={m.name} />}
        {editable && (
          <Button size="sm" variant="ghost" icon="trash" onClick={onRemove} aria-label={`Remove ${m.name}`}>
            Remove
          </Button>
        )}
      </td>
    </tr>
  );
}

function RemoveMemberDialog({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = ws.workspace.id;
  return (
    <ConfirmDialog
      open={member !== null}
      onClose={onClose}
      title={`Remove ${member?.name ?? ''}?`}
      description={`${member?.email} loses access to ${ws.workspace.name} right away. Their API tokens for this workspace stop working.`}
      confirmLabel="Remove member"
      onConfirm={async () => {
        await api.del(`/api/workspaces/${id}/members/${member!.user_id}`);
        queryClient.setQueryData<Member[]>(keys.members(id), (list) => list?.filter((x) => x.user_id !== member!.user_id));
        toast.success(`${member!.name} was removed.`);
      }}
    />
  );
}
