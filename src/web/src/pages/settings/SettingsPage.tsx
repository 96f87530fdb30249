import { useQueryClient } from '@tanstack/react-query';
import { LimitsButton } from '../ai-spend/LimitsDialog';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { keys, useMembers } from '../../api/queries';
import type { Workspace } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Alert } from '../../components/ui/Alert';
import { RoleBadge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Field, Input, Select, Textarea } from '../../components/ui/Field';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { Time } from '../../components/ui/Time';
import { useToast } from '../../components/ui/Toast';
import { capitalize } from '../../lib/format';
import { useForm } from '../../lib/useForm';

export function SettingsPage() {
  useTitle('Settings');
  const ws = useWorkspace();
  return (
    <>
      <PageHeader title="Settings" description={`General settings of ${ws.workspace.name}.`} />
      <div className="stack">
        {ws.can('workspace.update') ? <GeneralForm /> : <GeneralReadOnly />}
        {ws.can('ai_limit.manage') && (
          <Card
            title="AI gateway limits"
            description="Limits for the whole workspace: requests and tokens per minute, monthly requests and cost, allowed models and providers."
            id="ai-limits"
            actions={<LimitsButton path={`/api/workspaces/${ws.workspace.id}/ai-limits/workspace`} subject={ws.workspace.name} />}
          />
        )}
        {ws.can('workspace.transfer') && <TransferOwnership />}
        {ws.role !== 'owner' && <LeaveWorkspace />}
        {ws.can('workspace.delete') && <DeleteWorkspace />}
      </div>
    </>
  );
}

function GeneralReadOnly() {
  const { workspace, role } = useWorkspace();
  return (
    <Card title="General" id="general">
      <dl className="kv">
        <dt>Name</dt>
        <dd>{workspace.name}</dd>
        <dt>Slug</dt>
        <dd className="mono">{workspace.slug}</dd>
        <dt>Description</dt>
        <dd>{workspace.description || <span className="muted">—</span>}</dd>
        <dt>Your role</dt>
        <dd>
          <RoleBadge role={role} />
        </dd>
        <dt>Created</dt>
        <dd>
          <Time value={workspace.created_at} mode="absolute" />
        </dd>
      </dl>
    </Card>
  );
}

function GeneralForm() {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const form = useForm({ name: workspace.name, slug: workspace.slug, description: workspace.description ?? '' });
  const v = form.values;
  const patch: Record<string, string | null> = {};
  if (v.name.trim() !== workspace.name) patch.name = v.name.trim();
  if (v.slug.trim() !== workspace.slug) patch.slug = v.slug.trim();
  if (v.description.trim() !== (workspace.description ?? '')) patch.description = v.description.trim() || null;
  const dirty = Object.keys(patch).length > 0;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!dirty) return;
    const updated = await form.submit(() => api.patch<Workspace>(`/api/workspaces/${workspace.id}`, patch));
    if (!updated) return;
    queryClient.setQueryData<Workspace[]>(keys.workspaces, (list) => list?.map((w) => (w.id === updated.id ? updated : w)));
    form.setValues({ name: updated.name, slug: updated.slug, description: updated.description ?? '' });
    toast.success('Workspace updated.');
    // The slug is part of every URL of the workspace.
    if (updated.slug !== workspace.slug) navigate(`/w/${updated.slug}/settings`, { replace: true });
  };

  return (
    <Card title="General" description="The name and URL your team sees." id="general">
      <form className="form" onSubmit={save} noValidate>
        {form.formError && <Alert tone="danger">{form.formError}</Alert>}
        <div className="form-row">
          <Field label="Workspace name" error={form.fieldErrors.name}>
            <Input value={v.name} onChange={(e) => form.set('name', e.target.value)} />
          </Field>
          <Field label="Slug" hint="Used in URLs. Changing it breaks old bookmarks." error={form.fieldErrors.slug}>
            <Input mono value={v.slug} onChange={(e) => form.set('slug', e.target.value.toLowerCase())} />
          </Field>
        </div>
        <Field label="Description" optional error={form.fieldErrors.description}>
          <Textarea rows={3} value={v.description} onChange={(e) => form.set('description', e.target.value)} />
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={!dirty} loading={form.submitting}>
            Save changes
          </Button>
        </div>
      </form>
    </Card>
  );
}

