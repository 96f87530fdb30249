import type { Principal } from '../identity/principal.js';
import type { AiKeyStore } from '../ai-keys/key-store.js';
import { providerInfo, type ProviderId } from '../ai-providers/providers.js';

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

interface GatewayKeySummary {
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

/** The gateway's view of the AI-keys module, through its key store (see ai-keys/key-store.ts). */
export function aiKeysSource(aiKeys: AiKeyStore): GatewayKeySource {
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
    list(workspaceId) {
      return aiKeys.summaries(workspaceId);
    },
    authorizeRead(principal, keyId) {
      return aiKeys.authorizeRead(principal, keyId);
    },
    catalogModels(provider) {
      return providerInfo(provider as ProviderId).models.map((m) => m.id);
    },
  };
}
