import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { keys, useWorkspaces } from '../api/queries';
import type { Workspace } from '../api/types';
import { useSession, useUser } from '../app/session';
import { rememberWorkspace } from '../app/workspace';
import { AuthLayout } from '../components/layout/AuthLayout';
import { Alert } from '../components/ui/Alert';
import { Button } from '../components/ui/Button';
import { Field, Input, Textarea } from '../components/ui/Field';
import { useTitle } from '../components/ui/Page';
import { useToast } from '../components/ui/Toast';
import { useForm } from '../lib/useForm';

/** Create a workspace; also the landing page of an account that has none yet. */
export function NewWorkspacePage() {
  useTitle('Create a workspace');
  const user = useUser();
  const { signOut } = useSession();
  const toast = useToast();
  const workspaces = useWorkspaces();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({ name: '', slug: '', description: '' });
  const first = workspaces.data?.length === 0;

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const { name, slug, description } = form.values;
    const created = await form.submit(() =>
      api.post<Workspace>('/api/workspaces', {
        name: name.trim(),
        ...(slug.trim() ? { slug: slug.trim() } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
    );
    if (created) {
      queryClient.setQueryData<Workspace[]>(keys.workspaces, (list) => [...(list ?? []), created]);
      rememberWorkspace(created.slug);
      navigate(`/w/${created.slug}/members`, { replace: true });
    }
  };

  return (
    <AuthLayout wide>
      <h1>{first ? 'Create your first workspace' : 'Create a workspace'}</h1>
      <p className="lead">A workspace holds your team, its webhooks and its AI keys. You can rename it later.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {form.formError && <Alert tone="danger">{form.formError}</Alert>}
        <Field label="Workspace name" error={form.fieldErrors.name}>
          <Input required autoFocus placeholder="Acme Inc." value={form.values.name} onChange={(e) => form.set('name', e.target.value)} />
        </Field>
        <Field label="URL slug" optional hint="Lower-case letters, digits and dashes. Derived from the name when empty." error={form.fieldErrors.slug}>
          <Input mono placeholder="acme" value={form.values.slug} onChange={(e) => form.set('slug', e.target.value.toLowerCase())} />
        </Field>
        <Field label="Description" optional error={form.fieldErrors.description}>
          <Textarea rows={2} value={form.values.description} onChange={(e) => form.set('description', e.target.value)} />
        </Field>
        <div className="form-actions">
          {!first && (
            <Button onClick={() => navigate(-1)} disabled={form.submitting}>
              Cancel
            </Button>
          )}
          <Button type="submit" variant="primary" loading={form.submitting} block={first}>
            Create workspace
          </Button>
        </div>
      </form>
      <p className="auth-footer">
        Signed in as {user.email} ·{' '}
        <Link
          to="/signin"
          onClick={(e) => {
            e.preventDefault();
            signOut().then(
              () => navigate('/signin'),
              () => toast.error('Could not sign out. Try again.'),
            );
          }}
        >
          Sign out
        </Link>
      </p>
    </AuthLayout>
  );
}
