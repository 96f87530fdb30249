import type { Principal } from '../identity/principal.js';
import type { AiKeysRepository } from '../ai-keys/ai-keys.repository.js';
import type { AiKeysService } from '../ai-keys/ai-keys.service.js';
import { providerInfo, type ProviderId } from '../ai-keys/providers.js';

/** A provider key as the gateway uses it: decrypted, with its limits. Never logged, never returned. */
export interface GatewayKey {
  id: string;
  workspaceId: string;
  provider: string;
  name: string;
  /** '' for a custom server that needs no key. */
  apiKey: string;
  /** The key replaced by a rotation, during its grace period: retried once if the new key gets a 401. */
  previousApiKey: string | null;
  endpointUrl: string | null;
  deploymentName: string | null;
  isActive: boolean;
  rpm: number | null;
  tpm: number | null;
  /** Requests per calendar month (UTC). */
  usageLimit: number | null;
  /** Micro-dollars per calendar month (UTC). */
  costLimitMicros: number | null;
  /** Model aliases, e.g. {"default": "gpt-4o-mini"}. */
  modelPreferences: Record<string, string>;
}

export interface GatewayKeySummary {
  id: string;
  provider: string;
  isActive: boolean;
  deploymentName: string | null;
  createdAt: number;
}

/** What the gateway needs from the AI-keys module. */
export interface GatewayKeySource {
  /** By id, or the workspace's default key of a provider; AppError 404 when there is none. No access check. */
  resolve(workspaceId: string, by: { keyId?: string; provider?: string }): Promise<GatewayKey>;
  /** The workspace's keys, without secrets (for /v1/models). No access check. */
  list(workspaceId: string): Promise<GatewayKeySummary[]>;
  /** Checks that the caller may read the key (404 across workspaces, 403 without the right); returns its workspace. */
  authorizeRead(principal: Principal, keyId: string): Promise<string>;
  /** Catalog model ids of a provider. */
  catalogModels(provider: string): string[];
}

/** The gateway's view of the AI-keys module (its service's `resolveForUse` contract and cache). */
export function aiKeysSource(aiKeys: AiKeysService, repo: AiKeysRepository): GatewayKeySource {
  return {
    async resolve(workspaceId, by) {
      const k = await aiKeys.resolveForUse(workspaceId, by);
      return {
        id: k.id,
        workspaceId: k.workspaceId,
        provider: k.provider,
        name: k.keyName,
        apiKey: k.apiKey,
        previousApiKey: k.previousApiKey,
        endpointUrl: k.endpointUrl,
        deploymentName: k.deploymentName,
        isActive: k.isActive,
        rpm: k.limits.rateLimitRpm,
        tpm: k.limits.rateLimitTpm,
        usageLimit: k.limits.usageLimit,
        costLimitMicros: k.limits.costLimitMicros,
        modelPreferences: k.modelPreferences,
      };
    },
    async list(workspaceId) {
      const rows = await repo.list(workspaceId);
      return rows.map((r) => ({ id: r.id, provider: r.provider, isActive: r.is_active === 1, deploymentName: r.deployment_name, createdAt: r.created_at }));
    },
    async authorizeRead(principal, keyId) {
      return (await aiKeys.get(principal, keyId)).workspace_id;
    },
    catalogModels(provider) {
      return providerInfo(provider as ProviderId).models.map((m) => m.id);
    },
  };
}
