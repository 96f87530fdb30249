/** Kysely types of the webhook tables (created by migration 0002_webhooks). */

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  description: string | null;
  /** JSON array of event types or `prefix.*` patterns; empty = every event. */
  event_types: string;
  /** Custom request headers as JSON, sealed with the keyring (they often carry receiver credentials); AAD `webhook_endpoints:<id>:headers_enc`; null when none. */
  headers_enc: string | null;
  is_active: number;
  disabled_reason: string | null;
  disabled_at: number | null;
  /** Start of the current run of failed attempts; null once an attempt succeeds. Drives auto-disable. */
  failing_since: number | null;
  consecutive_failures: number;
  last_success_at: number | null;
  last_failure_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  /** Bumped by every change that affects sending (URL, headers, enable/disable, secret rotation): workers re-check it before each send. */
  config_version: number;
}

/** Signing secrets: the current one (expires_at null) and, during a rotation, older ones until they expire. */
export interface WebhookSecretsTable {
  id: string;
  endpoint_id: string;
  version: number;
  workspace_id: string;
  /** `whsec_…`, sealed with the keyring; AAD `webhook_secrets:<id>:secret_enc`. */
  secret_enc: string;
  created_at: number;
  expires_at: number | null;
}

export const DELIVERY_STATUSES = ['pending', 'in_flight', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  /** Attempts made so far (incremented when an attempt is claimed). */
  attempt_count: number;
  /** attempt_count when the delivery was last (re)queued by hand: the retry schedule restarts from there. */
  retry_base: number;
  /** When the next attempt is due; for in_flight rows, when the lease expires (then it is due again). */
  next_attempt_at: number;
  locked_until: number | null;
  lease_owner: string | null;
  last_status_code: number | null;
  last_error_class: string | null;
  last_attempt_at: number | null;
  completed_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface WebhookAttemptsTable {
  id: string;
  workspace_id: string;
  delivery_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  attempt_number: number;
  /** scheduled (worker), test (POST …/test). */
  trigger: string;
  url: string;
  /** JSON object of the headers sent, sensitive custom header values redacted. */
  request_headers: string;
  status_code: number | null;
  /** First 4 KiB of the response body. */
  response_body: string | null;
  duration_ms: number;
  /** null on success; http_error, timeout, connection_refused, connection_reset, destination_not_allowed, … */
  error_class: string | null;
  error_message: string | null;
  succeeded: number;
  /** When the delivery will be attempted again after this attempt; null if it will not. */
  next_attempt_at: number | null;
  worker_id: string | null;
  created_at: number;
}

interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_secrets: WebhookSecretsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends WebhookTables {}
}
