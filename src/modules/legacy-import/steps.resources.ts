import { toJson } from '../../core/db/json.js';
import { AppError } from '../../core/errors.js';
import { newIdAt } from '../../core/ids.js';
import { providerInfo } from '../ai-providers/providers.js';
import { fingerprint, fingerprintCandidates, keyAad, keyPreview } from '../ai-keys/ai-keys.crypto.js';
import { headersAad, secretAad } from '../webhooks/message-format.js';
import { generateSecret } from '../webhooks/signing.js';
import { validateHeaders } from '../webhooks/webhooks.validation.js';
import { FernetError } from './fernet.js';
import { mapped, type ImportContext, type Plan, type Step } from './importer.js';
import { mapEvents, mapProvider } from './mapping.js';
import { idText, toBool, toJsonValue, toNumber, toText, toTime, type Row } from './source.js';

/** Webhooks, AI keys, usage, activity and resource permissions (models/workspace.py, models/ai_keys.py). */

const SIGNING_WARNING =
  'Webhooks: the original sent deliveries unsigned, or with "X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body>" when a secret was set. ' +
  'atrium signs every delivery the Standard Webhooks way (webhook-id, webhook-timestamp and webhook-signature headers): receivers must verify that instead. ' +
  'An original secret stays the HMAC key (as a Standard Webhooks secret it reads "whsec_" + base64 of it); endpoints without one got a new secret, ' +
  'which POST /api/webhooks/{id}/rotate-secret replaces and shows.';

const object = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const count = (value: unknown): number => Math.max(0, Math.round(toNumber(value) ?? 0));
const micros = (usd: unknown): number | null => {
  const n = toNumber(usd);
  return n === null ? null : Math.max(0, Math.round(n * 1_000_000));
};

