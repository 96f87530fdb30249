import type { Executor } from '../../core/db/database.js';
import { toIso } from '../../core/time.js';
import type { AuditLog } from '../activity/audit.js';
import { SYSTEM_CONTEXT, type AuditContext } from '../identity/audit-context.js';
import { endpointName } from './message-format.js';
import type { WebhooksRepository } from './webhooks.repository.js';
import type { WebhookEndpointsTable } from './webhooks.tables.js';

export type DisableReason = 'manual' | 'gone' | 'failing';

type DisablableEndpoint = Pick<WebhookEndpointsTable, 'id' | 'workspace_id' | 'url' | 'description' | 'failing_since'>;

/** An attempt's bearing on its endpoint's health. */
export interface AttemptHealth {
  endpointId: string;
  succeeded: boolean;
  at: number;
  /** The receiver answered 410 Gone. */
  gone: boolean;
}

export interface DisabledEndpoint {
  endpointId: string;
  reason: DisableReason;
}

export function disabledMessage(reason: string | null, failingSince: number | null): string | null {
  switch (reason) {
    case 'manual':
      return 'Disabled by a workspace member';
    case 'gone':
      return 'The receiver answered 410 Gone';
    case 'failing':
      return failingSince === null ? 'Every delivery failed for too long' : `Every delivery failed since ${toIso(failingSince)}`;
    default:
      return null;
  }
}

/**
 * Endpoint health: the failing streak that attempts build or end, and
 * disabling (by a member, or automatically after a 410 Gone or after
 * failing for `disableAfterMs`) and enabling, each with its activity row.
 */
export class EndpointHealth {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly audit: AuditLog,
    private readonly disableAfterMs: number,
  ) {}

  /**
   * Disables an endpoint in the caller's transaction: its queued deliveries
   * fail (POST …/recover re-queues them once it is fixed) and a
   * `webhook.disabled` event is recorded.
   */
  async disable(trx: Executor, ctx: AuditContext, row: DisablableEndpoint, reason: DisableReason, now: number): Promise<void> {
    const repo = this.repo.with(trx);
    await repo.updateEndpoint(row.workspace_id, row.id, { is_active: 0, disabled_reason: reason, disabled_at: now, updated_at: now });
    const failed = await repo.failQueued(row.workspace_id, row.id, 'endpoint_disabled', now);
    await this.audit.record(trx, ctx, {
      workspaceId: row.workspace_id,
      action: 'webhook.disabled',
      resource: { type: 'webhook', id: row.id, name: endpointName(row) },
      details: {
        reason,
        message: disabledMessage(reason, row.failing_since),
        failing_since: row.failing_since === null ? null : toIso(row.failing_since),
        queued_deliveries_failed: failed,
      },
    });
  }

  async enable(trx: Executor, ctx: AuditContext, row: WebhookEndpointsTable, now: number): Promise<void> {
    await this.repo.with(trx).updateEndpoint(row.workspace_id, row.id, {
      is_active: 1, disabled_reason: null, disabled_at: null, failing_since: null, consecutive_failures: 0, updated_at: now,
    });
    await this.audit.record(trx, ctx, {
      workspaceId: row.workspace_id,
      action: 'webhook.enabled',
      resource: { type: 'webhook', id: row.id, name: endpointName(row) },
    });
  }

  /**
   * Applies a batch of attempts to their endpoints in the caller's
   * transaction: any success ends the failing streak, otherwise the streak
   * grows; an endpoint that answered 410 or has failed for too long is
   * disabled. Returns the endpoints disabled.
   */
  async record(trx: Executor, attempts: AttemptHealth[], now: number): Promise<DisabledEndpoint[]> {
    const byEndpoint = new Map<string, { ok: boolean; failures: number; firstFailureAt: number; gone: boolean }>();
    for (const a of attempts) {
      const h = byEndpoint.get(a.endpointId) ?? { ok: false, failures: 0, firstFailureAt: Infinity, gone: false };
      if (a.succeeded) h.ok = true;
      else {
        h.failures += 1;
        h.firstFailureAt = Math.min(h.firstFailureAt, a.at);
      }
      h.gone ||= a.gone;
      byEndpoint.set(a.endpointId, h);
    }
    const repo = this.repo.with(trx);
    // Endpoint rows are locked in id order, so two workers writing at once cannot deadlock on them.
    const ordered = [...byEndpoint].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await repo.markEndpointsHealthy(ordered.filter(([, h]) => h.ok && !h.gone).map(([id]) => id), now);
    const disabled: DisabledEndpoint[] = [];
    for (const [endpointId, h] of ordered) {
      if (h.ok && !h.gone) continue;
      const state = await repo.markEndpointFailing(endpointId, h.failures, h.firstFailureAt, now);
      if (!state || state.is_active !== 1) continue;
      const reason = h.gone ? 'gone' : state.failing_since !== null && now - state.failing_since >= this.disableAfterMs ? 'failing' : null;
      if (!reason) continue;
      await this.disable(trx, SYSTEM_CONTEXT, state, reason, now);
      disabled.push({ endpointId, reason });
    }
    return disabled;
  }
}

/**
 * Endpoints that answered 410 Gone to this worker, with the config version
 * they answered under: nothing more is sent to them until their
 * configuration changes (a re-enabled endpoint is sent to again). Bounded.
 */
export class GoneMarks {
  private readonly marks = new Map<string, number>();

  mark(endpointId: string, version: number | undefined): void {
    if (this.marks.size > 10_000) this.marks.clear();
    this.marks.set(endpointId, version ?? Number.MAX_SAFE_INTEGER);
  }

  /** Whether to refuse sending under `version`; a mark left behind by a newer version is dropped. */
  refuses(endpointId: string, version: number): boolean {
    const goneAt = this.marks.get(endpointId);
    if (goneAt === undefined) return false;
    if (goneAt >= version) return true;
    this.marks.delete(endpointId);
    return false;
  }
}
