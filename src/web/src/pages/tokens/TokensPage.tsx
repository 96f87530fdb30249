import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys, useTokens } from '../../api/queries';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Alert } from '../../components/ui/Alert';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { SecretBox } from '../../components/ui/Copy';
import { Dialog } from '../../components/ui/Dialog';
import { Field, Input, Select } from '../../components/ui/Field';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { useToast } from '../../components/ui/Toast';
import { SCOPES } from '../../lib/permissions';
import { useForm } from '../../lib/useForm';

const SCOPE_HELP: Record<string, string> = {
  'workspaces:read': 'Read workspace details',
  'workspaces:write': 'Rename and configure the workspace',
  'members:read': 'List members and invitations',
  'members:write': 'Invite, change roles, remove',
  'activity:read': 'Read the activity log',
  'webhooks:read': 'List endpoints and deliveries',
  'webhooks:write': 'Create, change and test endpoints',
  'events:write': 'Publish custom events',
  'ai_keys:read': 'List AI keys and usage',
  'ai_keys:write': 'Add, rotate and configure AI keys',
  'ai:use': 'Call models through the /v1 gateway',
};

export function TokensPage() {
  useTitle('API tokens');
  const ws = useWorkspace();
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const mine = (tokens.data ?? []).filter((t) => t.workspace_id === ws.workspace.id);

  return (
    <>
      <PageHeader
        title="API tokens"
        description={`Your personal tokens for ${ws.workspace.name}. A token acts as you, limited to its scopes and never beyond your role.`}
        actions={
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      <Card flush>
        {tokens.isPending ? (
          <LoadingRows label="Loading tokens" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : mine.length === 0 ? (
          <EmptyState
            icon="token"
            title="No API tokens"
            action={
              <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
                Create token
              </Button>
            }
          >
            Tokens let scripts and services call the atrium API and the AI gateway as you.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table-stack">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col" className="actions">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {mine.map((t) => (
                  <tr key={t.id} data-testid={`token-${t.name}`}>
                    <td className="primary-cell">
                      <div className="cell-title">{t.name}</div>
                      <div className="cell-sub mono">{t.token_prefix}…</div>
                    </td>
                    <td data-label="Scopes">
                      <span className="row" style={{ gap: 4, justifyContent: 'inherit' }}>
                        {t.scopes.length === SCOPES.length ? <Badge tone="primary">All scopes</Badge> : t.scopes.slice(0, 3).map((s) => <Badge key={s} mono>{s}</Badge>)}
                        {t.scopes.length > 3 && t.scopes.length < SCOPES.length && <Badge title={t.scopes.join(', ')}>+{t.scopes.length - 3}</Badge>}
                      </span>
                    </td>
                    <td data-label="Last used" className="muted">
                      {t.last_used_at ? <Time value={t.last_used_at} /> : 'Never'}
                    </td>
                    <td data-label="Expires" className="muted">
                      {t.expires_at ? <Time value={t.expires_at} /> : 'Never'}
                    </td>
                    <td className="actions">
                      <Button size="sm" variant="ghost" icon="trash" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke ${revoking?.name ?? 'token'}?`}
        description="Anything using this token gets 401 errors from now on. This cannot be undone."
        confirmLabel="Revoke token"
        onConfirm={async () => {
          await api.del(`/api/tokens/${revoking!.id}`);
          queryClient.setQueryData<ApiToken[]>(keys.tokens, (list) => list?.filter((x) => x.id !== revoking!.id));
          toast.success(`${revoking!.name} revoked.`);
        }}
      />
    </>
  );
}

const READ_SCOPES = SCOPES.filter((s) => s.endsWith(':read'));

function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const form = useForm({ name: '', scopes: [...READ_SCOPES] as string[], expires: '90' });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  if (created) {
    return (
      <Dialog
        open
        onClose={onClose}
        dismissible={false}
        icon="checkCircle"
        tone="success"
        title="Token created"
        description={`${created.name} can now call the API with ${created.scopes.length} scope${created.scopes.length === 1 ? '' : 's'}.`}
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <SecretBox value={created.token} label="API token" />
        <pre className="code-block">{`curl ${location.origin}/api/workspaces/${ws.workspace.id} \\\n  -H "Authorization: Bearer ${created.token}"`}</pre>
      </Dialog>
    );
  }

  const toggle = (scope: string, on: boolean) => form.set('scopes', on ? [...form.values.scopes, scope] : form.values.scopes.filter((s) => s !== scope));

  const submit = async () => {
    const result = await form.submit(
      (v) =>
        api.post<CreatedApiToken>('/api/tokens', {
          name: v.name.trim(),
          workspace_id: ws.workspace.id,
          scopes: v.scopes,
          ...(v.expires ? { expires_in_days: Number(v.expires) } : {}),
        }),
      ['name', 'scopes', 'expires_in_days'],
    );
    if (result) {
      queryClient.setQueryData<ApiToken[]>(keys.tokens, (list) => [result, ...(list ?? [])]);
      setCreated(result);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      wide
      icon="token"
      title="Create API token"
      description={`For ${ws.workspace.name}. The token is shown once, right after you create it.`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={form.submitting}>
            Create token
          </Button>
        </>
      }
    >
      {form.formError && <Alert tone="danger">{form.formError}</Alert>}
      <div className="form-row">
        <Field label="Name" hint="What uses it, e.g. “CI deploy” or “billing service”." error={form.fieldErrors.name}>
          <Input autoFocus value={form.values.name} onChange={(e) => form.set('name', e.target.value)} />
        </Field>
        <Field label="Expires" error={form.fieldErrors.expires_in_days}>
          <Select value={form.values.expires} onChange={(e) => form.set('expires', e.target.value)}>
            <option value="7">In 7 days</option>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In a year</option>
            <option value="">Never</option>
          </Select>
        </Field>
      </div>
      <fieldset className="fieldset" aria-describedby="scopes-error">
        <legend className="spread" style={{ width: '100%' }}>
          <span className="field-label">Scopes</span>
          <span className="row">
            <Button size="sm" variant="ghost" onClick={() => form.set('scopes', [...READ_SCOPES])}>
              Read only
            </Button>
            <Button size="sm" variant="ghost" onClick={() => form.set('scopes', [...SCOPES])}>
              All
            </Button>
          </span>
        </legend>
        <div className="chip-grid">
          {SCOPES.map((s) => (
            <label key={s} className="chip-option">
              <input type="checkbox" checked={form.values.scopes.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
              <span>
                <code>{s}</code>
                <span className="checkbox-desc">{SCOPE_HELP[s]}</span>
              </span>
            </label>
          ))}
        </div>
        {form.fieldErrors.scopes && (
          <p className="field-error" id="scopes-error">
            {form.fieldErrors.scopes}
          </p>
        )}
      </fieldset>
    </Dialog>
  );
}
