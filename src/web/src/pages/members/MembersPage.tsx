import { useState } from 'react';
import { NavLink } from 'react-router';
import { useInvitations, useMembers } from '../../api/queries';
import { useWorkspace } from '../../app/workspace';
import { Button } from '../../components/ui/Button';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { ErrorState, LoadingRows } from '../../components/ui/States';
import { InvitationsTable } from './InvitationsTable';
import { InviteDialog } from './InviteDialog';
import { MembersTable } from './MembersTable';

export function MembersPage({ tab }: { tab: 'members' | 'invitations' }) {
  const ws = useWorkspace();
  useTitle(tab === 'members' ? 'Members' : 'Invitations');
  const canInvite = ws.can('invitation.manage');
  const canSeeInvitations = ws.can('invitation.read');
  const members = useMembers(ws.workspace.id);
  const invitations = useInvitations(ws.workspace.id, canSeeInvitations);
  const [inviting, setInviting] = useState(false);
  const pending = invitations.data?.filter((i) => i.status === 'pending').length ?? 0;
  const showInvitations = tab === 'invitations' && canSeeInvitations;

  return (
    <>
      <PageHeader
        title="Members"
        description="People in this workspace and what they can do. Roles decide who manages members, webhooks and AI keys."
        actions={
          canInvite && (
            <Button variant="primary" icon="plus" onClick={() => setInviting(true)}>
              Invite member
            </Button>
          )
        }
      />
      {canSeeInvitations && (
        <nav className="tabs" aria-label="Members sections">
          <NavLink end to={ws.to('members')} className="tab">
            Members
            {members.data && <span className="count">{members.data.length}</span>}
          </NavLink>
          <NavLink to={ws.to('members/invitations')} className="tab">
            Invitations
            {pending > 0 && <span className="count">{pending}</span>}
          </NavLink>
        </nav>
      )}
      {showInvitations ? (
        <Card flush>
          {invitations.isPending ? (
            <LoadingRows label="Loading invitations" />
          ) : invitations.isError ? (
            <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
          ) : (
            <InvitationsTable invitations={invitations.data} onInvite={canInvite ? () => setInviting(true) : undefined} />
          )}
        </Card>
      ) : (
        <Card flush>
          {members.isPending ? (
            <LoadingRows label="Loading members" />
          ) : members.isError ? (
            <ErrorState error={members.error} onRetry={() => members.refetch()} />
          ) : (
            <MembersTable members={members.data} />
          )}
        </Card>
      )}
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
