import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client';
import { keys } from '../api/queries';
import type { InvitationPreview, Workspace } from '../api/types';
import { useSession } from '../app/session';
import { rememberWorkspace } from '../app/workspace';
import { AuthLayout } from '../components/layout/AuthLayout';
import { Alert } from '../components/ui/Alert';
import { Avatar } from '../components/ui/Avatar';
import { RoleBadge } from '../components/ui/Badge';
import { Button, ButtonLink } from '../components/ui/Button';
import { useTitle } from '../components/ui/Page';
import { EmptyState, PageLoading } from '../components/ui/States';
import { Time } from '../components/ui/Time';
import { useToast } from '../components/ui/Toast';

const ENDED: Record<string, string> = {
  accepted: 'This invitation has already been accepted.',
  revoked: 'This invitation was revoked by the workspace. Ask them for a new one.',
  expired: 'This invitation has expired. Ask the person who invited you to resend it.',
};

/** The page behind the link an invitation gives: works signed out (preview), then signs up, signs in or accepts. */
export function AcceptInvitationPage() {
  useTitle('Invitation');
  const { token = '' } = useParams();
  const { user } = useSession();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });

  if (preview.isPending) return <PageLoading />;
  if (preview.isError) {
    const notFound = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <AuthLayout>
        <EmptyState icon="mail" title={notFound ? 'Invitation not found' : 'Could not open this invitation'} action={<ButtonLink to="/">Go to atrium</ButtonLink>}>
          {notFound ? 'The link may be incomplete, or a newer invitation replaced it.' : errorMessage(preview.error)}
        </EmptyState>
      </AuthLayout>
    );
  }

  const inv = preview.data;
  // Signing up or in comes back here, with the invited address filled in.
  const params = new URLSearchParams({ email: inv.email, next: `/invitations/${encodeURIComponent(token)}` });
  return (
    <AuthLayout wide>
      <div className="stack">
        <InvitationSummary invitation={inv} />
        {inv.status !== 'pending' ? (
          <Alert tone="warning">{ENDED[inv.status]}</Alert>
        ) : !user ? (
          <div className="stack-sm">
            <ButtonLink variant="primary" to={`/signup?${params}`}>
              Create an account to accept
            </ButtonLink>
            <ButtonLink to={`/signin?${params}`}>I already have an account</ButtonLink>
          </div>
        ) : user.email.toLowerCase() !== inv.email.toLowerCase() ? (
          <WrongAccount invitation={inv} email={user.email} signInParams={params} />
        ) : (
          <AcceptPanel invitation={inv} token={token} email={user.email} />
        )}
      </div>
    </AuthLayout>
  );
}

function InvitationSummary({ invitation: inv }: { invitation: InvitationPreview }) {
  return (
    <>
      <div className="person">
        <Avatar name={inv.workspace.name} seed={inv.workspace.id} square />
        <div>
          <h1>Join {inv.workspace.name}</h1>
          <p className="muted">
            {inv.invited_by_name ? `${inv.invited_by_name} invited you` : 'You are invited'} to join as <RoleBadge role={inv.role} />
          </p>
        </div>
      </div>
      <dl className="kv">
        <dt>Invitation for</dt>
        <dd>{inv.email}</dd>
        <dt>Workspace</dt>
        <dd>{inv.workspace.name}</dd>
        <dt>{inv.status === 'pending' ? 'Expires' : 'Status'}</dt>
        <dd>{inv.status === 'pending' ? <Time value={inv.expires_at} /> : inv.status}</dd>
      </dl>
    </>
  );
}

function WrongAccount({ invitation: inv, email, signInParams }: { invitation: InvitationPreview; email: string; signInParams: URLSearchParams }) {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <div className="stack-sm">
      <Alert tone="warning" title="Signed in with another e-mail">
        You are signed in as {email}, but this invitation is for {inv.email}. Sign in with that address to accept it.
      </Alert>
      <Button onClick={() => signOut().then(() => navigate(`/signin?${signInParams}`), () => toast.error('Could not sign out. Try again.'))}>Switch account</Button>
    </div>
  );
}

/** Accepting joins the workspace and opens it (remembered as the last one used). */
function useAcceptInvitation(token: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Workspace>(`/api/invitations/${encodeURIComponent(token)}/accept`),
    onSuccess: async (workspace) => {
      await queryClient.invalidateQueries({ queryKey: keys.workspaces });
      rememberWorkspace(workspace.slug);
      navigate(`/w/${workspace.slug}`, { replace: true });
    },
  });
}

function AcceptPanel({ invitation: inv, token, email }: { invitation: InvitationPreview; token: string; email: string }) {
  const accept = useAcceptInvitation(token);
  const alreadyMember = accept.error instanceof ApiError && accept.error.code === 'already_member';

  return (
    <div className="stack-sm">
      {accept.error && !alreadyMember && <Alert tone="danger">{errorMessage(accept.error)}</Alert>}
      {alreadyMember ? (
        <>
          <Alert tone="info">You are already a member of {inv.workspace.name}.</Alert>
          <ButtonLink variant="primary" to={`/w/${inv.workspace.slug}`}>
            Open {inv.workspace.name}
          </ButtonLink>
        </>
      ) : (
        <Button variant="primary" block loading={accept.isPending} onClick={() => accept.mutate()}>
          Accept invitation
        </Button>
      )}
      <p className="muted small" style={{ textAlign: 'center' }}>
        Signed in as {email} · <Link to="/">Not now</Link>
      </p>
    </div>
  );
}
