import type { Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { toJson } from '../../core/db/json.js';
import { Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import { scopesAllow } from '../policy/policy.js';
import type { KeyTestResult } from '../ai-providers/key-test.js';
import { providerInfo } from '../ai-providers/providers.js';
import { checkDeployment, checkEndpoint, field, keyNotFound, locateKey, mapConflicts, refuseDuplicate, usdToMicros } from './ai-keys.checks.js';
import { fingerprint, keyAad, keyPreview } from './ai-keys.crypto.js';
import type { AiKeysDeps } from './ai-keys.deps.js';
import { NO_USAGE, presentAiKey, type KeyUsageTotals } from './ai-keys.presenters.js';
import type { AiKeyFilter } from './ai-keys.repository.js';
import type { CreateAiKeyInput, RotateAiKeyInput, UpdateAiKeyInput } from './ai-keys.schemas.js';
import type { AiKeysTable } from './ai-keys.tables.js';
import { KeyRotation } from './key-rotation.js';
import type { AiKeyStore, AiKeySummary, ResolvedKey, UsageReader } from './key-store.js';
import { KeyTesting } from './key-testing.js';
import { ResolvedKeys } from './resolved-keys.js';

const monthStart = (now: number) => {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/**
 * The AI-keys endpoints (create, list, get, update, delete here; rotation
 * and key tests in their own parts) and the `AiKeyStore` the gateway uses.
 * The other direction: the list and get endpoints show month-to-date usage
 * through a `UsageReader` the gateway provides (`setUsageReader`).
 */
export class AiKeysService implements AiKeyStore {
  private readonly keys: ResolvedKeys;
  private readonly rotation: KeyRotation;
  private readonly testing: KeyTesting;
  private usage: UsageReader | undefined;

  constructor(private readonly deps: AiKeysDeps) {
    this.keys = new ResolvedKeys(deps.repo, deps.keyring, { ttlMs: deps.cacheTtlMs, maxEntries: deps.cacheMaxEntries });
    this.rotation = new KeyRotation(deps);
    this.testing = new KeyTesting(deps);
    this.usage = deps.usage;
  }

  // — endpoints —

  async create(principal: Principal, input: CreateAiKeyInput, ctx: AuditContext) {
    const workspaceId = input.workspace_id;
    const access = await this.deps.access.require(principal, workspaceId, 'ai_key.create');
    const info = providerInfo(input.provider);
    const apiKey = input.api_key;
    // Self-hosted servers (Ollama, LM Studio, vLLM without --api-key) need no key.
    if (!apiKey && info.id !== 'custom') throw field('api_key', 'is required');
    const endpointUrl = await checkEndpoint(this.deps.outbound, info, input.endpoint_url ?? null);
    const deploymentName = checkDeployment(info, input.deployment_name ?? null);

    const id = newId('aik');
    const now = Date.now();
    const row: AiKeysTable = {
      id,
      workspace_id: workspaceId,
      provider: info.id,
      key_name: input.key_name.trim(),
      encrypted_key: apiKey ? this.deps.keyring.encrypt(apiKey, keyAad(id)) : null,
      key_fingerprint: apiKey ? fingerprint(this.deps.keyring, apiKey) : null,
      key_preview: apiKey ? keyPreview(apiKey) : null,
      endpoint_url: endpointUrl,
      deployment_name: deploymentName,
      model_preferences: toJson(input.model_preferences ?? {}),
      is_default: 0,
      is_active: input.is_active === false ? 0 : 1,
      usage_limit: input.usage_limit ?? null,
      cost_limit_micros: usdToMicros(input.cost_limit),
      rate_limit_rpm: input.rate_limit_rpm ?? null,
      rate_limit_tpm: input.rate_limit_tpm ?? null,
      rotate_after_days: input.rotate_after_days ?? null,
      last_rotated_at: now,
      rotation_due_notified_at: null,
      previous_encrypted_key: null,
      previous_key_preview: null,
      previous_key_expires_at: null,
      last_tested_at: null,
      last_test_status: null,
      created_by: access.userId,
      created_at: now,
      updated_at: now,
    };
    await this.deps.db
      .transaction()
      .execute(async (trx) => {
        const repo = this.deps.repo.with(trx);
        if (apiKey) await refuseDuplicate(repo, this.deps.keyring, workspaceId, apiKey);
        // The first key of a provider becomes its default unless told otherwise.
        const isDefault = input.is_default ?? (await repo.countForProvider(workspaceId, info.id)) === 0;
        if (isDefault) await repo.clearDefault(workspaceId, info.id, id);
        row.is_default = isDefault ? 1 : 0;
        await repo.insert(row);
        await this.deps.audit.record(trx, ctx, {
          workspaceId,
          action: 'ai_key.created',
          resource: { type: 'ai_key', id, name: row.key_name },
          details: { provider: row.provider, key_preview: row.key_preview, endpoint_url: row.endpoint_url, is_default: isDefault },
        });
      })
      .catch(mapConflicts);
    this.keys.invalidateWorkspace(workspaceId);
    return presentAiKey(row, NO_USAGE, now);
  }

  async list(principal: Principal, workspaceId: string, filter: Pick<AiKeyFilter, 'provider' | 'isActive'>) {
    const access = await this.deps.access.member(principal, workspaceId);
    if (!scopesAllow(principal.kind === 'token' ? principal.scopes : undefined, 'ai_key.read')) {
      throw Errors.forbidden('This API token lacks the ai_keys:read scope');
    }
    // Roles that read every key see them all; anyone else sees the keys their grants allow.
    const allowed = await this.deps.access.allowedIds(access, 'ai_key.read', 'ai_key');
    const ids = allowed === 'all' ? undefined : allowed;
    const rows = await this.deps.repo.list(workspaceId, { ...filter, ids });
    const now = Date.now();
    const usage = await this.usageOf(workspaceId, rows, now);
    return rows.map((row) => presentAiKey(row, usage.get(row.id), now));
  }

  async get(principal: Principal, id: string) {
    const { workspaceId } = await locateKey(this.deps, principal, id, 'ai_key.read');
    const row = await this.deps.repo.find(workspaceId, id);
    if (!row) throw keyNotFound();
    const now = Date.now();
    return presentAiKey(row, (await this.usageOf(workspaceId, [row], now)).get(id), now);
  }

  async update(principal: Principal, id: string, patch: UpdateAiKeyInput, ctx: AuditContext) {
    const { workspaceId } = await locateKey(this.deps, principal, id, 'ai_key.write');
    const current = await this.deps.repo.find(workspaceId, id);
    if (!current) throw keyNotFound();
    const info = providerInfo(current.provider);

    // Validate everything (DNS included) before opening the transaction.
    const endpointUrl = patch.endpoint_url === undefined ? current.endpoint_url : await checkEndpoint(this.deps.outbound, info, patch.endpoint_url);
    const deploymentName = patch.deployment_name === undefined ? current.deployment_name : checkDeployment(info, patch.deployment_name);
    if (endpointUrl !== current.endpoint_url && current.encrypted_key && !patch.api_key) {
      // Otherwise whoever may edit a key could send it to a server of their choosing without ever knowing it.
      throw field('api_key', 'is required to change endpoint_url: a stored key is never sent to a new destination unless it is entered again');
    }

    const now = Date.now();
    const after = await this.deps.db
      .transaction()
      .execute((trx) => this.applyUpdate(trx, { workspaceId, id, patch: { ...patch, endpoint_url: endpointUrl, deployment_name: deploymentName }, ctx, now }))
      .catch(mapConflicts);
    this.keys.invalidateWorkspace(workspaceId);
    return this.present(workspaceId, after, now);
  }

  /** Writes a checked patch (endpoint and deployment already validated) and audits what changed. */
  private async applyUpdate(
    trx: Transaction<DB>,
    { workspaceId, id, patch, ctx, now }: { workspaceId: string; id: string; patch: UpdateAiKeyInput & { endpoint_url: string | null; deployment_name: string | null }; ctx: AuditContext; now: number },
  ): Promise<AiKeysTable> {
    const repo = this.deps.repo.with(trx);
    const before = await repo.find(workspaceId, id);
    if (!before) throw keyNotFound();
    const set: Partial<AiKeysTable> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const change = <K extends keyof AiKeysTable>(column: K, value: AiKeysTable[K], name: string = column) => {
      if (value === before[column]) return;
      set[column] = value;
      changes[name] = { from: before[column], to: value };
    };
    if (patch.key_name !== undefined) change('key_name', patch.key_name.trim());
    change('endpoint_url', patch.endpoint_url);
    change('deployment_name', patch.deployment_name);
    if (patch.model_preferences !== undefined) change('model_preferences', toJson(patch.model_preferences ?? {}));
    if (patch.is_active !== undefined) change('is_active', patch.is_active ? 1 : 0);
    if (patch.usage_limit !== undefined) change('usage_limit', patch.usage_limit);
    if (patch.cost_limit !== undefined) change('cost_limit_micros', usdToMicros(patch.cost_limit), 'cost_limit_micros');
    if (patch.rate_limit_rpm !== undefined) change('rate_limit_rpm', patch.rate_limit_rpm);
    if (patch.rate_limit_tpm !== undefined) change('rate_limit_tpm', patch.rate_limit_tpm);
    if (patch.rotate_after_days !== undefined && patch.rotate_after_days !== before.rotate_after_days) {
      change('rotate_after_days', patch.rotate_after_days);
      set.rotation_due_notified_at = null; // a new policy gets its own reminder
    }
    if (patch.is_default !== undefined) {
      if (patch.is_default && !before.is_default) await repo.clearDefault(workspaceId, before.provider, id);
      change('is_default', patch.is_default ? 1 : 0);
    }
    const rotated = patch.api_key !== undefined ? await this.rotation.replaceKey(repo, before, patch.api_key, 0, set, now) : undefined;
    if (Object.keys(set).length === 0) return before;
    set.updated_at = now;
    await repo.update(workspaceId, id, set);
    const resource = { type: 'ai_key', id, name: set.key_name ?? before.key_name };
    if (Object.keys(changes).length > 0) {
      await this.deps.audit.record(trx, ctx, { workspaceId, action: 'ai_key.updated', resource, details: { changes } });
    }
    if (rotated) await this.deps.audit.record(trx, ctx, { workspaceId, action: 'ai_key.rotated', resource, details: rotated });
    return { ...before, ...set };
  }

  async delete(principal: Principal, id: string, ctx: AuditContext): Promise<void> {
    const { workspaceId } = await locateKey(this.deps, principal, id, 'ai_key.delete');
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = this.deps.repo.with(trx);
      const row = await repo.find(workspaceId, id);
      if (!row) throw keyNotFound();
      await repo.delete(workspaceId, id);
      // Grants must not outlive the key (nor apply to a future key with the same id).
      await this.deps.access.forgetResource(trx, workspaceId, { type: 'ai_key', id });
      await this.deps.audit.record(trx, ctx, {
        workspaceId,
        action: 'ai_key.deleted',
        resource: { type: 'ai_key', id, name: row.key_name },
        details: { provider: row.provider, key_preview: row.key_preview },
      });
    });
    this.keys.invalidateWorkspace(workspaceId);
  }

  /** See `KeyTesting.test`. */
  test(principal: Principal, id: string): Promise<KeyTestResult> {
    return this.testing.test(principal, id);
  }

  /** See `KeyRotation.rotate`. */
  async rotate(principal: Principal, id: string, input: RotateAiKeyInput, ctx: AuditContext) {
    const now = Date.now();
    const after = await this.rotation.rotate(principal, id, input, ctx, now);
    this.keys.invalidateWorkspace(after.workspace_id);
    return this.present(after.workspace_id, after, now);
  }

  // — the key store (for the gateway; see key-store.ts) —

  resolveForUse(workspaceId: string, by: { keyId?: string; provider?: string }): Promise<ResolvedKey> {
    return this.keys.resolve(workspaceId, by);
  }

  async summaries(workspaceId: string): Promise<AiKeySummary[]> {
    const rows = await this.deps.repo.list(workspaceId);
    return rows.map((r) => ({ id: r.id, provider: r.provider, isActive: r.is_active === 1, deploymentName: r.deployment_name, createdAt: r.created_at }));
  }

  async authorizeRead(principal: Principal, keyId: string): Promise<string> {
    return (await locateKey(this.deps, principal, keyId, 'ai_key.read')).workspaceId;
  }

  setUsageReader(reader: UsageReader): void {
    this.usage = reader;
  }

  /** Drops every cached key (e.g. after a master key rotation in this process). */
  clearCache(): void {
    this.keys.clear();
  }

  // — rotation reminders (run with the server) —

  startRotationChecks(options?: Parameters<KeyRotation['start']>[0]): void {
    this.rotation.start(options);
  }

  get rotationChecksActive(): boolean {
    return this.rotation.active;
  }

  stopRotationChecks(): Promise<void> {
    return this.rotation.stop();
  }

  checkRotations(now?: number): Promise<{ due: number; purged: number }> {
    return this.rotation.checkRotations(now);
  }

  // — helpers —

  private async present(workspaceId: string, row: AiKeysTable, now: number) {
    return presentAiKey(row, (await this.usageOf(workspaceId, [row], now)).get(row.id), now);
  }

  private async usageOf(workspaceId: string, rows: AiKeysTable[], now: number): Promise<Map<string, KeyUsageTotals>> {
    if (!this.usage || rows.length === 0) return new Map();
    return this.usage.monthToDate(workspaceId, rows.map((r) => r.id), monthStart(now));
  }
}
