import { toJson } from '../../core/db/json.js';
import { newId } from '../../core/ids.js';
import { toIso } from '../../core/time.js';
import type { SendResult } from './sender.js';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from './webhooks.tables.js';

/** AADs follow the keyring convention `<table>:<row id>:<column>` (rotate-master-key relies on it). */
export const secretAad = (secretId: string) => `webhook_secrets:${secretId}:secret_enc`;
export const headersAad = (endpointId: string) => `webhook_endpoints:${endpointId}:headers_enc`;

/** The JSON body receivers get. `data` is spliced in as stored: no parse/serialise round trip per attempt. */
export function messageBody(e: { id: string; type: string; workspace_id: string; created_at: number; payload: string }): string {
  return `{"id":${JSON.stringify(e.id)},"type":${JSON.stringify(e.type)},"timestamp":"${toIso(e.created_at)}","workspace_id":${JSON.stringify(e.workspace_id)},"data":${e.payload}}`;
}

/** Activity rows and events name an endpoint by its description or origin, never its full URL (paths often embed tokens). */
export function endpointName(e: Pick<WebhookEndpointsTable, 'description' | 'url'>): string {
  if (e.description) return e.description;
  try {
    return new URL(e.url).origin;
  } catch {
    return 'webhook';
  }
}

/** Attempt rows hold what receivers sent back: NUL cannot be stored in PostgreSQL text, so it is dropped before writing. */
const clean = (value: string | null): string | null => (value !== null && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value);

export function attemptRow(
  delivery: Pick<WebhookDeliveriesTable, 'id' | 'workspace_id' | 'endpoint_id' | 'event_id' | 'event_type'>,
  attemptNumber: number,
  trigger: 'scheduled' | 'test',
  url: string,
  result: SendResult,
  nextAttemptAt: number | null,
  workerId: string | null,
): WebhookAttemptsTable {
  return {
    id: newId('att'),
    workspace_id: delivery.workspace_id,
    delivery_id: delivery.id,
    endpoint_id: delivery.endpoint_id,
    event_id: delivery.event_id,
    event_type: delivery.event_type,
    attempt_number: attemptNumber,
    trigger,
    url,
    request_headers: clean(toJson(result.requestHeaders))!,
    status_code: result.statusCode,
    response_body: clean(result.responseBody),
    duration_ms: result.durationMs,
    error_class: result.errorClass,
    error_message: clean(result.errorMessage),
    succeeded: result.succeeded ? 1 : 0,
    next_attempt_at: nextAttemptAt,
    worker_id: workerId,
    created_at: result.startedAt,
  };
}
