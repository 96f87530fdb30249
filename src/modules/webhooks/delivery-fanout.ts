import { fromJson } from '../../core/db/json.js';
import { newId } from '../../core/ids.js';
import type { FanOut, PublishedEvent } from '../events/event-bus.js';
import { subscribes } from './event-types.js';
import type { WebhooksRepository } from './webhooks.repository.js';
import type { WebhookDeliveriesTable } from './webhooks.tables.js';

interface DeliveryFanOutDeps {
  repo: WebhooksRepository;
  /** When a new delivery is due (the retry schedule's first delay). */
  firstDelayMs: number;
  /** Wakes the in-process worker once the transaction has had time to commit. */
  wakeSoon: () => void;
}

/**
 * The outbox fan-out: one pending delivery per event and subscribed, enabled
 * endpoint, written in the publishing transaction. All the events of a
 * transaction (a group commit, a batch) cost one read of each workspace's
 * subscriptions and one multi-row INSERT (per 100 deliveries) that also
 * NOTIFYs the workers of other processes.
 */
export function deliveryFanOut({ repo, firstDelayMs, wakeSoon }: DeliveryFanOutDeps): FanOut {
  return async (trx, events) => {
    const tx = repo.with(trx);
    const subscriptions = new Map<string, { id: string; patterns: string[] }[]>();
    for (const workspaceId of new Set(events.map((e) => e.workspaceId))) {
      const endpoints = await tx.activeSubscriptions(workspaceId);
      subscriptions.set(workspaceId, endpoints.map((e) => ({ id: e.id, patterns: fromJson<string[]>(e.event_types, []) })));
    }
    const rows: WebhookDeliveriesTable[] = [];
    const counts = events.map((event) => {
      const before = rows.length;
      for (const endpoint of subscriptions.get(event.workspaceId)!) {
        if (subscribes(endpoint.patterns, event.type)) rows.push(deliveryRow(event, endpoint.id, firstDelayMs));
      }
      return rows.length - before;
    });
    if (rows.length === 0) return counts;
    // PostgreSQL: workers of other processes LISTEN for the notification; it is delivered when the transaction commits.
    await tx.insertDeliveries(rows, { notifyDue: true });
    wakeSoon();
    return counts;
  };
}

function deliveryRow(event: PublishedEvent, endpointId: string, firstDelayMs: number): WebhookDeliveriesTable {
  return {
    id: newId('dlv'),
    workspace_id: event.workspaceId,
    endpoint_id: endpointId,
    event_id: event.id,
    event_type: event.type,
    status: 'pending',
    attempt_count: 0,
    retry_base: 0,
    next_attempt_at: event.createdAt + firstDelayMs,
    locked_until: null,
    lease_owner: null,
    last_status_code: null,
    last_error_class: null,
    last_attempt_at: null,
    completed_at: null,
    created_at: event.createdAt,
    updated_at: event.createdAt,
  };
}
