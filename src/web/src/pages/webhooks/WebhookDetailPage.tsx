import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../../api/client';
import { keys, useWebhook } from '../../api/queries';
import type { Attempt, RotateSecretResult, Webhook, WebhookTestResult } from '../../api/types';
import { useResourceCan, useWorkspace } from '../../app/workspace';
import { Alert } from '../../components/ui/Alert';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { SecretBox } from '../../components/ui/Copy';
import { Field, Select } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { ShownOnceDialog } from '../../components/ui/ShownOnceDialog';
import { ResourceAccessCard } from '../../components/ResourceAccessCard';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { ErrorState, PageLoading } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { useToast } from '../../components/ui/Toast';
import { formatDuration, formatPercent } from '../../lib/format';
import { DeliveryLog } from './DeliveryLog';
import { endpointStatus, Health, StatusBadge, useRecentAttempts } from './health';
import { WebhookFormDialog } from './WebhookForm';

export function WebhookDetailPage() {
  const { id = '' } = useParams();
  const ws = useWorkspace();
  const webhook = useWebhook(id);
  useTitle(webhook.data ? `Webhook ${new URL(webhook.data.url).host}` : 'Webhook');
  if (webhook.isPending) return <PageLoading />;
  if (webhook.isError) return <ErrorState error={webhook.error} onRetry={() => webhook.refetch()} title="Could not load this endpoint" />;
  if (webhook.data.workspace_id !== ws.workspace.id) return <ErrorState error={new Error('This endpoint belongs to another workspace.')} />;
  return <WebhookDetail webhook={webhook.data} />;
}

function WebhookDetail({ webhook: w }: { webhook: Webhook }) {
  // A member's grant on this endpoint can allow more than their role.
  const allowed = useResourceCan('webhook', w.id, 'webhook.delete');
  const canWrite = allowed('webhook.write');
  const actions = useEndpointActions(w);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [rotating, setRotating] = useState(false);

  return (
    <>
      <WebhookHeader webhook={w} actions={actions} canWrite={canWrite} onEdit={() => setEditing(true)} />
      <div className="stack">
        {!w.is_active && (
          <Alert tone={w.disabled_reason === 'manual' ? 'info' : 'danger'} title={endpointStatus(w, actions.recent.data).label}>
            {w.disabled_message ?? 'This endpoint receives no deliveries while it is disabled.'} {w.disabled_at && <>Since <Time value={w.disabled_at} />.</>}
          </Alert>
        )}
        {actions.testResult && <TestOutcome result={actions.testResult} />}
        <WebhookStats webhook={w} recent={actions.recent.data} />
        <SigningSecretCard canRotate={canWrite} onRotate={() => setRotating(true)} />
        <DeliveryLog webhook={w} canWrite={canWrite} />
        <ResourceAccessCard resourceType="webhook" resourceId={w.id} noun="endpoint" />
        <WebhookDetailsCard webhook={w} />
        {allowed('webhook.delete') && (
          <Card
            danger
            title="Delete endpoint"
            description="Stops all deliveries and deletes the delivery history of this endpoint."
            id="delete"
            actions={
              <Button variant="danger" onClick={() => setDeleting(true)}>
                Delete endpoint
              </Button>
            }
          />
        )}
      </div>

      {editing && <WebhookFormDialog webhook={w} onClose={() => setEditing(false)} />}
      {rotating && <RotateSecretDialog webhook={w} onClose={() => setRotating(false)} />}
      <DeleteWebhookDialog webhook={w} open={deleting} onClose={() => setDeleting(false)} />
    </>
  );
}

/** The endpoint's recent attempts, and the header's actions: a test send and enable/disable, each refreshing what they change. */
function useEndpointActions(w: Webhook) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const recent = useRecentAttempts(w.id);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<WebhookTestResult | null>(null);
  const [toggling, setToggling] = useState(false);

  const refresh = async (updated?: Webhook) => {
    if (updated) queryClient.setQueryData(keys.webhook(w.id), updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['webhooks', w.id] }),
      queryClient.invalidateQueries({ queryKey: keys.webhooks(ws.workspace.id) }),
    ]);
  };

  const sendTest = async () => {
    setTesting(true);
    setTestResult(null);
    try {
      const result = await api.post<WebhookTestResult>(`/api/webhooks/${w.id}/test`);
      setTestResult(result);
      await refresh();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setTesting(false);
    }
  };

  const toggle = async () => {
    setToggling(true);
    try {
      const updated = await api.post<Webhook>(`/api/webhooks/${w.id}/${w.is_active ? 'disable' : 'enable'}`);
      await refresh(updated);
      toast.success(updated.is_active ? 'Endpoint enabled.' : 'Endpoint disabled. Queued deliveries stop; recover them after enabling.');
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setToggling(false);
    }
  };

  return { recent, testing, testResult, sendTest, toggling, toggle };
}

function WebhookHeader({ webhook: w, actions, canWrite, onEdit }: { webhook: Webhook; actions: ReturnType<typeof useEndpointActions>; canWrite: boolean; onEdit: () => void }) {
  const ws = useWorkspace();
  return (
    <PageHeader
      back={{ to: ws.to('webhooks'), label: 'Webhooks' }}
      title={<span className="url-title">{w.url}</span>}
      description={w.description ?? undefined}
      actions={
        canWrite && (
          <>
            <Button variant="primary" icon="send" loading={actions.testing} disabled={!w.is_active} onClick={actions.sendTest} title={w.is_active ? undefined : 'Enable the endpoint to send a test'}>
              Send test event
            </Button>
            <Button icon={w.is_active ? 'pause' : 'play'} loading={actions.toggling} onClick={actions.toggle}>
              {w.is_active ? 'Disable' : 'Enable'}
            </Button>
            <Button icon="settings" onClick={onEdit}>
              Edit
            </Button>
          </>
        )
      }
    />
  );
}

