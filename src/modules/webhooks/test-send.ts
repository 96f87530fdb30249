import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import type { EventBus } from '../events/event-bus.js';
import { attemptRow, messageBody } from './message-format.js';
import type { Sender } from './sender.js';
import type { SigningMaterial } from './signing-material.js';
import type { WebhooksRepository } from './webhooks.repository.js';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './webhooks.tables.js';

export interface TestSendDeps {
  db: Db;
  repo: WebhooksRepository;
  events: EventBus;
  material: SigningMaterial;
  sender: Sender;
  leaseMs: number;
}

/**
 * Sends a signed `webhook.test` to one endpoint now, on the calling thread:
 * one attempt, no retries. Its event, delivery and attempt are recorded like
 * any other, so the test shows in the endpoint's logs.
 */
export async function sendTest(deps: TestSendDeps, row: WebhookEndpointsTable, data: Record<string, unknown>, now: number) {
  const leaseOwner = `test:${newId('dlv')}`;
  const leaseEnd = now + deps.leaseMs;
  // The event is recorded, not published: a test goes to this endpoint only.
  const { event, delivery } = await deps.db.transaction().execute(async (trx) => {
    const event = await deps.events.record(trx, { workspaceId: row.workspace_id, type: 'webhook.test', data, createdAt: now });
    const delivery: WebhookDeliveriesTable = {
      id: newId('dlv'), workspace_id: row.workspace_id, endpoint_id: row.id, event_id: event.id, event_type: event.type,
      status: 'in_flight', attempt_count: 1, retry_base: 0, next_attempt_at: leaseEnd, locked_until: leaseEnd, lease_owner: leaseOwner,
      last_status_code: null, last_error_class: null, last_attempt_at: null, completed_at: null, created_at: now, updated_at: now,
    };
    await deps.repo.with(trx).insertDeliveries([delivery]);
    return { event, delivery };
  });
  const result = await deps.sender.send({
    url: row.url,
    message: { id: event.id, body: messageBody(event) },
    keys: await deps.material.signingKeys(row.workspace_id, row.id),
    customHeaders: deps.material.openHeaders(row),
  });
  const attempt = attemptRow(delivery, 1, 'test', row.url, result, null, null);
  await deps.db.transaction().execute(async (trx) => {
    const repo = deps.repo.with(trx);
    await repo.insertAttempts([attempt]);
    await repo.recordOutcomes([{
      id: delivery.id, leaseOwner, status: result.succeeded ? 'succeeded' : 'failed', nextAttemptAt: Date.now(),
      statusCode: result.statusCode, errorClass: result.errorClass, attemptedAt: result.startedAt, completedAt: Date.now(),
    }], Date.now());
  });
  return { endpoint: row, event, delivery, attempt, result };
}
