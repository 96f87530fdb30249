import type { Dispatcher } from 'undici';
import type { Db } from '../../core/db/database.js';
import { toJson } from '../../core/db/json.js';
import { AppError, Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Keyring } from '../../core/keyring.js';
import { isRateLimited, type RateLimiter, type RateLimiters } from '../../core/rate-limit.js';
import type { AuditLog } from '../activity/audit.js';
import { SYSTEM_CONTEXT, type AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import type { KeyTestResult, ProviderKey } from '../ai-gateway/providers/index.js';
import type { Access, WorkspaceAccess } from '../workspaces/access.js';
import type { Action } from '../policy/policy.js';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository.js';
import { fingerprint, fingerprintCandidates, keyAad, keyPreview, previousKeyAad } from './ai-keys.crypto.js';
import { NO_USAGE, presentAiKey, type KeyUsageTotals } from './ai-keys.presenters.js';
import type { AiKeyFilter, AiKeysRepository } from './ai-keys.repository.js';
import type { CreateAiKeyInput, RotateAiKeyInput, UpdateAiKeyInput } from './ai-keys.schemas.js';
import type { AiKeysTable } from './ai-keys.tables.js';
import { KeyCache } from './key-cache.js';
import { providerInfo, type ProviderId, type ProviderInfo } from './providers.js';

/**
 * Contract with the gateway (src/modules/ai-gateway):
 *
 * `aiKeys.resolveForUse(workspaceId, { keyId?, provider? })` returns the key
 * to call a provider with — by id (the `x-atrium-key-id` header) or the
 * workspace's default key for `provider` — decrypted, with its limits. It
 * throws AppError 404 `not_found` (no such key in this workspace) or
 * `no_default_key`. It does NOT check access or `is_active`: the gateway
 * checks `access.require(principal, workspaceId, 'ai.use', { type: 'ai_key', id })`
 * and refuses inactive keys itself. Results are cached in this process for
 * `cacheTtlMs` (default 5 s), dropped at once by any change made through
 * this service; treat them as read-only. `apiKey` is '' for a custom server
 * stored without a key (send no auth header then). `previousApiKey` is the
 * key replaced by a rotation while its grace period lasts (a fallback for an
 * upstream 401), else null.
 *
 * The other direction: the list and get endpoints show month-to-date usage
 * through a `UsageReader` the gateway provides (`setUsageReader`).
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

/** Month-to-date totals per key, from the gateway's usage records. */
export interface UsageReader {
  monthToDate(workspaceId: string, keyIds: string[], monthStart: number): Promise<Map<string, KeyUsageTotals>>;
}

export type KeyTester = (key: ProviderKey, dispatcher: Dispatcher) => Promise<KeyTestResult>;

export interface AiKeysDeps {
  db: Db;
  repo: AiKeysRepository;
  workspacesRepo: WorkspacesRepository;
  access: WorkspaceAccess;
  audit: AuditLog;
  keyring: Keyring;
  limiters: RateLimiters;
  /** The SSRF guard: endpoint_url is checked on save, and key tests connect through its dispatcher. */
  outbound: { assertAllowed(url: string, field?: string): Promise<void>; dispatcher: Dispatcher };
  testKey: KeyTester;
  usage?: UsageReader;
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  /** Key tests per key per minute (each one is a real call to the provider). */
  testsPerMinute?: number;
}

type CachedKey = Omit<ResolvedKey, 'previousApiKey'> & { previous: { apiKey: string; expiresAt: number } | null };

const field = (name: string, message: string) => Errors.validation(`${name} ${message}`, [{ field: name, location: 'body', message }]);
const keyNotFound = () => Errors.notFound('AI key');
const monthStart = (now: number) => {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const usdToMicros = (usd: number | null | undefined) => (usd == null ? null : Math.round(usd * 1_000_000));

/** Which unique index a failed insert/update hit, on either engine. */
function uniqueViolation(error: unknown): 'fingerprint' | 'default' | undefined {
  const e = error as { code?: string; constraint?: string; message?: string };
  const text = `${e?.constraint ?? ''} ${e?.message ?? ''}`;
  if (e?.code !== '23505' && e?.code !== 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
  if (/fingerprint/.test(text)) return 'fingerprint';
  if (/one_default|ai_keys\.provider/.test(text)) return 'default';
  return undefined;
}

function mapConflicts(error: unknown): never {
  const which = uniqueViolation(error);
  if (which === 'fingerprint') throw duplicateKey();
  if (which === 'default') throw Errors.conflict('default_conflict', 'Another key of this provider was made default at the same time; try again');
  throw error;
}

const duplicateKey = (existing?: { id: string; key_name: string }) =>
  Errors.conflict(
    'duplicate_key',
    existing ? `This key is already stored in this workspace as "${existing.key_name}"` : 'This key is already stored in this workspace',
    { field: 'api_key', ...(existing ? { existing_key_id: existing.id } : {}) },
  );

export class AiKeysService {
  private readonly cache: KeyCache<CachedKey>;
  private readonly testLimiter: RateLimiter;
  private usage: UsageReader | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly deps: AiKeysDeps) {
    this.cache = new KeyCache(deps.cacheTtlMs ?? 5_000, deps.cacheMaxEntries ?? 1_000);
    this.testLimiter = deps.limiters.limiter({ keyPrefix: 'ai-key-test', points: deps.testsPerMinute ?? 10, duration: 60 });
    this.usage = deps.usage;
  }

  /** The gateway plugs its usage records in here (month-to-date totals in lists). */
  setUsageReader(reader: UsageReader): void {
    this.usage = reader;
  }

  // — endpoints —

  async create(principal: Principal, input: CreateAiKeyInput, ctx: AuditContext) {
    const workspaceId = input.workspace_id;
    const access = await this.deps.access.require(principal, workspaceId, 'ai_key.create');
    const info = providerInfo(input.provider);
    const apiKey = input.api_key;
    // Self-hosted servers (Ollama, LM Studio, vLLM without --api-key) need no key.
    if (!apiKey && info.id !== 'custom') throw field('api_key', 'is required');
    const endpointUrl = await this.checkEndpoint(info, input.endpoint_url ?? null);
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
        if (apiKey) await this.refuseDuplicate(repo, workspaceId, apiKey);
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
    this.cache.invalidateWorkspace(workspaceId);
    return presentAiKey(row, NO_USAGE, now);
  }

  async list(principal: Principal, workspaceId: string, filter: Pick<AiKeyFilter, 'provider' | 'isActive'>) {
    const access = await this.deps.access.member(principal, workspaceId);
    if (principal.kind === 'token' && !principal.scopes.includes('ai_keys:read')) throw Errors.forbidden('This API token lacks the ai_keys:read scope');
    // Roles that read every key see them all; anyone else sees the keys granted to them.
    const ids = (await this.deps.access.allows(access, 'ai_key.read'))
      ? undefined
      : await this.deps.workspacesRepo.grantedResourceIds(workspaceId, 'ai_key', access.userId);
    const rows = await this.deps.repo.list(workspaceId, { ...filter, ids });
    const now = Date.now();
    const usage = await this.usageOf(workspaceId, rows, now);
    return rows.map((row) => presentAiKey(row, usage.get(row.id), now));
  }

  async get(principal: Principal, id: string) {
    const { workspaceId } = await this.locate(principal, id, 'ai_key.read');
    const row = await this.deps.repo.find(workspaceId, id);
    if (!row) throw keyNotFound();
    const now = Date.now();
    return presentAiKey(row, (await this.usageOf(workspaceId, [row], now)).get(id), now);
  }

  async update(principal: Principal, id: string, patch: UpdateAiKeyInput, ctx: AuditContext) {
    const { workspaceId } = await this.locate(principal, id, 'ai_key.write');
    const current = await this.deps.repo.find(workspaceId, id);
    if (!current) throw keyNotFound();
    const info = providerInfo(current.provider);

    // Validate everything (DNS included) before opening the transaction.
    const endpointUrl = patch.endpoint_url === undefined ? current.endpoint_url : await this.checkEndpoint(info, patch.endpoint_url);
    const deploymentName = patch.deployment_name === undefined ? current.deployment_name : checkDeployment(info, patch.deployment_name);
    if (endpointUrl !== current.endpoint_url && current.encrypted_key && !patch.api_key) {
      // Otherwise whoever may edit a key could send it to a server of their choosing without ever knowing it.
      throw field('api_key', 'is required to change endpoint_url: a stored key is never sent to a new destination unless it is entered again');
    }

    const now = Date.now();
    const after = await this.deps.db
      .transaction()
      .execute(async (trx) => {
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
        change('endpoint_url', endpointUrl);
        change('deployment_name', deploymentName);
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
        let rotated: Record<string, unknown> | undefined;
        if (patch.api_key !== undefined) {
          rotated = await this.replaceKey(repo, before, patch.api_key, 0, set, now);
        }
        if (Object.keys(set).length === 0) return before;
        set.updated_at = now;
        await repo.update(workspaceId, id, set);
        const name = set.key_name ?? before.key_name;
        if (Object.keys(changes).length > 0) {
          await this.deps.audit.record(trx, ctx, {
            workspaceId,
            action: 'ai_key.updated',
            resource: { type: 'ai_key', id, name },
            details: { changes },
          });
        }
        if (rotated) {
          await this.deps.audit.record(trx, ctx, { workspaceId, action: 'ai_key.rotated', resource: { type: 'ai_key', id, name }, details: rotated });
        }
        return { ...before, ...set } as AiKeysTable;
      })
      .catch(mapConflicts);
    this.cache.invalidateWorkspace(workspaceId);
    return presentAiKey(after, (await this.usageOf(workspaceId, [after], now)).get(id), now);
  }

  async delete(principal: Principal, id: string, ctx: AuditContext): Promise<void> {
    const { workspaceId } = await this.locate(principal, id, 'ai_key.delete');
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = this.deps.repo.with(trx);
      const row = await repo.find(workspaceId, id);
      if (!row) throw keyNotFound();
      await repo.delete(workspaceId, id);
      // Grants must not outlive the key (nor apply to a future key with the same id).
      await this.deps.workspacesRepo.with(trx).deleteGrantsForResource(workspaceId, 'ai_key', id);
      await this.deps.audit.record(trx, ctx, {
        workspaceId,
        action: 'ai_key.deleted',
        resource: { type: 'ai_key', id, name: row.key_name },
        details: { provider: row.provider, key_preview: row.key_preview },
      });
    });
    this.cache.invalidateWorkspace(workspaceId);
  }

  /** A minimal real call to the provider with the stored key (see testProviderKey). */
  async test(principal: Principal, id: string): Promise<KeyTestResult> {
    const { workspaceId } = await this.locate(principal, id, 'ai_key.read');
    const row = await this.deps.repo.find(workspaceId, id);
    if (!row) throw keyNotFound();
    try {
      await this.testLimiter.consume(id);
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw Errors.tooManyRequests(`Too many tests of this key; try again in ${seconds} s`, seconds);
    }
    const apiKey = row.encrypted_key ? this.deps.keyring.decrypt(row.encrypted_key, keyAad(id)) : '';
    const result = await this.deps.testKey(
      { provider: row.provider, apiKey, endpointUrl: row.endpoint_url, deploymentName: row.deployment_name },
      this.deps.outbound.dispatcher,
    );
    // Defence in depth: whatever the provider echoed, the key never leaves in a message.
    const message = apiKey.length >= 4 ? result.message.split(apiKey).join('[redacted]') : result.message;
    const now = Date.now();
    await this.deps.repo.update(workspaceId, id, { last_tested_at: now, last_test_status: result.status });
    return { ...result, message };
  }

  /**
   * Replaces the key: the new one serves every new request at once; id,
   * limits and usage history stay. With a grace period the old key is kept
   * (encrypted, under its own AAD) as a fallback until it expires.
   */
  async rotate(principal: Principal, id: string, input: RotateAiKeyInput, ctx: AuditContext) {
    const { workspaceId } = await this.locate(principal, id, 'ai_key.write');
    const now = Date.now();
    const after = await this.deps.db
      .transaction()
      .execute(async (trx) => {
        const repo = this.deps.repo.with(trx);
        const before = await repo.find(workspaceId, id);
        if (!before) throw keyNotFound();
        const set: Partial<AiKeysTable> = { updated_at: now };
        const details = await this.replaceKey(repo, before, input.api_key, input.grace_period_seconds ?? 0, set, now);
        await repo.update(workspaceId, id, set);
        await this.deps.audit.record(trx, ctx, { workspaceId, action: 'ai_key.rotated', resource: { type: 'ai_key', id, name: before.key_name }, details });
        return { ...before, ...set } as AiKeysTable;
      })
      .catch(mapConflicts);
    this.cache.invalidateWorkspace(workspaceId);
    return presentAiKey(after, (await this.usageOf(workspaceId, [after], now)).get(id), now);
  }

  // — for the gateway —

  /** See the contract at the top of this file. */
  async resolveForUse(workspaceId: string, by: { keyId?: string; provider?: string }): Promise<ResolvedKey> {
    if (!by.keyId && !by.provider) throw new Error('resolveForUse needs a keyId or a provider');
    const cacheKey = by.keyId ? `id:${workspaceId}:${by.keyId}` : `default:${workspaceId}:${by.provider}`;
    const now = Date.now();
    let cached = this.cache.get(cacheKey, now);
    if (!cached) {
      const row = by.keyId ? await this.deps.repo.find(workspaceId, by.keyId) : await this.deps.repo.findDefault(workspaceId, by.provider!);
      if (!row) {
        if (by.keyId) throw keyNotFound();
        throw new AppError('no_default_key', 404, `This workspace has no default ${by.provider} key; add one or mark one as default`);
      }
      cached = this.decryptRow(row, now);
      this.cache.set(cacheKey, cached, now);
    }
    const { previous, ...key } = cached;
    return { ...key, previousApiKey: previous && previous.expiresAt > now ? previous.apiKey : null };
  }

  /** Drops every cached key (e.g. after a master key rotation in this process). */
  clearCache(): void {
    this.cache.clear();
  }

  // — rotation policy —

  /**
   * Raises `ai_key.rotation_due` once per key and rotation for keys older
   * than their `rotate_after_days`, and forgets previous keys whose grace
   * period is over. Safe to run in several processes at once.
   */
  async checkRotations(now = Date.now()): Promise<{ due: number; purged: number }> {
    let due = 0;
    for (;;) {
      const rows = await this.deps.repo.findRotationDue(now, 100);
      for (const row of rows) {
        await this.deps.db.transaction().execute(async (trx) => {
          if (!(await this.deps.repo.with(trx).claimRotationDue(row.workspace_id, row.id, row.last_rotated_at, now))) return;
          due += 1;
          await this.deps.audit.record(trx, SYSTEM_CONTEXT, {
            workspaceId: row.workspace_id,
            action: 'ai_key.rotation_due',
            resource: { type: 'ai_key', id: row.id, name: row.key_name },
            details: {
              provider: row.provider,
              key_preview: row.key_preview,
              rotate_after_days: row.rotate_after_days,
              last_rotated_at: new Date(row.last_rotated_at).toISOString(),
            },
          });
        });
      }
      if (rows.length < 100) break;
    }
    const purged = await this.deps.repo.purgeExpiredPreviousKeys(now);
    return { due, purged };
  }

  /** Runs `checkRotations` periodically (first soon after start); `stop` ends it and waits for a run in progress. */
  startRotationChecks(options: { intervalMs?: number; firstDelayMs?: number; onError?: (error: unknown) => void } = {}): void {
    if (this.timer) return;
    const run = () => {
      if (this.running) return;
      this.running = this.checkRotations()
        .catch((error) => options.onError?.(error))
        .finally(() => (this.running = undefined));
    };
    const interval = options.intervalMs ?? 3_600_000;
    this.timer = setTimeout(() => {
      run();
      this.timer = setInterval(run, interval);
      this.timer.unref();
    }, options.firstDelayMs ?? 30_000);
    this.timer.unref();
  }

  get rotationChecksActive(): boolean {
    return this.timer !== undefined;
  }

  async stopRotationChecks(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  // — helpers —

  /** Loads a key's workspace and checks access there; another workspace's key is a 404. */
  private async locate(principal: Principal, id: string, action: Action): Promise<{ workspaceId: string; access: Access }> {
    const workspaceId = await this.deps.repo.locate(id);
    if (!workspaceId) throw keyNotFound();
    try {
      return { workspaceId, access: await this.deps.access.require(principal, workspaceId, action, { type: 'ai_key', id }) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') throw keyNotFound();
      throw error;
    }
  }

  private async refuseDuplicate(repo: AiKeysRepository, workspaceId: string, apiKey: string, exceptId?: string): Promise<void> {
    const existing = await repo.findByFingerprint(workspaceId, fingerprintCandidates(this.deps.keyring, apiKey), exceptId);
    if (existing) throw duplicateKey(existing);
  }

  /** Fills `set` with a new key (and the previous one during a grace period); returns the audit details. */
  private async replaceKey(repo: AiKeysRepository, before: AiKeysTable, apiKey: string, graceSeconds: number, set: Partial<AiKeysTable>, now: number) {
    const { keyring } = this.deps;
    const candidates = fingerprintCandidates(keyring, apiKey);
    if (before.key_fingerprint && candidates.includes(before.key_fingerprint)) {
      throw Errors.conflict('same_key', 'The new key is the key already stored', { field: 'api_key' });
    }
    await this.refuseDuplicate(repo, before.workspace_id, apiKey, before.id);
    const keepPrevious = graceSeconds > 0 && before.encrypted_key !== null;
    Object.assign(set, {
      encrypted_key: keyring.encrypt(apiKey, keyAad(before.id)),
      key_fingerprint: fingerprint(keyring, apiKey),
      key_preview: keyPreview(apiKey),
      last_rotated_at: now,
      rotation_due_notified_at: null,
      // Re-sealed under the previous-key AAD: the blob cannot be swapped back into the current-key column.
      previous_encrypted_key: keepPrevious ? keyring.encrypt(keyring.decrypt(before.encrypted_key!, keyAad(before.id)), previousKeyAad(before.id)) : null,
      previous_key_preview: keepPrevious ? before.key_preview : null,
      previous_key_expires_at: keepPrevious ? now + graceSeconds * 1000 : null,
    } satisfies Partial<AiKeysTable>);
    return {
      provider: before.provider,
      previous_key_preview: before.key_preview,
      key_preview: set.key_preview,
      grace_period_seconds: keepPrevious ? graceSeconds : 0,
      previous_key_expires_at: keepPrevious ? new Date(set.previous_key_expires_at!).toISOString() : null,
    };
  }

  private decryptRow(row: AiKeysTable, now: number): CachedKey {
    const { keyring } = this.deps;
    const previousLive = row.previous_encrypted_key && row.previous_key_expires_at != null && row.previous_key_expires_at > now;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      provider: row.provider,
      keyName: row.key_name,
      apiKey: row.encrypted_key ? keyring.decrypt(row.encrypted_key, keyAad(row.id)) : '',
      previous: previousLive
        ? { apiKey: keyring.decrypt(row.previous_encrypted_key!, previousKeyAad(row.id)), expiresAt: row.previous_key_expires_at! }
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

  private async usageOf(workspaceId: string, rows: AiKeysTable[], now: number): Promise<Map<string, KeyUsageTotals>> {
    if (!this.usage || rows.length === 0) return new Map();
    return this.usage.monthToDate(workspaceId, rows.map((r) => r.id), monthStart(now));
  }

  /**
   * endpoint_url: required where the provider needs one; an absolute http(s)
   * URL without credentials that the SSRF guard admits (operators widen it
   * with ATRIUM_OUTBOUND_ALLOWED_CIDRS for self-hosted models). Trailing
   * slashes are dropped so `…/v1` and `…/v1/` are the same endpoint.
   */
  private async checkEndpoint(info: ProviderInfo, value: string | null): Promise<string | null> {
    if (value == null) {
      if (info.needs_endpoint_url) throw field('endpoint_url', `is required for ${info.id}`);
      return null;
    }
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      throw field('endpoint_url', 'is not a valid absolute URL');
    }
    if (url.hash) throw field('endpoint_url', 'must not contain a fragment');
    await this.deps.outbound.assertAllowed(url.toString(), 'endpoint_url');
    url.pathname = url.pathname.replace(/\/+$/, '');
    const text = url.toString();
    return url.search ? text : text.replace(/\/+$/, '');
  }
}

function checkDeployment(info: ProviderInfo, value: string | null): string | null {
  if (value == null) {
    if (info.needs_deployment_name) throw field('deployment_name', `is required for ${info.id}`);
    return null;
  }
  if (!info.needs_deployment_name) throw field('deployment_name', `only applies to azure_openai, not ${info.id}`);
  return value;
}
