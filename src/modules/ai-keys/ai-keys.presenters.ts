import { fromJson } from '../../core/db/json.js';
import { toIso, toIsoOrNull } from '../../core/time.js';
import type { AiKeysTable } from './ai-keys.tables.js';
import { providerInfo } from '../ai-providers/providers.js';

/** Month-to-date usage of one key, from the gateway's usage records. */
export interface KeyUsageTotals {
  requests: number;
  costMicros: number;
  lastUsedAt: number | null;
}

export const NO_USAGE: KeyUsageTotals = { requests: 0, costMicros: 0, lastUsedAt: null };

const DAY_MS = 86_400_000;
const usd = (micros: number | null): number | null => (micros == null ? null : micros / 1_000_000);

/** Row → API shape. Only the preview of the key leaves; the blob and fingerprint never do. */
export function presentAiKey(row: AiKeysTable, usage: KeyUsageTotals = NO_USAGE, now = Date.now()) {
  const previousLive = row.previous_key_expires_at != null && row.previous_key_expires_at > now;
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    provider: row.provider,
    provider_name: providerInfo(row.provider).name,
    key_name: row.key_name,
    key_preview: row.key_preview,
    endpoint_url: row.endpoint_url,
    deployment_name: row.deployment_name,
    model_preferences: fromJson<Record<string, string>>(row.model_preferences, {}),
    is_default: row.is_default === 1,
    is_active: row.is_active === 1,
    usage_limit: row.usage_limit,
    cost_limit: usd(row.cost_limit_micros),
    rate_limit_rpm: row.rate_limit_rpm,
    rate_limit_tpm: row.rate_limit_tpm,
    rotate_after_days: row.rotate_after_days,
    last_rotated_at: toIso(row.last_rotated_at),
    rotation_due_at: row.rotate_after_days == null ? null : toIso(row.last_rotated_at + row.rotate_after_days * DAY_MS),
    previous_key_preview: previousLive ? row.previous_key_preview : null,
    previous_key_expires_at: previousLive ? toIso(row.previous_key_expires_at!) : null,
    last_tested_at: toIsoOrNull(row.last_tested_at),
    last_test_status: row.last_test_status,
    usage_this_month: usage.requests,
    cost_this_month: usage.costMicros / 1_000_000,
    last_used: toIsoOrNull(usage.lastUsedAt),
    created_by: row.created_by,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}
