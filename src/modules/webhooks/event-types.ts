/**
 * The catalog of event types endpoints can subscribe to. Events of other
 * modules are published by `audit.record` under the action's name; features
 * that add events add a line here so the catalog (and subscription
 * validation) knows them. `<category>.*` subscribes to a whole category.
 */

export interface EventTypeInfo {
  type: string;
  description: string;
  /** An example of the event's `data` object. */
  example: Record<string, unknown>;
}

const actor = { type: 'user', id: 'usr_01j9z3k8q4x2m7v5n6b1c0d9e8' };
const ws = 'ws_01j9z3k2a1b0c9d8e7f6g5h4j3';
const at = '2025-01-01T12:00:00.000Z';
const audit = (resource: Record<string, unknown>, details: Record<string, unknown> = {}) => ({
  workspace_id: ws,
  actor,
  resource,
  ...details,
  occurred_at: at,
});
const workspace = { type: 'workspace', id: ws, name: 'Acme' };
const member = { type: 'member', id: 'usr_01j9z3m1n2p3q4r5s6t7v8w9x0', name: 'Ada' };
const invitation = { type: 'invitation', id: 'inv_01j9z3n1p2q3r4s5t6v7w8x9y0', name: 'ada@example.com' };
const webhook = { type: 'webhook', id: 'wh_01j9z3p1q2r3s4t5v6w7x8y9z0', name: 'https://hooks.example.com' };
const aiKey = { type: 'ai_key', id: 'aik_01j9z3q1r2s3t4v5w6x7y8z9a0', name: 'OpenAI production' };
const aiRoute = { type: 'ai_route', id: 'air_01j9z3q1r2s3t4v5w6x7y8z9a1', name: 'smart' };