function WebhookStats({ webhook: w, recent }: { webhook: Webhook; recent: Attempt[] | undefined }) {
  const ok = recent?.filter((a) => a.succeeded).length ?? 0;
  const lastOk = w.last_success_at ?? recent?.find((a) => a.succeeded)?.created_at ?? null;
  return (
    <div className="stats">
      <div className="stat">
        <div className="stat-label">Status</div>
        <div className="stat-value" style={{ fontSize: 'var(--text-md)', marginTop: 8 }}>
          <StatusBadge webhook={w} recent={recent} />
        </div>
        <div className="stat-sub">{lastOk ? <>Last success <Time value={lastOk} /></> : 'No successful delivery yet'}</div>
      </div>
      <div className="stat">
        <div className="stat-label">Success rate</div>
        <div className="stat-value">{recent && recent.length > 0 ? formatPercent(ok / recent.length) : '—'}</div>
        <div className="stat-sub">
          <Health attempts={recent} showRate={false} />
        </div>
      </div>
      <div className="stat">
        <div className="stat-label">Subscribed to</div>
        <div className="stat-value" style={{ fontSize: 'var(--text-md)', marginTop: 8 }}>
          {w.event_types.length === 0 ? 'All events' : `${w.event_types.length} event type${w.event_types.length === 1 ? '' : 's'}`}
        </div>
        <div className="stat-sub truncate" title={w.event_types.join(', ')}>
          {w.event_types.join(', ') || 'Including your custom.* events'}
        </div>
      </div>
    </div>
  );
}

function SigningSecretCard({ canRotate, onRotate }: { canRotate: boolean; onRotate: () => void }) {
  return (
    <Card
      title="Signing secret"
      description="Verify each delivery's webhook-signature header with this secret. During a rotation both secrets sign, so receivers can switch without downtime."
      id="secret"
      actions={
        canRotate && (
          <Button icon="rotate" onClick={onRotate}>
            Rotate secret
          </Button>
        )
      }
    >
      <div className="row">
        <code className="code-inline">whsec_••••••••••••••••••••••••</code>
        <span className="muted small">Shown once when created or rotated.</span>
      </div>
    </Card>
  );
}

function WebhookDetailsCard({ webhook: w }: { webhook: Webhook }) {
  return (
    <Card title="Details" id="details">
      <dl className="kv">
        <dt>Endpoint id</dt>
        <dd className="mono">{w.id}</dd>
        <dt>Events</dt>
        <dd>
          {w.event_types.length === 0 ? (
            'All events'
          ) : (
            <span className="row" style={{ gap: 4 }}>
              {w.event_types.map((t) => (
                <Badge key={t} mono>
                  {t}
                </Badge>
              ))}
            </span>
          )}
        </dd>
        <dt>Custom headers</dt>
        <dd className="mono">{Object.keys(w.headers).length ? Object.entries(w.headers).map(([k, v]) => `${k}: ${v}`).join('\n') : <span className="muted">None</span>}</dd>
        <dt>Created</dt>
        <dd>
          <Time value={w.created_at} mode="absolute" />
        </dd>
      </dl>
    </Card>
  );
}

function DeleteWebhookDialog({ webhook: w, open, onClose }: { webhook: Webhook; open: boolean; onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title="Delete this endpoint?"
      description={w.url}
      confirmLabel="Delete endpoint"
      onConfirm={async () => {
        await api.del(`/api/webhooks/${w.id}`);
        await queryClient.invalidateQueries({ queryKey: keys.webhooks(ws.workspace.id) });
        toast.success('Endpoint deleted.');
        navigate(ws.to('webhooks'), { replace: true });
      }}
    />
  );
}

function TestOutcome({ result }: { result: WebhookTestResult }) {
  return (
    <Alert tone={result.delivered ? 'success' : 'danger'} title={result.delivered ? 'Test event delivered' : 'Test event failed'} role="status">
      <span className="test-result">
        <span>
          {result.status_code !== null ? <>Your endpoint answered <strong>{result.status_code}</strong></> : <>No HTTP answer ({result.error_class?.replace(/_/g, ' ') ?? 'error'})</>} in{' '}
          {formatDuration(result.response_time_ms)}.
        </span>
        {result.error_message && <span>{result.error_message}</span>}
        <code className="code-inline">{result.event_id}</code>
      </span>
    </Alert>
  );
}

const GRACE = [
  { value: 0, label: 'Immediately (no overlap)' },
  { value: 3600, label: 'After 1 hour' },
  { value: 86_400, label: 'After 24 hours (recommended)' },
  { value: 7 * 86_400, label: 'After 7 days' },
];

function RotateSecretDialog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const [grace, setGrace] = useState(86_400);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RotateSecretResult | null>(null);

  if (result) {
    return (
      <ShownOnceDialog
        onClose={onClose}
        title="New signing secret"
        description={<>The previous secret keeps signing until <Time value={result.previous_secret_expires_at} mode="absolute" />. Update your receiver before then.</>}
      >
        <SecretBox value={result.secret} label="Signing secret" />
      </ShownOnceDialog>
    );
  }

  const rotate = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<RotateSecretResult>(`/api/webhooks/${webhook.id}/rotate-secret`, { grace_period_seconds: grace }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      onClose={onClose}
      icon="rotate"
      title="Rotate signing secret"
      description="A new secret starts signing right away. Until the old one expires, every delivery carries both signatures."
      onSubmit={rotate}
      submitLabel="Rotate secret"
      submitting={busy}
      error={error}
    >
      <Field label="Old secret stops signing">
        <Select value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
          {GRACE.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
