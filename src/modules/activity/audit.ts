import type { Executor } from '../../core/db/database.js';
import { toJson } from '../../core/db/json.js';
import { newId } from '../../core/ids.js';
import { toIso } from '../../core/time.js';
import type { EventBus } from '../events/event-bus.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { ActivityRepository } from './activity.repository.js';

export interface Change {
  workspaceId: string;
  /** `resource.verb`, e.g. `member.role_changed`; also the event type. */
  action: string;
  resource: { type: string; id: string | null; name?: string | null };
  details?: Record<string, unknown>;
  /** Publish as a workspace event (default). */
  emitEvent?: boolean;
}

/**
 * Records a change: one activity row and, through the outbox, one event.
 * Always call it with the transaction that makes the change, so the log and
 * the events can never disagree with the data.
 */
export class AuditLog {
  constructor(
    private readonly repo: ActivityRepository,
    private readonly events: EventBus,
  ) {}

  async record(trx: Executor, ctx: AuditContext, change: Change): Promise<void> {
    const now = Date.now();
    const details = { ...(change.details ?? {}), ...(ctx.tokenId ? { via_token: ctx.tokenId } : {}) };
    await this.repo.with(trx).insert({
      id: newId('act'),
      workspace_id: change.workspaceId,
      actor_type: ctx.actorType,
      actor_id: ctx.actorId,
      action: change.action,
      resource_type: change.resource.type,
      resource_id: change.resource.id,
      resource_name: change.resource.name ?? null,
      details: toJson(details),
      request_id: ctx.requestId,
      ip: ctx.ip,
      user_agent: ctx.userAgent,
      created_at: now,
    });
    if (change.emitEvent === false) return;
    await this.events.publish(trx, {
      workspaceId: change.workspaceId,
      type: change.action,
      data: {
        workspace_id: change.workspaceId,
        actor: { type: ctx.actorType, id: ctx.actorId },
        resource: { type: change.resource.type, id: change.resource.id, name: change.resource.name ?? null },
        ...details,
        occurred_at: toIso(now),
      },
    });
  }
}
