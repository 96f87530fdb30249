import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../../api/client';
import { keys, useAiKey } from '../../api/queries';
import type { AiKey, UsageReport } from '../../api/types';
import { useResourceCan, useWorkspace } from '../../app/workspace';
import { Alert } from '../../components/ui/Alert';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { ResourceAccessCard } from '../../components/ResourceAccessCard';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows, PageLoading } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { useToast } from '../../components/ui/Toast';
import { formatDuration, formatNumber, formatUsd } from '../../lib/format';
import { EditKeyDialog, RotateKeyDialog } from './KeyDialogs';
import { CapMeter, KeyStatus, MaskedKey, TestOutcome, useKeyTest } from './shared';
import { UsageCharts } from './UsageCharts';

export function AiKeyDetailPage() {
  const { id = '' } = useParams();
  const ws = useWorkspace();
  const aiKey = useAiKey(id);
  useTitle(aiKey.data ? `${aiKey.data.key_name} usage` : 'AI key');
  if (aiKey.isPending) return <PageLoading />;
  if (aiKey.isError) return <ErrorState error={aiKey.error} onRetry={() => aiKey.refetch()} title="Could not load this key" />;
  if (aiKey.data.workspace_id !== ws.workspace.id) return <ErrorState error={new Error('This key belongs to another workspace.')} />;
  return <KeyDetail aiKey={aiKey.data} />;
}

function KeyDetail({ aiKey: k }: { aiKey: AiKey }) {
  // A member's grant on this key can allow more than their role.
  const allowed = useResourceCan('ai_key', k.id, 'ai_key.delete');
  const canWrite = allowed('ai_key.write');
  const actions = useKeyActions(k);
  const [editing, setEditing] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);

  return (
    <>
      <KeyHeader aiKey={k} actions={actions} canWrite={canWrite} onRotate={() => setRotating(true)} onEdit={() => setEditing(true)} />
      <div className="stack">
        <TestOutcome result={actions.test.result} error={actions.test.error} />
        <KeyNotices aiKey={k} />
        <KeyUsage aiKey={k} />
        <ResourceAccessCard resourceType="ai_key" resourceId={k.id} noun="key" />
        <KeyDetailsCard aiKey={k} />
        {canWrite && (
          <Card
            title={k.is_active ? 'Deactivate key' : 'Activate key'}
            description={k.is_active ? 'The gateway stops using this key at once. Usage history stays.' : 'The gateway can use this key again.'}
            id="active"
            actions={
              <Button disabled={actions.busy} icon="power" onClick={() => actions.patch({ is_active: !k.is_active }, k.is_active ? 'Key deactivated.' : 'Key activated.')}>
                {k.is_active ? 'Deactivate' : 'Activate'}
              </Button>
            }
          />
        )}
        {allowed('ai_key.delete') && (
          <Card
            danger
            title="Delete key"
            description="The encrypted key is destroyed. Usage history stays in reports."
            id="delete"
            actions={
              <Button variant="danger" onClick={() => setDeleting(true)}>
                Delete key
              </Button>
            }
          />
        )}
      </div>
      {editing && <EditKeyDialog aiKey={k} onClose={() => setEditing(false)} onSaved={(u) => actions.refresh(u)} />}
      {rotating && <RotateKeyDialog aiKey={k} onClose={() => setRotating(false)} onSaved={(u) => actions.refresh(u)} />}
      <DeleteKeyDialog aiKey={k} open={deleting} onClose={() => setDeleting(false)} />
    </>
  );
}

