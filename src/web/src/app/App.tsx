import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useParams, useSearchParams } from 'react-router';
import { useWorkspaces } from '../api/queries';
import { AppShell } from '../components/layout/AppShell';
import { AuthLayout } from '../components/layout/AuthLayout';
import { ButtonLink } from '../components/ui/Button';
import { useTitle } from '../components/ui/Page';
import { EmptyState, ErrorState, PageLoading } from '../components/ui/States';
import { ActivityPage } from '../pages/activity/ActivityPage';
import { AcceptInvitationPage } from '../pages/AcceptInvitation';
import { SignInPage } from '../pages/auth/SignIn';
import { SignUpPage } from '../pages/auth/SignUp';
import { safeNext } from '../pages/auth/safeNext';
import { MembersPage } from '../pages/members/MembersPage';
import { NewWorkspacePage } from '../pages/NewWorkspace';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { TokensPage } from '../pages/tokens/TokensPage';
import { AiKeysPage } from '../pages/ai-keys/AiKeysPage';
import { AiRoutesPage } from '../pages/ai-routes/AiRoutesPage';
import { WebhookDetailPage } from '../pages/webhooks/WebhookDetailPage';
import { WebhooksPage } from '../pages/webhooks/WebhooksPage';
import { useSession } from './session';
import { lastWorkspace, rememberWorkspace, useWorkspace, WorkspaceProvider } from './workspace';

function RequireAuth() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!user) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

function GuestOnly({ children }: { children: ReactNode }) {
  const { user, loading } = useSession();
  const [params] = useSearchParams();
  if (loading) return <PageLoading />;
  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <>{children}</>;
}

/** `/`: the workspace used last, else the first one, else creating one. */
function Home() {
  const workspaces = useWorkspaces();
  if (workspaces.isPending) return <PageLoading />;
  if (workspaces.isError) return <ErrorState error={workspaces.error} onRetry={() => workspaces.refetch()} />;
  const list = workspaces.data;
  if (list.length === 0) return <Navigate to="/new" replace />;
  const last = lastWorkspace();
  const target = list.find((w) => w.slug === last) ?? list[0];
  return <Navigate to={`/w/${target.slug}`} replace />;
}

/** Resolves `/w/:slug` against the member's workspaces and provides it (and its role) to the pages. */
function WorkspaceRoute() {
  const { slug } = useParams();
  const workspaces = useWorkspaces();
  const found = workspaces.data?.some((w) => w.slug === slug);
  // `/` reopens the workspace used last.
  useEffect(() => {
    if (slug && found) rememberWorkspace(slug);
  }, [slug, found]);
  if (workspaces.isPending) return <PageLoading />;
  if (workspaces.isError) return <ErrorState error={workspaces.error} onRetry={() => workspaces.refetch()} />;
  const workspace = workspaces.data.find((w) => w.slug === slug);
  if (!workspace) {
    return (
      <AuthLayout>
        <EmptyState icon="building" title="Workspace not found" action={<ButtonLink to="/">Go to my workspaces</ButtonLink>}>
          It may have been renamed or deleted, or you are not a member of it.
        </EmptyState>
      </AuthLayout>
    );
  }
  return (
    <WorkspaceProvider workspace={workspace}>
      <AppShell>
        <Outlet />
      </AppShell>
    </WorkspaceProvider>
  );
}

function WorkspaceIndex() {
  const { to } = useWorkspace();
  return <Navigate to={to('members')} replace />;
}

function NotFound({ inShell }: { inShell?: boolean }) {
  useTitle('Not found');
  const state = (
    <EmptyState icon="search" title="Page not found" action={<ButtonLink to="/">Back to atrium</ButtonLink>}>
      The page you are looking for does not exist.
    </EmptyState>
  );
  return inShell ? state : <AuthLayout>{state}</AuthLayout>;
}

// The usage page pulls in the chart library: load it on demand.
const AiKeyDetailPage = lazy(async () => ({ default: (await import('../pages/ai-keys/AiKeyDetailPage')).AiKeyDetailPage }));
const AiSpendPage = lazy(async () => ({ default: (await import('../pages/ai-spend/AiSpendPage')).AiSpendPage }));

const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<PageLoading />}>{children}</Suspense>;

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<GuestOnly><SignInPage /></GuestOnly>} />
      <Route path="/signup" element={<GuestOnly><SignUpPage /></GuestOnly>} />
      <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<Home />} />
        <Route path="new" element={<NewWorkspacePage />} />
        <Route path="w/:slug" element={<WorkspaceRoute />}>
          <Route index element={<WorkspaceIndex />} />
          <Route path="members" element={<MembersPage tab="members" />} />
          <Route path="members/invitations" element={<MembersPage tab="invitations" />} />
          <Route path="activity" element={<ActivityPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="webhooks/:id" element={<WebhookDetailPage />} />
          <Route path="ai-keys" element={<AiKeysPage />} />
          <Route path="ai-keys/:id" element={<Lazy><AiKeyDetailPage /></Lazy>} />
          <Route path="ai-spend" element={<Lazy><AiSpendPage /></Lazy>} />
          <Route path="ai-routes" element={<AiRoutesPage />} />
          <Route path="api-tokens" element={<TokensPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFound inShell />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