function TransferOwnership() {
  const ws = useWorkspace();
  const members = useMembers(ws.workspace.id);
  const queryClient = useQueryClient();
  const toast = useToast();
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const candidates = (members.data ?? []).filter((m) => m.role !== 'owner');
  const chosen = candidates.find((m) => m.user_id === target);

  return (
    <Card title="Transfer ownership" description="Make another member the owner. You stay in the workspace as an admin." id="transfer">
      {candidates.length === 0 && !members.isPending ? (
        <p className="muted small">Invite someone first: ownership can only go to an existing member.</p>
      ) : (
        <div className="input-group" style={{ flexWrap: 'wrap' }}>
          <div style={{ flex: '1 1 240px' }}>
            <Field label="New owner">
              <Select value={target} onChange={(e) => setTarget(e.target.value)} disabled={members.isPending}>
                <option value="">Choose a member…</option>
                {candidates.map((m) => (
                  <option key={m.user_id} value={m.user_id}>
                    {m.name} ({m.email}) · {capitalize(m.role)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Button style={{ alignSelf: 'flex-end' }} disabled={!chosen} onClick={() => setConfirming(true)}>
            Transfer ownership
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming && Boolean(chosen)}
        onClose={() => setConfirming(false)}
        title={`Make ${chosen?.name} the owner?`}
        description="They get full control, including deleting the workspace. You become an admin and cannot undo this yourself."
        confirmLabel="Transfer ownership"
        confirmText={ws.workspace.slug}
        onConfirm={async () => {
          await api.post(`/api/workspaces/${ws.workspace.id}/transfer-ownership`, { user_id: chosen!.user_id });
          await queryClient.invalidateQueries({ queryKey: keys.workspaces });
          await queryClient.invalidateQueries({ queryKey: keys.members(ws.workspace.id) });
          toast.success(`${chosen!.name} now owns ${ws.workspace.name}.`);
          setTarget('');
        }}
      />
    </Card>
  );
}

function LeaveWorkspace() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Card
        title="Leave workspace"
        description="You lose access until someone invites you again."
        id="leave"
        actions={
          <Button variant="danger-outline" onClick={() => setConfirming(true)}>
            Leave workspace
          </Button>
        }
      />
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Leave ${ws.workspace.name}?`}
        description="Your API tokens for this workspace stop working."
        confirmLabel="Leave workspace"
        onConfirm={async () => {
          await api.post(`/api/workspaces/${ws.workspace.id}/leave`);
          queryClient.setQueryData<Workspace[]>(keys.workspaces, (list) => list?.filter((w) => w.id !== ws.workspace.id));
          toast.success(`You left ${ws.workspace.name}.`);
          navigate('/', { replace: true });
        }}
      />
    </>
  );
}

function DeleteWorkspace() {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Card
        danger
        title="Delete workspace"
        description="Deletes the workspace with its members, invitations, activity, webhooks and AI keys. This cannot be undone."
        id="delete"
        actions={
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Delete workspace
          </Button>
        }
      />
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Delete ${ws.workspace.name}?`}
        description="Everything in it is deleted for every member, right away."
        confirmLabel="Delete workspace"
        confirmText={ws.workspace.slug}
        onConfirm={async () => {
          await api.del(`/api/workspaces/${ws.workspace.id}`);
          queryClient.setQueryData<Workspace[]>(keys.workspaces, (list) => list?.filter((w) => w.id !== ws.workspace.id));
          toast.success(`${ws.workspace.name} was deleted.`);
          navigate('/', { replace: true });
        }}
      />
    </>
  );
}