function httpUrl(value: unknown): string | undefined {
  const text = toText(value)?.trim();
  if (!text || text.length > 2048) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Custom headers atrium accepts (valid, not one it sets itself); the others are reported and left out. */
function headersOf(value: unknown, notes: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(object(toJsonValue(value)))) {
    if (Object.keys(out).length >= 20) {
      notes.push(`header "${name}" left out: atrium sends at most 20 custom headers`);
      continue;
    }
    try {
      Object.assign(out, validateHeaders({ [name]: typeof raw === 'string' ? raw : String(raw) }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notes.push(`header "${name}" left out: ${error.message.replace(/^headers\.\S+ /, '')}`);
    }
  }
  return out;
}

function planWebhook(row: Row, ctx: ImportContext): Promise<Plan> {
  const workspaceId = mapped(ctx, 'workspaces', row.workspace_id);
  if (!workspaceId) return Promise.resolve({ skip: `workspace #${idText(row.workspace_id)} was not imported` });
  const url = httpUrl(row.url);
  if (!url) return Promise.resolve({ skip: 'the URL is not an absolute http(s) URL' });
  ctx.report.warn(SIGNING_WARNING);
  const events = mapEvents(toJsonValue(row.events));
  const notes = [...events.notes];
  let active = row.is_active == null || toBool(row.is_active);
  if (!events.everything && events.types.length === 0 && active) {
    active = false;
    notes.push('subscribed to no event atrium knows (so it received nothing); imported disabled, since no subscription means every event in atrium');
  }
  const headers = headersOf(row.headers, notes);
  const original = toText(row.secret) ?? '';
  const secret = original ? `whsec_${Buffer.from(original, 'utf8').toString('base64')}` : generateSecret();
  notes.push(original ? 'signs with its original secret, the Standard Webhooks way' : 'unsigned in the original: signs with a new secret');
  const createdAt = toTime(row.created_at) ?? ctx.now;
  const id = newIdAt('wh', createdAt);
  const secretId = newIdAt('whs', createdAt);
  const endpoint = {
    id,
    workspace_id: workspaceId,
    url,
    description: toText(row.name)?.trim().slice(0, 200) || null,
    event_types: toJson(events.types),
    headers_enc: Object.keys(headers).length === 0 ? null : ctx.keyring.encrypt(JSON.stringify(headers), headersAad(id)),
    is_active: active ? 1 : 0,
    disabled_reason: active ? null : 'manual',
    disabled_at: active ? null : ctx.now,
    failing_since: null,
    consecutive_failures: 0,
    last_success_at: null,
    last_failure_at: null,
    created_by: mapped(ctx, 'users', row.created_by) ?? null,
    created_at: createdAt,
    updated_at: toTime(row.updated_at) ?? createdAt,
    config_version: 1,
  };
  const secretRow = { id: secretId, endpoint_id: id, version: 1, workspace_id: workspaceId, secret_enc: ctx.keyring.encrypt(secret, secretAad(secretId)), created_at: createdAt, expires_at: null };
  return Promise.resolve({ target: id, write: (repo) => repo.insertEndpoint(endpoint, secretRow), notes });
}

/** The provider key in clear, or why it cannot be had (the key itself never reaches a message). */
function decryptKey(row: Row, ctx: ImportContext): { key: string } | { problem: string } {
  const token = toText(row.encrypted_key);
  if (!token) return { problem: 'no encrypted key in the original' };
  if (!ctx.fernet) return { problem: 'no --encryption-key was given, so the key could not be decrypted' };
  try {
    return { key: ctx.fernet.decrypt(token) };
  } catch (error) {
    if (!(error instanceof FernetError)) throw error;
    return { problem: 'the key could not be decrypted with the given --encryption-key (wrong key?)' };
  }
}

function endpointOf(row: Row, provider: ReturnType<typeof providerInfo>, notes: string[]): { url: string | null; deployment: string | null } | { skip: string } {
  const url = row.endpoint_url == null || toText(row.endpoint_url)?.trim() === '' ? null : httpUrl(row.endpoint_url);
  if (url === undefined) return { skip: 'the endpoint URL is not an absolute http(s) URL' };
  if (provider.needs_endpoint_url && !url) return { skip: `${provider.id} needs an endpoint URL and the original has none` };
  let deployment = toText(row.deployment_name)?.trim() || null;
  if (provider.needs_deployment_name && !deployment) return { skip: `${provider.id} needs a deployment name and the original has none` };
  if (!provider.needs_deployment_name && deployment) {
    notes.push(`deployment name left out (only ${'azure_openai'} uses one)`);
    deployment = null;
  }
  return { url: url ? url.replace(/\/+$/, '') : null, deployment };
}

async function planAiKey(row: Row, ctx: ImportContext): Promise<Plan> {
  const workspaceId = mapped(ctx, 'workspaces', row.workspace_id);
  if (!workspaceId) return { skip: `workspace #${idText(row.workspace_id)} was not imported` };
  const providerId = mapProvider(row.provider);
  if (!providerId) return { skip: `provider "${toText(row.provider) ?? ''}" has no counterpart in atrium` };
  const provider = providerInfo(providerId);
  const notes: string[] = [];
  const endpoint = endpointOf(row, provider, notes);
  if ('skip' in endpoint) return endpoint;
  const secret = decryptKey(row, ctx);
  const apiKey = 'key' in secret && secret.key ? secret.key : null;
  if ('problem' in secret) notes.push(`${secret.problem}: imported inactive; rotate the key in atrium to use it`);
  if (apiKey) {
    const candidates = fingerprintCandidates(ctx.keyring, apiKey);
    if (candidates.some((f) => ctx.taken.fingerprints.has(`${workspaceId}:${f}`)) || (await ctx.repo.fingerprintTaken(workspaceId, candidates))) {
      return { skip: 'the same key is already stored in this workspace' };
    }
  }
  const createdAt = toTime(row.created_at) ?? ctx.now;
  const id = newIdAt('aik', createdAt);
  const keyFingerprint = apiKey ? fingerprint(ctx.keyring, apiKey) : null;
  if (keyFingerprint) ctx.taken.fingerprints.add(`${workspaceId}:${keyFingerprint}`);
  const isDefault = toBool(row.is_default) && !ctx.taken.defaults.has(`${workspaceId}:${providerId}`) && !(await ctx.repo.hasDefaultKey(workspaceId, providerId));
  if (isDefault) ctx.taken.defaults.add(`${workspaceId}:${providerId}`);
  else if (toBool(row.is_default)) notes.push(`another ${providerId} key is already the default; this one is not`);
  const preferences = Object.fromEntries(Object.entries(object(toJsonValue(row.model_preferences))).filter(([, v]) => typeof v === 'string'));
  const usageLimit = toNumber(row.usage_limit);
  const key = {
    id,
    workspace_id: workspaceId,
    provider: providerId,
    key_name: toText(row.key_name)?.trim().slice(0, 100) || `${provider.name} key`,
    encrypted_key: apiKey ? ctx.keyring.encrypt(apiKey, keyAad(id)) : null,
    key_fingerprint: keyFingerprint,
    key_preview: apiKey ? keyPreview(apiKey) : null,
    endpoint_url: endpoint.url,
    deployment_name: endpoint.deployment,
    model_preferences: toJson(preferences),
    is_default: isDefault ? 1 : 0,
    is_active: (row.is_active == null || toBool(row.is_active)) && (apiKey || (providerId === 'custom' && 'key' in secret)) ? 1 : 0,
    usage_limit: usageLimit === null || usageLimit < 0 ? null : Math.round(usageLimit),
    cost_limit_micros: micros(row.cost_limit),
    rate_limit_rpm: null,
    rate_limit_tpm: null,
    rotate_after_days: null,
    last_rotated_at: toTime(row.updated_at) ?? createdAt,
    rotation_due_notified_at: null,
    previous_encrypted_key: null,
    previous_key_preview: null,
    previous_key_expires_at: null,
    last_tested_at: null,
    last_test_status: null,
    created_by: mapped(ctx, 'users', row.created_by) ?? null,
    created_at: createdAt,
    updated_at: toTime(row.updated_at) ?? createdAt,
  };
  ctx.keys.set(id, { workspace_id: workspaceId, provider: providerId });
  return { target: id, write: (repo) => repo.insertAiKey(key), notes };
}

async function planUsage(row: Row, ctx: ImportContext): Promise<Plan> {
  const keyId = mapped(ctx, 'ai_keys', row.key_id);
  if (!keyId) return { skip: `AI key #${idText(row.key_id)} was not imported` };
  const key = ctx.keys.get(keyId) ?? (await ctx.repo.keyInfo(keyId));
  const date = toTime(row.date);
  if (!key || date === null) return { skip: 'no date' };
  ctx.keys.set(keyId, key);
  const model = toText(row.model)?.trim().slice(0, 200) || 'unknown';
  const day = new Date(date).toISOString().slice(0, 10);
  const requests = count(row.requests);
  const daily = {
    key_id: keyId,
    model,
    day,
    workspace_id: key.workspace_id,
    provider: key.provider,
    requests,
    errors: count(row.errors),
    input_tokens: count(row.tokens_input),
    output_tokens: count(row.tokens_output),
    cost_micros: micros(row.cost) ?? 0,
    latency_ms_total: Math.round((toNumber(row.avg_latency_ms) ?? 0) * requests),
  };
  return { target: `${keyId}:${model}:${day}`, write: (repo) => repo.addDailyUsage(daily) };
}

/** Detail fields that can hold credentials: the original logged webhook updates whole, secret and headers included. */
const SECRET_FIELD = /secret|token|password|passwd|api_?key|authorization|credential|headers|encrypted/i;

/** Activity details without credentials, URLs reduced to their origin (atrium's rule: paths often embed tokens). */
function scrub(value: unknown, depth = 0): unknown {
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (SECRET_FIELD.test(k)) return [k, '[redacted]'];
      if (/url$/i.test(k) && typeof v === 'string') return [k, httpUrl(v) ? new URL(v).origin : '[redacted]'];
      return [k, scrub(v, depth + 1)];
    }),
  );
}

