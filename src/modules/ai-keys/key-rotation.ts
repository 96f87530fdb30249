import { AppError } from '../../core/errors.js';
import { SYSTEM_CONTEXT, type AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import { keyNotFound, locateKey, mapConflicts, refuseDuplicate } from './ai-keys.checks.js';
import { fingerprint, fingerprintCandidates, keyAad, keyPreview, previousKeyAad } from './ai-keys.crypto.js';
import type { AiKeysDeps } from './ai-keys.deps.js';
import type { AiKeysRepository } from './ai-keys.repository.js';
import type { RotateAiKeyInput } from './ai-keys.schemas.js';
import type { AiKeysTable } from './ai-keys.tables.js';

type RotationDeps = Pick<AiKeysDeps, 'db' | 'repo' | 'access' | 'audit' | 'keyring'>;

/** Replacing a stored key (with an optional grace period) and the rotation-due reminders. */
export class KeyRotation {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly deps: RotationDeps) {}

  /**
   * Replaces the key: the new one serves every new request at once; id,
   * limits and usage history stay. With a grace period the old key is kept
   * (encrypted, under its own AAD) as a fallback until it expires.
   * Returns the row as stored; the caller drops cached keys and presents it.
   */
  async rotate(principal: Principal, id: string, input: RotateAiKeyInput, ctx: AuditContext, now: number): Promise<AiKeysTable> {
    const { workspaceId } = await locateKey(this.deps, principal, id, 'ai_key.write');
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const repo = this.deps.repo.with(trx);
        const before = await repo.find(workspaceId, id);
        if (!before) throw keyNotFound();
        const set: Partial<AiKeysTable> = { updated_at: now };
        const details = await this.replaceKey(repo, before, input.api_key, input.grace_period_seconds ?? 0, set, now);
        await repo.update(workspaceId, id, set);
        await this.deps.audit.record(trx, ctx, { workspaceId, action: 'ai_key.rotated', resource: { type: 'ai_key', id, name: before.key_name }, details });
        return { ...before, ...set };
      })
      .catch(mapConflicts);
  }

  /** Fills `set` with a new key (and the previous one during a grace period); returns the audit details. */
  async replaceKey(repo: AiKeysRepository, before: AiKeysTable, apiKey: string, graceSeconds: number, set: Partial<AiKeysTable>, now: number) {
    const { keyring } = this.deps;
    const candidates = fingerprintCandidates(keyring, apiKey);
    if (before.key_fingerprint && candidates.includes(before.key_fingerprint)) {
      throw new AppError('same_key', 'The new key is the key already stored', { field: 'api_key' });
    }
    await refuseDuplicate(repo, keyring, before.workspace_id, apiKey, before.id);
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
        if (await this.remind(row, now)) due += 1;
      }
      if (rows.length < 100) break;
    }
    const purged = await this.deps.repo.purgeExpiredPreviousKeys(now);
    return { due, purged };
  }

  /** Claims the reminder of one key (another process may have) and records it; false when already claimed. */
  private remind(row: AiKeysTable, now: number): Promise<boolean> {
    return this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.deps.repo.with(trx).claimRotationDue(row.workspace_id, row.id, row.last_rotated_at, now))) return false;
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
      return true;
    });
  }

  /** Runs `checkRotations` periodically (first soon after start); `stop` ends it and waits for a run in progress. */
  start(options: { intervalMs?: number; firstDelayMs?: number; onError?: (error: unknown) => void } = {}): void {
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

  get active(): boolean {
    return this.timer !== undefined;
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
