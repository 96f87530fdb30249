import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { Attempt, Delivery, DeliveryStatus, DeliveryWithAttempts, Page, ResponseOf, Webhook } from '../../api/types';
import { Alert } from '../../components/ui/Alert';
import { Badge, type Tone } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { Field, Select } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { Card } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows, Spinner } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { useToast } from '../../components/ui/Toast';
import { capitalize, formatDuration } from '../../lib/format';
import { attemptLabel } from './health';

const STATUS_TONE: Record<DeliveryStatus, Tone> = { pending: 'info', in_flight: 'info', succeeded: 'success', failed: 'danger' };
const STATUS_LABEL: Record<DeliveryStatus, string> = { pending: 'Pending', in_flight: 'Sending', succeeded: 'Delivered', failed: 'Failed' };

/** Deliveries of one endpoint, newest first; a row opens its attempts with the request sent and the response received. */
export function DeliveryLog({ webhook, canWrite }: { webhook: Webhook; canWrite: boolean }) {
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);
  const { query, deliveries, retry } = useDeliveries(webhook.id, status);

  return (
    <Card
      flush
      title="Delivery log"
      description="Every event sent to this endpoint. Open one to see each attempt's request and response."
      id="deliveries"
      actions={
        <>
          <Select size="sm" aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value as DeliveryStatus | '')} style={{ width: 'auto' }}>
            <option value="">All statuses</option>
            <option value="succeeded">Delivered</option>
            <option value="failed">Failed</option>
            <option value="pending">Pending</option>
          </Select>
          {canWrite && (
            <Button size="sm" icon="refresh" onClick={() => setRecovering(true)}>
              Recover failed
            </Button>
          )}
        </>
      }
    >
      {query.isPending ? (
        <LoadingRows label="Loading deliveries" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : deliveries.length === 0 ? (
        <EmptyState icon="send" title={status ? 'No deliveries with this status' : 'No deliveries yet'}>
          {status ? 'Try another status.' : 'Send a test event, or wait for the next workspace event this endpoint subscribes to.'}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <DeliveriesTable webhookId={webhook.id} deliveries={deliveries} open={open} onOpen={setOpen} onRetry={canWrite ? retry : undefined} />
          {(query.hasNextPage || query.isFetchingNextPage) && (
            <div className="load-more">
              {query.isFetchingNextPage ? (
                <Spinner label="Loading more" />
              ) : (
                <Button size="sm" onClick={() => query.fetchNextPage()}>
                  Load older deliveries
                </Button>
              )}
            </div>
          )}
        </div>
      )}
      {recovering && <RecoverDialog webhook={webhook} onClose={() => setRecovering(false)} />}
    </Card>
  );
}