/** Activity rows name resources by the original's ids; those imported are named by their atrium id. */
const RESOURCE_TABLES: Record<string, string> = { workspace: 'workspaces', webhook: 'workspace_webhooks', ai_key: 'ai_keys', member: 'users', user: 'users', invitation: 'workspace_invitations' };

function planActivity(row: Row, ctx: ImportContext): Promise<Plan> {
  const workspaceId = mapped(ctx, 'workspaces', row.workspace_id);
  if (!workspaceId) return Promise.resolve({ skip: `workspace #${idText(row.workspace_id)} was not imported` });
  const action = toText(row.action)?.trim();
  if (!action) return Promise.resolve({ skip: 'no action' });
  const createdAt = toTime(row.created_at) ?? ctx.now;
  const actorId = mapped(ctx, 'users', row.user_id) ?? null;
  const details = scrub(toJsonValue(row.details));
  const detailObject = details === null ? {} : typeof details === 'object' && !Array.isArray(details) ? { ...details } : { value: details };
  const resourceType = toText(row.resource_type)?.trim() || 'workspace';
  const resourceTable = RESOURCE_TABLES[resourceType];
  const resourceId = (resourceTable && mapped(ctx, resourceTable, row.resource_id)) || toText(row.resource_id);
  const activity = {
    id: newIdAt('act', createdAt),
    workspace_id: workspaceId,
    actor_type: actorId ? ('user' as const) : ('system' as const),
    actor_id: actorId,
    action: action.slice(0, 100),
    resource_type: resourceType.slice(0, 50),
    resource_id: resourceId,
    resource_name: toText(row.resource_name),
    details: JSON.stringify({ ...detailObject, ...(row.user_id != null && !actorId ? { legacy_user_id: row.user_id } : {}) }),
    request_id: null,
    ip: toText(row.ip_address)?.slice(0, 45) ?? null,
    user_agent: toText(row.user_agent)?.slice(0, 512) ?? null,
    created_at: createdAt,
  };
  return Promise.resolve({ target: activity.id, write: (repo) => repo.insertActivity(activity) });
}

/**
 * The original's per-resource permissions are on projects, collections, API
 * specs and mock servers (models/workspace.py ResourceType), which atrium
 * does not have; role-wide rows repeat what roles decide. Each is reported.
 */
function planPermission(row: Row): Promise<Plan> {
  const type = (toText(row.resource_type) ?? 'unknown').toLowerCase();
  if (row.user_id == null) return Promise.resolve({ skip: `a role-wide permission on ${type} #${idText(row.resource_id)}: atrium's roles decide this` });
  return Promise.resolve({ skip: `a permission on ${type} #${idText(row.resource_id)}: atrium has no ${type} resources` });
}

export const resourceSteps: Step[] = [
  { table: 'workspace_webhooks', plan: planWebhook },
  { table: 'ai_keys', plan: planAiKey },
  { table: 'ai_key_usage', plan: planUsage },
  { table: 'workspace_activity', plan: planActivity },
  { table: 'resource_permissions', plan: (row) => planPermission(row) },
];