export const EVENT_TYPES: EventTypeInfo[] = [
  { type: 'workspace.created', description: 'A workspace was created', example: audit(workspace, { slug: 'acme' }) },
  { type: 'workspace.updated', description: 'A workspace was renamed or its description or slug changed', example: audit(workspace, { changes: { name: { from: 'Acme', to: 'Acme Inc' } } }) },
  { type: 'workspace.ownership_transferred', description: 'Ownership passed to another member', example: audit(workspace, { from_user_id: actor.id, to_user_id: member.id }) },
  { type: 'member.added', description: 'Someone joined the workspace', example: audit(member, { role: 'developer' }) },
  { type: 'member.role_changed', description: "A member's role changed", example: audit(member, { from: 'developer', to: 'admin' }) },
  { type: 'member.removed', description: 'A member was removed', example: audit(member, { role: 'viewer' }) },
  { type: 'member.left', description: 'A member left the workspace', example: audit(member, { role: 'viewer' }) },
  { type: 'invitation.created', description: 'Someone was invited', example: audit(invitation, { role: 'developer' }) },
  { type: 'invitation.resent', description: 'An invitation link was re-issued', example: audit(invitation) },
  { type: 'invitation.revoked', description: 'An invitation was revoked', example: audit(invitation) },
  { type: 'invitation.accepted', description: 'An invitation was accepted', example: audit(invitation, { user_id: member.id }) },
  { type: 'permission.granted', description: 'A member was granted access to one resource', example: audit(webhook, { grant_id: 'grt_01j9z3r1s2t3v4w5x6y7z8a9b0', user_id: member.id, permission: 'write', previous: null }) },
  { type: 'permission.revoked', description: 'A resource grant was revoked', example: audit(webhook, { grant_id: 'grt_01j9z3r1s2t3v4w5x6y7z8a9b0', user_id: member.id, permission: 'write' }) },
  { type: 'api_token.created', description: 'An API token was created', example: audit({ type: 'api_token', id: 'tok_01j9z3s1t2v3w4x5y6z7a8b9c0', name: 'CI' }, { scopes: ['webhooks:read'] }) },
  { type: 'api_token.revoked', description: 'An API token was revoked', example: audit({ type: 'api_token', id: 'tok_01j9z3s1t2v3w4x5y6z7a8b9c0', name: 'CI' }) },
  { type: 'webhook.created', description: 'A webhook endpoint was registered', example: audit(webhook, { url_origin: 'https://hooks.example.com', event_types: [] }) },
  { type: 'webhook.updated', description: 'A webhook endpoint was changed', example: audit(webhook, { changed: ['event_types'] }) },
  { type: 'webhook.deleted', description: 'A webhook endpoint was deleted', example: audit(webhook) },
  { type: 'webhook.secret_rotated', description: "A webhook endpoint's signing secret was rotated", example: audit(webhook, { version: 2, previous_secret_expires_at: at }) },
  { type: 'webhook.disabled', description: 'A webhook endpoint was disabled, by hand or automatically (410 Gone, or failing for too long)', example: audit(webhook, { reason: 'failing_since', failing_since: at, message: 'Every delivery failed for 5 days' }) },
  { type: 'webhook.enabled', description: 'A webhook endpoint was enabled again', example: audit(webhook) },
  { type: 'ai_key.created', description: 'An AI provider key was added', example: audit(aiKey, { provider: 'openai' }) },
  { type: 'ai_key.updated', description: 'An AI provider key was changed', example: audit(aiKey, { changed: ['monthly_cost_cap_micros'] }) },
  { type: 'ai_key.rotated', description: 'An AI provider key was replaced by a new secret', example: audit(aiKey, { provider: 'openai' }) },
  { type: 'ai_key.deleted', description: 'An AI provider key was deleted', example: audit(aiKey, { provider: 'openai' }) },
  { type: 'ai_limit.updated', description: 'Gateway limits of the workspace, a member or an API token were set', example: audit({ type: 'ai_limit_token', id: 'tok_01j9z3s1t2v3w4x5y6z7a8b9c0', name: 'CI' }, { level: 'token', limits: { rate_limit_rpm: 60, rate_limit_tpm: null, usage_limit: null, cost_limit: 25, allowed_models: null, allowed_providers: ['openai'] } }) },
  { type: 'ai_limit.cleared', description: 'Gateway limits of the workspace, a member or an API token were removed', example: audit({ type: 'ai_limit_member', id: member.id, name: null }, { level: 'member' }) },
  { type: 'ai_usage.threshold', description: "The monthly usage of an AI key or of a consumer (level: key, token, member, workspace) crossed a threshold of its cap", example: { workspace_id: ws, level: 'key', subject_id: aiKey.id, ai_key_id: aiKey.id, threshold_percent: 80, cost_micros: 80_000_000, cap_micros: 100_000_000, period: '2025-01', occurred_at: at } },
  { type: 'ai_route.created', description: 'A gateway route (a model name with fallback targets) was defined', example: audit(aiRoute, { strategy: 'fallback', targets: [{ key_id: aiKey.id, model: 'gpt-4o-mini', weight: 1 }] }) },
  { type: 'ai_route.updated', description: 'A gateway route was changed', example: audit(aiRoute, { changes: { max_retries: { from: 1, to: 2 } } }) },
  { type: 'ai_route.deleted', description: 'A gateway route was deleted', example: audit(aiRoute) },
  { type: 'webhook.test', description: 'Sent by POST /api/webhooks/{id}/test to check an endpoint; never sent otherwise', example: { webhook_id: webhook.id, test: true, sent_at: at } },
  { type: 'custom.*', description: 'Your own application events, published with POST /api/events (e.g. custom.order.paid)', example: { order_id: 'ord_123', amount_cents: 4200 } },
];

const KNOWN = new Set(EVENT_TYPES.map((e) => e.type));
const CATEGORIES = new Set(EVENT_TYPES.map((e) => e.type.split('.')[0]));

/** custom.<name>[.<name>…]: lower-case letters, digits, `_` and `-`. */
export const CUSTOM_EVENT_TYPE = /^custom(\.[a-z0-9_-]{1,64}){1,4}$/;

/** Why a subscription pattern is invalid, or undefined when it is valid. */
export function invalidSubscription(pattern: string): string | undefined {
  if (KNOWN.has(pattern) || CUSTOM_EVENT_TYPE.test(pattern)) return undefined;
  if (pattern.endsWith('.*') && (CATEGORIES.has(pattern.slice(0, -2)) || CUSTOM_EVENT_TYPE.test(pattern.slice(0, -2)))) return undefined;
  return `"${pattern}" is not a known event type, a wildcard like "member.*" or "custom.order.*", or a custom.<name> type`;
}

/** Whether an endpoint subscribed to `patterns` receives `type` (empty = everything). */
export function subscribes(patterns: readonly string[], type: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((p) => p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}