/** What the page changes on the key (test, default, active), each refreshing the key and the list. */
function useKeyActions(k: AiKey) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  const refresh = async (updated?: AiKey) => {
    if (updated) queryClient.setQueryData(keys.aiKey(k.id), updated);
    await Promise.all([queryClient.invalidateQueries({ queryKey: keys.aiKey(k.id) }), queryClient.invalidateQueries({ queryKey: keys.aiKeys(ws.workspace.id) })]);
  };
  const test = useKeyTest(() => refresh());

  const patch = async (body: Partial<Record<keyof AiKey, unknown>>, done: string) => {
    setBusy(true);
    try {
      await refresh(await api.patch<AiKey>(`/api/ai-keys/${k.id}`, body));
      toast.success(done);
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return { busy, refresh, test, patch };
}

function KeyHeader({ aiKey: k, actions, canWrite, onRotate, onEdit }: { aiKey: AiKey; actions: ReturnType<typeof useKeyActions>; canWrite: boolean; onRotate: () => void; onEdit: () => void }) {
  const ws = useWorkspace();
  return (
    <PageHeader
      back={{ to: ws.to('ai-keys'), label: 'AI keys' }}
      title={
        <span className="row" style={{ gap: 10 }}>
          {k.key_name}
          {k.is_default && <Badge tone="primary">Default</Badge>}
          <KeyStatus aiKey={k} />
        </span>
      }
      description={
        <span className="row" style={{ gap: 8 }}>
          {k.provider_name} <MaskedKey preview={k.key_preview} />
        </span>
      }
      actions={
        <>
          <Button icon="checkCircle" loading={actions.test.busy} onClick={() => actions.test.run(k.id)}>
            Test key
          </Button>
          {canWrite && (
            <>
              {!k.is_default && (
                <Button icon="star" disabled={actions.busy} onClick={() => actions.patch({ is_default: true }, `${k.key_name} is now the default ${k.provider_name} key.`)}>
                  Set as default
                </Button>
              )}
              <Button icon="rotate" onClick={onRotate}>
                Rotate
              </Button>
              <Button icon="gauge" onClick={onEdit}>
                Limits
              </Button>
            </>
          )}
        </>
      }
    />
  );
}

function KeyNotices({ aiKey: k }: { aiKey: AiKey }) {
  // When the page opened: rendering stays pure, and a rotation falls due in days, not seconds.
  const [openedAt] = useState(Date.now);
  return (
    <>
      {k.rotation_due_at && new Date(k.rotation_due_at).getTime() <= openedAt && (
        <Alert tone="warning" title="Rotation due">
          This key was last rotated <Time value={k.last_rotated_at} />. Your policy asks for a rotation every {k.rotate_after_days} days.
        </Alert>
      )}
      {k.previous_key_preview && k.previous_key_expires_at && (
        <Alert tone="info">
          The previous key (…{k.previous_key_preview}) stays usable as a fallback until <Time value={k.previous_key_expires_at} mode="absolute" />.
        </Alert>
      )}
    </>
  );
}

/** This month against the caps, the rate limits, and the last 30 days charted and by model. */
function KeyUsage({ aiKey: k }: { aiKey: AiKey }) {
  const usage = useQuery({
    queryKey: [...keys.aiKey(k.id), 'usage'],
    queryFn: () => api.get<UsageReport>(`/api/ai-keys/${k.id}/usage`, { days: 30 }),
    refetchInterval: 30_000,
  });
  return (
    <>
      <KeyStats aiKey={k} totals={usage.data?.totals} />
      {usage.isPending ? (
        <Card flush>
          <LoadingRows label="Loading usage" />
        </Card>
      ) : usage.isError ? (
        <Card flush>
          <ErrorState error={usage.error} onRetry={() => usage.refetch()} />
        </Card>
      ) : (
        <>
          <UsageCharts report={usage.data} />
          <ModelBreakdown report={usage.data} />
        </>
      )}
    </>
  );
}

function KeyStats({ aiKey: k, totals }: { aiKey: AiKey; totals: UsageReport['totals'] | undefined }) {
  return (
    <div className="stats">
      <div className="stat">
        <div className="stat-label">Requests this month</div>
        <div className="stat-value">{formatNumber(k.usage_this_month)}</div>
        <CapMeter used={k.usage_this_month} cap={k.usage_limit} label="Requests this month against the cap" />
      </div>
      <div className="stat">
        <div className="stat-label">Cost this month</div>
        <div className="stat-value">{formatUsd(k.cost_this_month)}</div>
        <CapMeter used={k.cost_this_month} cap={k.cost_limit} money label="Cost this month against the cap" />
      </div>
      <div className="stat">
        <div className="stat-label">Rate limits</div>
        <div className="stat-value" style={{ fontSize: 'var(--text-md)', marginTop: 8 }}>
          {k.rate_limit_rpm ? `${formatNumber(k.rate_limit_rpm)} req/min` : 'No request limit'}
        </div>
        <div className="stat-sub">{k.rate_limit_tpm ? `${formatNumber(k.rate_limit_tpm)} tokens/min` : 'No token limit'}</div>
      </div>
      <div className="stat">
        <div className="stat-label">All time</div>
        <div className="stat-value">{totals ? formatNumber(totals.requests) : '—'}</div>
        <div className="stat-sub">{totals ? `${formatUsd(totals.cost_usd)} · ${totals.average_latency_ms !== null ? `${formatDuration(totals.average_latency_ms)} avg` : 'no latency yet'}` : 'requests'}</div>
      </div>
    </div>
  );
}

function KeyDetailsCard({ aiKey: k }: { aiKey: AiKey }) {
  return (
    <Card title="Key details" id="key-details">
      <dl className="kv">
        <dt>Provider</dt>
        <dd>{k.provider_name}</dd>
        <dt>Key</dt>
        <dd>
          <MaskedKey preview={k.key_preview} />
        </dd>
        <dt>Endpoint</dt>
        <dd className="mono">{k.endpoint_url ?? <span className="muted">Provider default</span>}</dd>
        {k.deployment_name && (
          <>
            <dt>Deployment</dt>
            <dd className="mono">{k.deployment_name}</dd>
          </>
        )}
        <dt>Gateway model prefix</dt>
        <dd>
          <code className="code-inline">{k.provider}/…</code> {k.is_default ? '(default key)' : <>or header <code className="code-inline">x-atrium-key-id: {k.id}</code></>}
        </dd>
        <dt>Last tested</dt>
        <dd>{k.last_tested_at ? <><Time value={k.last_tested_at} /> · {k.last_test_status}</> : 'Never'}</dd>
        <dt>Last rotated</dt>
        <dd>
          <Time value={k.last_rotated_at} />
          {k.rotate_after_days && <span className="muted"> · every {k.rotate_after_days} days</span>}
        </dd>
        <dt>Created</dt>
        <dd>
          <Time value={k.created_at} mode="absolute" />
        </dd>
      </dl>
    </Card>
  );
}

function DeleteKeyDialog({ aiKey: k, open, onClose }: { aiKey: AiKey; open: boolean; onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`Delete ${k.key_name}?`}
      description="Apps using this key through the gateway start getting errors."
      confirmLabel="Delete key"
      confirmText={k.key_name}
      onConfirm={async () => {
        await api.del(`/api/ai-keys/${k.id}`);
        await queryClient.invalidateQueries({ queryKey: keys.aiKeys(ws.workspace.id) });
        toast.success(`${k.key_name} deleted.`);
        navigate(ws.to('ai-keys'), { replace: true });
      }}
    />
  );
}

