import { fromJson } from '../../core/db/json.js';
import { toIso, toIsoOrNull } from '../../core/time.js';
import type { EventsTable } from '../events/events.tables.js';
import { redactHeaders } from './sender.js';
import { disabledMessage } from './endpoint-health.js';
import type { Endpoint } from './webhooks.service.js';
import type { WebhookAttemptsTable, WebhookDeliveriesTable } from './webhooks.tables.js';

export const presentWebhook = (e: Endpoint) => ({
  id: e.id,
  workspace_id: e.workspace_id,
  url: e.url,
  description: e.description,
  event_types: fromJson<string[]>(e.event_types, []),
  headers: redactHeaders(e.headers),
  is_active: e.is_active === 1,
  disabled_reason: e.is_active === 1 ? null : (e.disabled_reason as 'manual' | 'gone' | 'failing' | null),
  disabled_message: e.is_active === 1 ? null : disabledMessage(e.disabled_reason, e.failing_since),
  disabled_at: e.is_active === 1 ? null : toIsoOrNull(e.disabled_at),
  failure_count: e.consecutive_failures,
  failing_since: toIsoOrNull(e.failing_since),
  last_success_at: toIsoOrNull(e.last_success_at),
  last_failure_at: toIsoOrNull(e.last_failure_at),
  created_by: e.created_by,
  created_at: toIso(e.created_at),
  updated_at: toIso(e.updated_at),
});

export const presentAttempt = (a: WebhookAttemptsTable) => ({
  id: a.id,
  delivery_id: a.delivery_id,
  webhook_id: a.endpoint_id,
  event_id: a.event_id,
  event_type: a.event_type,
  attempt_number: a.attempt_number,
  trigger: a.trigger,
  url: a.url,
  request_headers: fromJson<Record<string, string>>(a.request_headers, {}),
  status_code: a.status_code,
  response_body: a.response_body,
  duration_ms: a.duration_ms,
  error_class: a.error_class,
  error_message: a.error_message,
  succeeded: a.succeeded === 1,
  next_attempt_at: toIsoOrNull(a.next_attempt_at),
  created_at: toIso(a.created_at),
});

export const presentDelivery = (d: WebhookDeliveriesTable) => ({
  id: d.id,
  webhook_id: d.endpoint_id,
  event_id: d.event_id,
  event_type: d.event_type,
  status: d.status,
  attempt_count: d.attempt_count,
  // For in-flight rows next_attempt_at is the lease's end, not a scheduled attempt.
  next_attempt_at: d.status === 'pending' ? toIso(d.next_attempt_at) : null,
  last_status_code: d.last_status_code,
  last_error_class: d.last_error_class,
  last_attempt_at: toIsoOrNull(d.last_attempt_at),
  completed_at: toIsoOrNull(d.completed_at),
  created_at: toIso(d.created_at),
});

export const presentPublished = (r: { event: EventsTable; deliveries: number; replayed: boolean }) => ({
  id: r.event.id,
  workspace_id: r.event.workspace_id,
  event_type: r.event.type,
  deliveries: r.deliveries,
  idempotency_key: r.event.idempotency_key,
  replayed: r.replayed,
  created_at: toIso(r.event.created_at),
});

/** `next_cursor`: the last id of a full page (ids are time-sortable, pages newest first). */
export const nextCursor = <T extends { id: string }>(rows: T[], limit: number): string | null =>
  rows.length === limit ? rows[rows.length - 1].id : null;
