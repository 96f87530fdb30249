import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { keys } from '../../api/queries';
import type { Invitation, InvitationWithLink } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Badge, RoleBadge, type Tone } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { EmptyState } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { useToast } from '../../components/ui/Toast';
import { capitalize } from '../../lib/format';
import { InvitationLinkDialog } from './InviteDialog';

const STATUS_TONE: Record<Invitation['status'], Tone> = { pending: 'warning', accepted: 'success', revoked: 'neutral', expired: 'danger' };

export function InvitationsTable({ invitations, onInvite }: { invitations: Invitation[]; onInvite?: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [resent, setResent] = useState<InvitationWithLink | null>(null);
  const [resending, setResending] = useState<string | null>(null);
  const canManage = ws.can('invitation.manage');
  const id = ws.workspace.id;

  if (invitations.length === 0) {
    return (
      <EmptyState
        icon="mail"
        title="No invitations yet"
        action={
          onInvite && (
            <Button variant="primary" icon="plus" onClick={onInvite}>
              Invite member
            </Button>
          )
        }
      >
        Invite teammates by e-mail. Each invitation gives a single-use link.
      </EmptyState>
    );
  }

  const resend = async (inv: Invitation) => {
    setResending(inv.id);
    try {
      const fresh = await api.post<InvitationWithLink>(`/api/workspaces/${id}/invitations/${inv.id}/resend`);
      await queryClient.invalidateQueries({ queryKey: keys.invitations(id) });
      setResent(fresh);
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setResending(null);
    }
  };

  // Pending first, then newest.
  const sorted = [...invitations].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending') || b.created_at.localeCompare(a.created_at));

  return (
    <>
      <div className="table-wrap">
        <table className="table table-stack">
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sent</th>
              <th scope="col" className="actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((inv) => {
              const open = inv.status === 'pending' || inv.status === 'expired';
              return (
                <tr key={inv.id} data-testid={`invitation-${inv.email}`}>
                  <td className="primary-cell">
                    <div className="cell-title truncate">{inv.email}</div>
                    <div className="cell-sub">
                      {inv.status === 'pending' ? <>Expires <Time value={inv.expires_at} /></> : inv.status === 'accepted' ? <>Accepted <Time value={inv.accepted_at} /></> : inv.status === 'revoked' ? <>Revoked <Time value={inv.revoked_at} /></> : <>Expired <Time value={inv.expires_at} /></>}
                    </div>
                  </td>
                  <td data-label="Role">
                    <RoleBadge role={inv.role} />
                  </td>
                  <td data-label="Status">
                    <Badge tone={STATUS_TONE[inv.status]} dot>
                      {capitalize(inv.status)}
                    </Badge>
                  </td>
                  <td data-label="Last sent" className="muted">
                    <span>
                      <Time value={inv.last_sent_at} />
                      {inv.send_count > 1 && <span className="tiny"> · sent {inv.send_count}×</span>}
                    </span>
                  </td>
                  <td className="actions">
                    {canManage && open && (
                      <>
                        <Button size="sm" icon="send" loading={resending === inv.id} onClick={() => resend(inv)} aria-label={`Resend invitation to ${inv.email}`}>
                          Resend
                        </Button>
                        {inv.status === 'pending' && (
                          <Button size="sm" variant="ghost" onClick={() => setRevoking(inv)} aria-label={`Revoke invitation to ${inv.email}`}>
                            Revoke
                          </Button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {resent && <InvitationLinkDialog invitation={resent} onClose={() => setResent(null)} title="New invitation link" />}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke invitation?"
        description={`The link sent to ${revoking?.email} stops working. You can invite them again later.`}
        confirmLabel="Revoke invitation"
        onConfirm={async () => {
          await api.del(`/api/workspaces/${id}/invitations/${revoking!.id}`);
          await queryClient.invalidateQueries({ queryKey: keys.invitations(id) });
          toast.success(`Invitation to ${revoking!.email} revoked.`);
        }}
      />
    </>
  );
}