function ModelBreakdown({ report }: { report: UsageReport }) {
  const rows = [...report.by_model].sort((a, b) => b.cost_micros - a.cost_micros || b.requests - a.requests);
  const max = Math.max(1, ...rows.map((r) => r.requests));
  return (
    <Card flush title="By model" description={`Last ${report.days} days`} id="by-model">
      {rows.length === 0 ? (
        <EmptyState icon="chart" title="No requests in this window">
          Usage appears here after the first call through the gateway.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack" aria-label="Usage by model">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Requests</th>
                <th scope="col">Tokens in / out</th>
                <th scope="col">Cost</th>
                <th scope="col">Errors</th>
                <th scope="col">Avg latency</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={`${m.provider}/${m.model}`}>
                  <td className="primary-cell">
                    <div style={{ width: '100%' }}>
                      <code className="cell-title">{m.model}</code> {!m.priced && <Badge tone="warning" title="No price in the catalog: counted, not costed">Unpriced</Badge>}
                      <span className="model-bar" style={{ width: `${(m.requests / max) * 100}%` }} aria-hidden="true" />
                    </div>
                  </td>
                  <td data-label="Requests">{formatNumber(m.requests)}</td>
                  <td data-label="Tokens in / out" className="nowrap">
                    {formatNumber(m.input_tokens)} / {formatNumber(m.output_tokens)}
                  </td>
                  <td data-label="Cost">{formatUsd(m.cost_usd)}</td>
                  <td data-label="Errors">{m.errors > 0 ? <span style={{ color: 'var(--danger-text)' }}>{formatNumber(m.errors)}</span> : '0'}</td>
                  <td data-label="Avg latency">{m.average_latency_ms !== null ? formatDuration(m.average_latency_ms) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
