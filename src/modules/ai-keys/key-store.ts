import type { Principal } from '../identity/principal.js';
import type { ProviderKey } from '../ai-providers/adapters/index.js';
import type { ProviderId } from '../ai-providers/providers.js';
import type { KeyUsageTotals } from './ai-keys.presenters.js';

export type { KeyUsageTotals } from './ai-keys.presenters.js';

/**
 * A stored key ready to call its provider with: decrypted, with its limits.
 * `apiKey` is '' for a custom server stored without a key (send no auth
 * header then). `previousApiKey` is the key replaced by a rotation while its
 * grace period lasts (a fallback for an upstream 401), else null. Read-only.
 */
export interface ResolvedKey extends ProviderKey {
  id: string;
  workspaceId: string;
  provider: ProviderId;
  keyName: string;
  apiKey: string;
  previousApiKey: string | null;
  endpointUrl: string | null;
  deploymentName: string | null;
  modelPreferences: Record<string, string>;
  isActive: boolean;
  limits: {
    /** Requests per calendar month (UTC). */
    usageLimit: number | null;
    /** Micro-dollars per calendar month (UTC). */
    costLimitMicros: number | null;
    rateLimitRpm: number | null;
    rateLimitTpm: number | null;
  };
}

/** A workspace's key without its secret (the gateway's /v1/models). */
export interface AiKeySummary {
  id: string;
  provider: ProviderId;
  isActive: boolean;
  deploymentName: string | null;
  createdAt: number;
}

/** Month-to-date totals per key, from the gateway's usage records. */
export interface UsageReader {
  monthToDate(workspaceId: string, keyIds: string[], monthStart: number): Promise<Map<string, KeyUsageTotals>>;
}

/**
 * What the AI-keys module offers the gateway; the gateway sees nothing else
 * of it (not its repository, not its service).
 */
export interface AiKeyStore {
  /**
   * The key by id (the `x-atrium-key-id` header) or the workspace's default
   * key for `provider`. Throws AppError 404 `not_found` (no such key in this
   * workspace) or `no_default_key`. Checks neither access nor `is_active`:
   * the gateway checks `ai.use` on the key and refuses inactive keys itself.
   * Cached in this process for a few seconds; any change made through the
   * AI-keys module drops the cache of its workspace at once.
   */
  resolveForUse(workspaceId: string, by: { keyId?: string; provider?: string }): Promise<ResolvedKey>;
  /** The workspace's keys, without secrets. No access check. */
  summaries(workspaceId: string): Promise<AiKeySummary[]>;
  /** Checks that the caller may read the key (404 across workspaces, 403 without the right); returns its workspace. */
  authorizeRead(principal: Principal, keyId: string): Promise<string>;
  /** The gateway plugs its usage records in here (month-to-date totals in the key list). */
  setUsageReader(reader: UsageReader): void;
}
