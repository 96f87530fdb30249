import type { Db, Executor } from '../../core/db/database.js';
import { fromJson, toJson } from '../../core/db/json.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { canonical } from './canonical.js';
import { EventsRepository } from './events.repository.js';
import type { EventsTable } from './events.tables.js';
import { GroupCommit, TransactionScope } from './group-commit.js';

export { TransactionScope } from './group-commit.js';

export interface PublishedEvent {
  id: string;
  workspaceId: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: number;
}

export interface EventInput {
  workspaceId: string;
  type: string;
  data: Record<string, unknown>;
  idempotencyKey?: string;
  /** Defaults to now. */
  createdAt?: number;
}

/** An event as stored, and how many items (e.g. webhook deliveries) the fan-out handlers queued for it. */
export interface Published {
  event: EventsTable;
  queued: number;
}

export interface PublishResult extends Published {
  /** The Idempotency-Key was seen before with this same event: the first result, nothing published. */
  replayed: boolean;
}

/**
 * Runs inside the publishing transaction, e.g. to queue webhook deliveries,
 * and returns how many items it queued. `scope` is shared with the other
 * events published in the same transaction.
 */
export type FanOut = (trx: Executor, event: PublishedEvent, scope: TransactionScope) => Promise<number | void>;

/** How many items a fan-out queued for an event published earlier (reported on an idempotent replay). */
export type QueuedCount = (workspaceId: string, eventId: string) => Promise<number>;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The transactional outbox. `publish` is called with the transaction of the
 * change that caused the event, so the event exists if and only if the
 * change committed; fan-out handlers write their rows in that same
 * transaction. `publishNow` publishes an event on its own (an application
 * event): concurrent ones share a transaction (group commit), and an
 * Idempotency-Key makes a repeated request return the first result.
 */
export class EventBus {
  private readonly fanOuts: FanOut[] = [];
  private readonly counters: QueuedCount[] = [];
  private readonly repo: EventsRepository;
  private readonly group: GroupCommit<EventInput, Published>;

  constructor(db: Db) {
    this.repo = new EventsRepository(db);
    this.group = new GroupCommit(db, (trx, input, scope) => this.publishIn(trx, input, scope));
  }

  /** Registers a fan-out; `countQueued` reports what it queued for an event when that event is replayed. */
  onPublish(handler: FanOut, countQueued?: QueuedCount): void {
    this.fanOuts.push(handler);
    if (countQueued) this.counters.push(countQueued);
  }

  /** Publishes in the caller's transaction; returns the event and what the fan-out queued for it. */
  publish(trx: Executor, input: EventInput): Promise<Published> {
    return this.publishIn(trx, input, new TransactionScope());
  }

  /** Stores an event without fanning it out (e.g. a webhook test, sent to one endpoint only). */
  async record(trx: Executor, input: EventInput): Promise<EventsTable> {
    const row = eventRow(input);
    await this.repo.with(trx).insert(row);
    return row;
  }

  /**
   * Publishes in a transaction of its own, shared with events published at
   * the same time. With an Idempotency-Key, a repeated request returns the
   * first result instead of publishing twice, even when two arrive at once
   * (the unique index decides); the same key with a different event is a
   * conflict.
   */
  async publishNow(input: EventInput): Promise<PublishResult> {
    const first = await this.replay(input);
    if (first) return first;
    try {
      return { ...(await this.group.submit(input)), replayed: false };
    } catch (error) {
      if (isUniqueViolation(error)) {
        const raced = await this.replay(input);
        if (raced) return raced;
      }
      throw error;
    }
  }

  private async publishIn(trx: Executor, input: EventInput, scope: TransactionScope): Promise<Published> {
    const row = await this.record(trx, input);
    const event: PublishedEvent = { id: row.id, workspaceId: row.workspace_id, type: row.type, data: input.data, createdAt: row.created_at };
    let queued = 0;
    for (const fanOut of this.fanOuts) queued += (await fanOut(trx, event, scope)) ?? 0;
    return { event: row, queued };
  }

  private async replay(input: EventInput): Promise<PublishResult | undefined> {
    if (!input.idempotencyKey) return undefined;
    const existing = await this.repo.findByIdempotencyKey(input.workspaceId, input.idempotencyKey);
    if (!existing) return undefined;
    if (existing.type !== input.type || canonical(fromJson(existing.payload, null)) !== canonical(input.data)) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different event', { field: 'Idempotency-Key' });
    }
    let queued = 0;
    for (const count of this.counters) queued += await count(existing.workspace_id, existing.id);
    return { event: existing, queued, replayed: true };
  }
}

function eventRow(input: EventInput): EventsTable {
  return {
    id: newId('evt'),
    workspace_id: input.workspaceId,
    type: input.type,
    payload: toJson(input.data),
    idempotency_key: input.idempotencyKey ?? null,
    created_at: input.createdAt ?? Date.now(),
  };
}
