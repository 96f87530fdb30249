import type { Executor } from '../../core/db/database.js';
import { toJson } from '../../core/db/json.js';
import { newId } from '../../core/ids.js';
import type { EventsRepository } from './events.repository.js';
import type { EventsTable } from './events.tables.js';

export interface PublishedEvent {
  id: string;
  workspaceId: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: number;
}

/** Runs inside the publishing transaction, e.g. to queue webhook deliveries. */
export type FanOut = (trx: Executor, event: PublishedEvent) => Promise<void>;

/**
 * The transactional outbox. `publish` must be called with the transaction of
 * the change that caused the event, so the event exists if and only if the
 * change committed; fan-out handlers write their rows in that same transaction.
 */
export class EventBus {
  private readonly fanOuts: FanOut[] = [];

  constructor(private readonly repo: EventsRepository) {}

  onPublish(handler: FanOut): void {
    this.fanOuts.push(handler);
  }

  async publish(
    trx: Executor,
    input: { workspaceId: string; type: string; data: Record<string, unknown>; idempotencyKey?: string },
  ): Promise<PublishedEvent> {
    const event: PublishedEvent = {
      id: newId('evt'),
      workspaceId: input.workspaceId,
      type: input.type,
      data: input.data,
      createdAt: Date.now(),
    };
    const row: EventsTable = {
      id: event.id,
      workspace_id: event.workspaceId,
      type: event.type,
      payload: toJson(event.data),
      idempotency_key: input.idempotencyKey ?? null,
      created_at: event.createdAt,
    };
    await this.repo.with(trx).insert(row);
    for (const fanOut of this.fanOuts) await fanOut(trx, event);
    return event;
  }
}
