import { AppError, Errors } from '../../core/errors.js';
import type { Keyring } from '../../core/keyring.js';
import { keyAad, previousKeyAad } from './ai-keys.crypto.js';
import type { AiKeysRepository } from './ai-keys.repository.js';
import type { AiKeysTable } from './ai-keys.tables.js';
import { KeyCache } from './key-cache.js';
import type { ResolvedKey } from './key-store.js';

type CachedKey = Omit<ResolvedKey, 'previousApiKey'> & { previous: { apiKey: string; expiresAt: number } | null };

/** Decrypted keys for the gateway, cached per process (see `AiKeyStore.resolveForUse`). */
export class ResolvedKeys {
  private readonly cache: KeyCache<CachedKey>;

  constructor(
    private readonly repo: AiKeysRepository,
    private readonly keyring: Keyring,
    options: { ttlMs?: number; maxEntries?: number } = {},
  ) {
    this.cache = new KeyCache(options.ttlMs ?? 5_000, options.maxEntries ?? 1_000);
  }

  async resolve(workspaceId: string, by: { keyId?: string; provider?: string }): Promise<ResolvedKey> {
    if (!by.keyId && !by.provider) throw new Error('resolveForUse needs a keyId or a provider');
    const cacheKey = by.keyId ? `id:${workspaceId}:${by.keyId}` : `default:${workspaceId}:${by.provider}`;
    const now = Date.now();
    let cached = this.cache.get(cacheKey, now);
    if (!cached) {
      const row = by.keyId ? await this.repo.find(workspaceId, by.keyId) : await this.repo.findDefault(workspaceId, by.provider!);
      if (!row) {
        if (by.keyId) throw Errors.notFound('AI key');
        throw new AppError('no_default_key', `This workspace has no default ${by.provider} key; add one or mark one as default`);
      }
      cached = this.decrypt(row, now);
      this.cache.set(cacheKey, cached, now);
    }
    const { previous, ...key } = cached;
    return { ...key, previousApiKey: previous && previous.expiresAt > now ? previous.apiKey : null };
  }

  invalidateWorkspace(workspaceId: string): void {
    this.cache.invalidateWorkspace(workspaceId);
  }

  clear(): void {
    this.cache.clear();
  }

  private decrypt(row: AiKeysTable, now: number): CachedKey {
    const previousLive = row.previous_encrypted_key && row.previous_key_expires_at != null && row.previous_key_expires_at > now;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      provider: row.provider,
      keyName: row.key_name,
      apiKey: row.encrypted_key ? this.keyring.decrypt(row.encrypted_key, keyAad(row.id)) : '',
      previous: previousLive
        ? { apiKey: this.keyring.decrypt(row.previous_encrypted_key!, previousKeyAad(row.id)), expiresAt: row.previous_key_expires_at! }
        : null,
      endpointUrl: row.endpoint_url,
      deploymentName: row.deployment_name,
      modelPreferences: JSON.parse(row.model_preferences) as Record<string, string>,
      isActive: row.is_active === 1,
      limits: {
        usageLimit: row.usage_limit,
        costLimitMicros: row.cost_limit_micros,
        rateLimitRpm: row.rate_limit_rpm,
        rateLimitTpm: row.rate_limit_tpm,
      },
    };
  }
}
