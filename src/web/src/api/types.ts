/** Shapes of the API responses the console uses (mirrors the TypeBox schemas in src/modules). */
import type { Role } from '../../../modules/workspaces/policy';

export type { Role };

export interface User {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  role: Role;
  created_at: string;
  updated_at: string;
}

export interface Member {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  invited_by: string | null;
  joined_at: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  last_sent_at: string;
  send_count: number;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface InvitationWithLink extends Invitation {
  token: string;
  url: string;
}

export interface InvitationPreview {
  workspace: { id: string; name: string; slug: string };
  email: string;
  role: Role;
  status: InvitationStatus;
  invited_by_name: string | null;
  expires_at: string;
}

export interface ApiToken {
  id: string;
  name: string;
  workspace_id: string;
  token_prefix: string;
  scopes: string[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface ActivityEntry {
  id: string;
  workspace_id: string;
  actor: { type: string; id: string | null; name: string | null };
  action: string;
  resource: { type: string; id: string | null; name: string | null };
  details: Record<string, unknown>;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
}

export interface List<T> {
  data: T[];
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

// — webhooks —

export interface Webhook {
  id: string;
  workspace_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  headers: Record<string, string>;
  is_active: boolean;
  disabled_reason: 'manual' | 'gone' | 'failing' | null;
  disabled_message: string | null;
  disabled_at: string | null;
  failure_count: number;
  failing_since: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookWithSecret extends Webhook {
  secret: string;
}

export interface EventTypeInfo {
  type: string;
  description: string;
  example: Record<string, unknown>;
}

export interface WebhookTestResult {
  webhook_id: string;
  event: 'webhook.test';
  event_id: string;
  delivery_id: string;
  attempt_id: string;
  delivered: boolean;
  status_code: number | null;
  response_time_ms: number;
  error_class: string | null;
  error_message: string | null;
  timestamp: string;
}

export interface Attempt {
  id: string;
  delivery_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  attempt_number: number;
  trigger: string;
  url: string;
  request_headers: Record<string, string>;
  status_code: number | null;
  response_body: string | null;
  duration_ms: number;
  error_class: string | null;
  error_message: string | null;
  succeeded: boolean;
  next_attempt_at: string | null;
  created_at: string;
}

export type DeliveryStatus = 'pending' | 'in_flight' | 'succeeded' | 'failed';

export interface Delivery {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error_class: string | null;
  last_attempt_at: string | null;
  completed_at: string | null;
  created_at: string;
}

export interface DeliveryWithAttempts extends Delivery {
  attempts: Attempt[];
}

export interface RotateSecretResult {
  secret: string;
  version: number;
  previous_secret_expires_at: string;
}

// — AI keys —

export interface AiKey {
  id: string;
  workspace_id: string;
  provider: string;
  provider_name: string;
  key_name: string;
  key_preview: string | null;
  endpoint_url: string | null;
  deployment_name: string | null;
  model_preferences: Record<string, string>;
  is_default: boolean;
  is_active: boolean;
  usage_limit: number | null;
  cost_limit: number | null;
  rate_limit_rpm: number | null;
  rate_limit_tpm: number | null;
  rotate_after_days: number | null;
  last_rotated_at: string;
  rotation_due_at: string | null;
  previous_key_preview: string | null;
  previous_key_expires_at: string | null;
  last_tested_at: string | null;
  last_test_status: string | null;
  usage_this_month: number;
  cost_this_month: number;
  last_used: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProviderModel {
  id: string;
  input_per_mtok: number;
  output_per_mtok: number;
}

export interface ProviderInfo {
  id: string;
  name: string;
  key_format: string;
  key_pattern: string | null;
  needs_endpoint_url: boolean;
  needs_deployment_name: boolean;
  default_base_url: string | null;
  docs_url: string;
  models: ProviderModel[];
}

export interface KeyTestResult {
  ok: boolean;
  status: 'ok' | 'invalid_key' | 'rate_limited' | 'unreachable' | 'provider_error';
  http_status: number | null;
  latency_ms: number;
  message: string;
}

export interface UsageSummary {
  requests: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  cost_micros: number;
  cost_usd: number;
  average_latency_ms: number | null;
}

export interface UsageReport {
  key_id: string;
  currency: 'USD';
  totals: UsageSummary;
  this_month: UsageSummary & { period: string };
  days: number;
  daily: (UsageSummary & { date: string })[];
  by_model: (UsageSummary & { model: string; provider: string; priced: boolean })[];
}

/** `POST /api/events`: an application event queued for the subscribed endpoints. */
export interface PublishedEvent {
  id: string;
  workspace_id: string;
  event_type: string;
  deliveries: number;
  idempotency_key: string | null;
  replayed: boolean;
  created_at: string;
}

export type GrantPermission = 'read' | 'write' | 'admin';

/** A member's right on one resource, on top of their role. */
export interface Grant {
  id: string;
  workspace_id: string;
  resource_type: string;
  resource_id: string;
  user_id: string;
  permission: GrantPermission;
  granted_by: string | null;
  created_at: string;
  updated_at: string;
}
