import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys, useTokens } from '../../api/queries';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { SecretBox } from '../../components/ui/Copy';
import { Field, Input, Select } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { ShownOnceDialog } from '../../components/ui/ShownOnceDialog';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { useToast } from '../../components/ui/Toast';
import { SCOPES } from '../../lib/permissions';
import { useForm } from '../../lib/useForm';
import { LimitsButton } from '../ai-spend/LimitsDialog';

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
  const mine = (tokens.data ?? []).filter((t) => t.workspace_id === ws.workspace.id);
  const createButton = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      Create token
    </Button>
  );

  return (
    <>
      <PageHeader title="API tokens" description={`Your personal tokens for ${ws.workspace.name}. A token acts as you, limited to its scopes and never beyond your role.`} actions={createButton} />
      <Card flush>
        {tokens.isPending ? (
          <LoadingRows label="Loading tokens" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : mine.length === 0 ? (
          <EmptyState icon="token" title="No API tokens" action={createButton}>
            Tokens let scripts and services call the atrium API and the AI gateway as you.
          </EmptyState>
        ) : (
          <TokensTable tokens={mine} onRevoke={setRevoking} />
        )}
      </Card>
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (t: ApiToken) => void }) {
  return (
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
          {tokens.map((t) => (
            <TokenRow key={t.id} token={t} onRevoke={() => onRevoke(t)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TokenRow({ token: t, onRevoke }: { token: ApiToken; onRevoke: () => void }) {
  const ws = useWorkspace();
  // Gateway limits of a token are the workspace admins' to set.
  const limits = t.workspace_id === ws.workspace.id && ws.can('ai_limit.manage');
  return (
    <tr data-testid={`token-${t.name}`}>
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
        {limits && <LimitsButton path={`/api/workspaces/${ws.workspace.id}/ai-limits/tokens/${t.id}`} subject={t.name} />}
        <Button size="sm" variant="ghost" icon="trash" onClick={onRevoke} aria-label={`Revoke ${t.name}`}>
          Revoke
        </Button>
      </td>
    </tr>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return (
    <ConfirmDialog
      open={token !== null}
      onClose={onClose}
      title={`Revoke ${token?.name ?? 'token'}?`}
      description="Anything using this token gets 401 errors from now on. This cannot be undone."
      confirmLabel="Revoke token"
      onConfirm={async () => {
        await api.del(`/api/tokens/${token!.id}`);
        queryClient.setQueryData<ApiToken[]>(keys.tokens, (list) => list?.filter((x) => x.id !== token!.id));
        toast.success(`${token!.name} revoked.`);
      }}
    />
  );
}

const READ_SCOPES = SCOPES.filter((s) => s.endsWith(':read'));

function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const form = useForm({ name: '', scopes: [...READ_SCOPES] as string[], expires: '90' });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  if (created) return <TokenCreatedDialog token={created} onClose={onClose} />;

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
    <FormDialog
      onClose={onClose}
      wide
      icon="token"
      title="Create API token"
      description={`For ${ws.workspace.name}. The token is shown once, right after you create it.`}
      onSubmit={submit}
      submitLabel="Create token"
      submitting={form.submitting}
      error={form.formError}
    >
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
      <ScopesFieldset value={form.values.scopes} onChange={(scopes) => form.set('scopes', scopes)} error={form.fieldErrors.scopes} />
    </FormDialog>
  );
}

function ScopesFieldset({ value, onChange, error }: { value: string[]; onChange: (scopes: string[]) => void; error?: string }) {
  const toggle = (scope: string, on: boolean) => onChange(on ? [...value, scope] : value.filter((s) => s !== scope));
  return (
    <fieldset className="fieldset" aria-describedby="scopes-error">
      <legend className="spread" style={{ width: '100%' }}>
        <span className="field-label">Scopes</span>
        <span className="row">
          <Button size="sm" variant="ghost" onClick={() => onChange([...READ_SCOPES])}>
            Read only
          </Button>
          <Button size="sm" variant="ghost" onClick={() => onChange([...SCOPES])}>
            All
          </Button>
        </span>
      </legend>
      <div className="chip-grid">
        {SCOPES.map((s) => (
          <label key={s} className="chip-option">
            <input type="checkbox" checked={value.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            <span>
              <code>{s}</code>
              <span className="checkbox-desc">{SCOPE_HELP[s]}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id="scopes-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function TokenCreatedDialog({ token, onClose }: { token: CreatedApiToken; onClose: () => void }) {
  const ws = useWorkspace();
  return (
    <ShownOnceDialog onClose={onClose} title="Token created" description={`${token.name} can now call the API with ${token.scopes.length} scope${token.scopes.length === 1 ? '' : 's'}.`}>
      <SecretBox value={token.token} label="API token" />
      <pre className="code-block">{`curl ${location.origin}/api/workspaces/${ws.workspace.id} \\\n  -H "Authorization: Bearer ${token.token}"`}</pre>
    </ShownOnceDialog>
  );
}
