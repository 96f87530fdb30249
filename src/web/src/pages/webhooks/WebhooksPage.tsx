import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useWebhooks } from '../../api/queries';
import type { Webhook } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Button } from '../../components/ui/Button';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { Health, StatusBadge, useRecentAttempts } from './health';
import { PublishEventDialog } from './PublishEventDialog';
import { WebhookFormDialog } from './WebhookForm';

export function WebhooksPage() {
  useTitle('Webhooks');
  const ws = useWorkspace();
  const webhooks = useWebhooks(ws.workspace.id);
  const [creating, setCreating] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const navigate = useNavigate();
  const canCreate = ws.can('webhook.create');
  const canPublish = ws.can('event.publish');

  const addButton = canCreate && (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      Add endpoint
    </Button>
  );
  const actions = (canPublish || canCreate) && (
    <>
      {canPublish && webhooks.data && webhooks.data.length > 0 && (
        <Button icon="send" onClick={() => setPublishing(true)}>
          Publish event
        </Button>
      )}
      {addButton}
    </>
  );

  return (
    <>
      <PageHeader title="Webhooks" description="Endpoints that receive this workspace's events, signed per the Standard Webhooks spec and retried until delivered." actions={actions} />
      <Card flush>
        {webhooks.isPending ? (
          <LoadingRows label="Loading endpoints" />
        ) : webhooks.isError ? (
          <ErrorState error={webhooks.error} onRetry={() => webhooks.refetch()} />
        ) : webhooks.data.length === 0 ? (
          <EmptyState icon="webhook" title="No endpoints yet" action={addButton}>
            Add an endpoint to get member, invitation, AI key and your own app events delivered to your systems as they happen.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table-stack">
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Status</th>
                  <th scope="col">Success rate</th>
                  <th scope="col">Last delivery</th>
                </tr>
              </thead>
              <tbody>
                {webhooks.data.map((w) => (
                  <WebhookRow key={w.id} webhook={w} onOpen={() => navigate(ws.to(`webhooks/${w.id}`))} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {publishing && <PublishEventDialog onClose={() => setPublishing(false)} />}
      {creating && (
        <WebhookFormDialog
          onClose={() => setCreating(false)}
          onCreated={(w) => {
            setCreating(false);
            navigate(ws.to(`webhooks/${w.id}`));
          }}
        />
      )}
    </>
  );
}

function WebhookRow({ webhook: w, onOpen }: { webhook: Webhook; onOpen: () => void }) {
  const ws = useWorkspace();
  const recent = useRecentAttempts(w.id);
  const last = recent.data?.[0];
  const events = w.event_types.length === 0 ? 'All events' : w.event_types.length <= 2 ? w.event_types.join(', ') : `${w.event_types.length} event types`;
  return (
    <tr className="clickable" onClick={onOpen} data-testid={`webhook-${w.url}`}>
      <td className="primary-cell" style={{ maxWidth: 420 }}>
        <Link to={ws.to(`webhooks/${w.id}`)} className="url-cell truncate" style={{ display: 'block' }} onClick={(e) => e.stopPropagation()}>
          {w.url}
        </Link>
        <div className="cell-sub truncate">
          {w.description ? `${w.description} · ` : ''}
          {events}
        </div>
      </td>
      <td data-label="Status">
        <StatusBadge webhook={w} recent={recent.data} />
      </td>
      <td data-label="Success rate">{recent.isError ? <span className="muted">—</span> : <Health attempts={recent.data} />}</td>
      <td data-label="Last delivery" className="muted nowrap">
        {last ? (
          <span>
            <span className={last.succeeded ? 'status-code ok' : 'status-code bad'}>{last.status_code ?? last.error_class ?? 'error'}</span> · <Time value={last.created_at} />
          </span>
        ) : (
          'Never'
        )}
      </td>
    </tr>
  );
}
