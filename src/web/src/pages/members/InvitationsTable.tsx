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
  const { resend, resending, resent, closeResent } = useResendInvitation();
  const [revoking, setRevoking] = useState<Invitation | null>(null);

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
            {sorted.map((inv) => (
              <InvitationRow key={inv.id} invitation={inv} resending={resending === inv.id} onResend={() => resend(inv)} onRevoke={() => setRevoking(inv)} />
            ))}
          </tbody>
        </table>
      </div>
      {resent && <InvitationLinkDialog invitation={resent} onClose={closeResent} title="New invitation link" />}
      <RevokeInvitationDialog invitation={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

/** Resending issues a new link (the old one stops working): `resent` holds it to show once. */
function useResendInvitation() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [resent, setResent] = useState<InvitationWithLink | null>(null);
  const [resending, setResending] = useState<string | null>(null);
  const id = ws.workspace.id;

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

  return { resend, resending, resent, closeResent: () => setResent(null) };
}

function InvitationRow({ invitation: inv, resending, onResend, onRevoke }: { invitation: Invitation; resending: boolean; onResend: () => void; onRevoke: () => void }) {
  const ws = useWorkspace();
  const open = inv.status === 'pending' || inv.status === 'expired';
  return (
    <tr data-testid={`invitation-${inv.email}`}>
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
        {ws.can('invitation.manage') && open && (
          <>
            <Button size="sm" icon="send" loading={resending} onClick={onResend} aria-label={`Resend invitation to ${inv.email}`}>
              Resend
            </Button>
            {inv.status === 'pending' && (
              <Button size="sm" variant="ghost" onClick={onRevoke} aria-label={`Revoke invitation to ${inv.email}`}>
                Revoke
              </Button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

function RevokeInvitationDialog({ invitation, onClose }: { invitation: Invitation | null; onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = ws.workspace.id;
  return (
    <ConfirmDialog
      open={invitation !== null}
      onClose={onClose}
      title="Revoke invitation?"
      description={`The link sent to ${invitation?.email} stops working. You can invite them again later.`}
      confirmLabel="Revoke invitation"
      onConfirm={async () => {
        await api.del(`/api/workspaces/${id}/invitations/${invitation!.id}`);
        await queryClient.invalidateQueries({ queryKey: keys.invitations(id) });
        toast.success(`Invitation to ${invitation!.email} revoked.`);
      }}
    />
  );
}