/** The log's pages (polled faster while a delivery is on its way) and a retry of one delivery. */
function useDeliveries(webhookId: string, status: DeliveryStatus | '') {
  const queryClient = useQueryClient();
  const toast = useToast();
  const query = useInfiniteQuery({
    queryKey: ['webhooks', webhookId, 'deliveries', status],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Delivery>>(`/api/webhooks/${webhookId}/deliveries`, { limit: 25, cursor: pageParam, status: status || undefined }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // Keep watching while something is still on its way.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.data.some((d) => d.status === 'pending' || d.status === 'in_flight')) ? 2000 : 15_000),
  });
  const deliveries = query.data?.pages.flatMap((p) => p.data) ?? [];

  const retry = async (d: Delivery) => {
    try {
      await api.post(`/api/webhooks/${webhookId}/deliveries/${d.id}/retry`);
      toast.success('Delivery queued to be sent again.');
      await queryClient.invalidateQueries({ queryKey: ['webhooks', webhookId] });
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  return { query, deliveries, retry };
}

/** One delivery's attempts open at a time (`open`); `onRetry` only for members who may write: finished deliveries then get a Retry button. */
function DeliveriesTable(props: { webhookId: string; deliveries: Delivery[]; open: string | null; onOpen: (id: string | null) => void; onRetry?: (d: Delivery) => void }) {
  const { webhookId, deliveries, open, onOpen, onRetry } = props;
  return (
    <table className="table table-stack" aria-label="Deliveries">
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">Response</th>
          <th scope="col">Created</th>
          <th scope="col" className="actions">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <Fragment key={d.id}>
            <DeliveryRow delivery={d} open={open === d.id} onToggle={() => onOpen(open === d.id ? null : d.id)} onRetry={onRetry && (() => onRetry(d))} />
            {open === d.id && (
              <tr className="delivery-detail">
                <td colSpan={6}>
                  <DeliveryAttempts webhookId={webhookId} deliveryId={d.id} attemptCount={d.attempt_count} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function DeliveryRow({ delivery: d, open, onToggle, onRetry }: { delivery: Delivery; open: boolean; onToggle: () => void; onRetry?: () => void }) {
  const finished = d.status === 'succeeded' || d.status === 'failed';
  return (
    <tr className={open ? 'delivery-row open' : 'delivery-row'} data-testid={`delivery-${d.event_type}`}>
      <td className="primary-cell">
        <code className="cell-title">{d.event_type}</code>
        <div className="cell-sub mono">{d.event_id}</div>
      </td>
      <td data-label="Status">
        <Badge tone={STATUS_TONE[d.status]} dot>
          {STATUS_LABEL[d.status]}
        </Badge>
      </td>
      <td data-label="Attempts">{d.attempt_count}</td>
      <td data-label="Response">
        <span>
          {d.last_status_code !== null || d.last_error_class ? (
            <span className={d.status === 'succeeded' ? 'status-code ok' : 'status-code bad'}>{attemptLabel({ status_code: d.last_status_code, error_class: d.last_error_class })}</span>
          ) : (
            <span className="muted">—</span>
          )}
          {d.status === 'pending' && d.next_attempt_at && (
            <span className="cell-sub" style={{ display: 'block' }}>
              next <Time value={d.next_attempt_at} />
            </span>
          )}
        </span>
      </td>
      <td data-label="Created" className="muted nowrap">
        <Time value={d.created_at} />
      </td>
      <td className="actions">
        {onRetry && finished && (
          <Button size="sm" icon="refresh" onClick={onRetry} aria-label={`Retry delivery of ${d.event_type}`}>
            Retry
          </Button>
        )}
        <Button size="sm" variant="ghost" icon={open ? 'chevronDown' : 'chevronRight'} aria-expanded={open} onClick={onToggle}>
          {open ? 'Hide' : 'Attempts'}
        </Button>
      </td>
    </tr>
  );
}

function DeliveryAttempts({ webhookId, deliveryId, attemptCount }: { webhookId: string; deliveryId: string; attemptCount: number }) {
  const detail = useQuery({
    // The list row polls; a new attempt there (a retry, a scheduled retry) refetches the detail.
    queryKey: ['webhooks', webhookId, 'delivery', deliveryId, attemptCount],
    queryFn: () => api.get<DeliveryWithAttempts>(`/api/webhooks/${webhookId}/deliveries/${deliveryId}`),
    placeholderData: (previous) => previous,
    refetchInterval: (q) => (q.state.data?.status === 'pending' || q.state.data?.status === 'in_flight' ? 1500 : false),
  });
  if (detail.isPending) return <Spinner label="Loading attempts" />;
  if (detail.isError) return <Alert tone="danger">{errorMessage(detail.error)}</Alert>;
  if (detail.data.attempts.length === 0) return <p className="muted small">Not attempted yet.</p>;
  return (
    <div className="stack-sm">
      {[...detail.data.attempts].sort((a, b) => b.attempt_number - a.attempt_number).map((a) => (
        <AttemptView key={a.id} attempt={a} />
      ))}
    </div>
  );
}

function AttemptView({ attempt: a }: { attempt: Attempt }) {
  return (
    <article className="attempt" aria-label={`Attempt ${a.attempt_number}`}>
      <div className="spread">
        <div className="row">
          <strong>Attempt {a.attempt_number}</strong>
          <Badge tone={a.succeeded ? 'success' : 'danger'}>{a.succeeded ? 'Succeeded' : 'Failed'}</Badge>
          <span className={a.succeeded ? 'status-code ok' : 'status-code bad'}>{attemptLabel(a)}</span>
          <span className="muted small">
            {formatDuration(a.duration_ms)} · {capitalize(a.trigger.replace(/_/g, ' '))} · <Time value={a.created_at} />
          </span>
        </div>
        {a.next_attempt_at && (
          <span className="muted small">
            Next attempt <Time value={a.next_attempt_at} />
          </span>
        )}
      </div>
      {a.error_message && <Alert tone="danger">{a.error_message}</Alert>}
      <div className="attempt-grid">
        <div>
          <h4>Request</h4>
          <pre className="code-block">{`POST ${a.url}\n${Object.entries(a.request_headers).map(([k, v]) => `${k}: ${v}`).join('\n')}`}</pre>
        </div>
        <div>
          <h4>Response{a.status_code !== null ? ` · ${a.status_code}` : ''}</h4>
          <pre className="code-block">{a.response_body ? prettyBody(a.response_body) : a.status_code !== null ? '(empty body)' : '(no response)'}</pre>
        </div>
      </div>
    </article>
  );
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const WINDOWS = [
  { value: 3600_000, label: 'Last hour' },
  { value: 6 * 3600_000, label: 'Last 6 hours' },
  { value: 86_400_000, label: 'Last 24 hours' },
  { value: 7 * 86_400_000, label: 'Last 7 days' },
];

/** Re-queues every failed delivery since a time: what to do after fixing a broken receiver. */
function RecoverDialog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const [windowMs, setWindowMs] = useState(86_400_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  const recover = async () => {
    setBusy(true);
    setError(null);
    try {
      const { requeued } = await api.post<ResponseOf<'/api/webhooks/{id}/recover', 'post'>>(`/api/webhooks/${webhook.id}/recover`, { since: new Date(Date.now() - windowMs).toISOString() });
      toast.success(requeued === 0 ? 'No failed deliveries in that window.' : `${requeued} failed deliver${requeued === 1 ? 'y' : 'ies'} queued again.`);
      await queryClient.invalidateQueries({ queryKey: ['webhooks', webhook.id] });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      onClose={onClose}
      icon="refresh"
      title="Recover failed deliveries"
      description="Queues every failed delivery of this endpoint in the chosen window to be sent again, oldest first."
      onSubmit={recover}
      submitLabel="Recover deliveries"
      submitting={busy}
    >
      {/* The warning comes first: it says why a recovery would fail again. */}
      {!webhook.is_active && <Alert tone="warning">This endpoint is disabled: enable it first, or recovered deliveries fail again.</Alert>}
      {error && <Alert tone="danger">{error}</Alert>}
      <Field label="Failed since">
        <Select value={windowMs} onChange={(e) => setWindowMs(Number(e.target.value))}>
          {WINDOWS.map((w) => (
            <option key={w.value} value={w.value}>
              {w.label}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
