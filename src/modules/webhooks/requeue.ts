import type { Db } from '../../core/db/database.js';
import { AppError, Errors } from '../../core/errors.js';
import { toIso } from '../../core/time.js';
import type { AuditLog } from '../activity/audit.js';
import type { AuditContext } from '../identity/audit-context.js';
import { endpointName } from './message-format.js';
import type { WebhooksRepository } from './webhooks.repository.js';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './webhooks.tables.js';
import { fieldError } from './webhooks.validation.js';

export interface RequeueDeps {
  db: Db;
  repo: WebhooksRepository;
  audit: AuditLog;
}

function requireActive(row: WebhookEndpointsTable): void {
  if (row.is_active !== 1) {
    throw new AppError('endpoint_disabled', 'This webhook is disabled; enable it first', { disabled_reason: row.disabled_reason });
  }
}

/** Sends a finished delivery of an (authorized) endpoint again, with a fresh retry schedule. */
export async function retryDelivery(deps: RequeueDeps, row: WebhookEndpointsTable, deliveryId: string, ctx: AuditContext): Promise<WebhookDeliveriesTable> {
  const delivery = await deps.repo.findDelivery(row.workspace_id, deliveryId);
  if (!delivery || delivery.endpoint_id !== row.id) throw Errors.notFound('Delivery');
  requireActive(row);
  if (delivery.status === 'pending' || delivery.status === 'in_flight') {
    throw new AppError('delivery_in_progress', 'This delivery is already queued or being sent', { status: delivery.status });
  }
  await deps.db.transaction().execute(async (trx) => {
    await deps.repo.with(trx).requeue(row.workspace_id, row.id, { ids: [deliveryId], statuses: ['succeeded', 'failed'] }, Date.now());
    await deps.repo.with(trx).notifyDue();
    await deps.audit.record(trx, ctx, {
      workspaceId: row.workspace_id,
      action: 'webhook.delivery_retried',
      resource: { type: 'webhook', id: row.id, name: endpointName(row) },
      details: { delivery_id: deliveryId, event_id: delivery.event_id },
      emitEvent: false,
    });
  });
  return (await deps.repo.findDelivery(row.workspace_id, deliveryId))!;
}

/** Re-queues every failed delivery of an (authorized) endpoint created since `since` (and before `until`); returns how many. */
export async function recover(deps: RequeueDeps, row: WebhookEndpointsTable, since: number, until: number | undefined, ctx: AuditContext): Promise<number> {
  requireActive(row);
  if (until !== undefined && until <= since) throw fieldError('until', 'must be after since');
  return deps.db.transaction().execute(async (trx) => {
    const n = await deps.repo.with(trx).requeue(row.workspace_id, row.id, { statuses: ['failed'], since, until }, Date.now());
    if (n > 0) await deps.repo.with(trx).notifyDue();
    await deps.audit.record(trx, ctx, {
      workspaceId: row.workspace_id,
      action: 'webhook.recovered',
      resource: { type: 'webhook', id: row.id, name: endpointName(row) },
      details: { since: toIso(since), until: until === undefined ? null : toIso(until), requeued: n },
      emitEvent: false,
    });
    return n;
  });
}
