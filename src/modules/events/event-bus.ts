import { isUniqueViolation, type Db, type Dialect, type Executor } from '../../core/db/database.js';
import { fromJson, toJson } from '../../core/db/json.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { canonical } from './canonical.js';
import { EventsRepository } from './events.repository.js';
import type { EventsTable } from './events.tables.js';
import { GroupCommit } from './group-commit.js';

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
 * Runs inside the publishing transaction with every event that transaction
 * publishes (one, or a whole group commit), e.g. to queue webhook
 * deliveries, and returns how many items it queued for each event, in the
 * same order (nothing: none).
 */
export type FanOut = (trx: Executor, events: readonly PublishedEvent[]) => Promise<readonly number[] | void>;

/** How many items a fan-out queued for an event published earlier (reported on an idempotent replay). */
export type QueuedCount = (workspaceId: string, eventId: string) => Promise<number>;

/** Events written by one group commit at most (a group takes whole submissions, so one larger batch still goes alone). */
const MAX_GROUP_EVENTS = 500;

const keyReused = (field: string) =>
  new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different event', { field });

/** What publishing one event of an all-or-nothing list comes to, decided before writing. */
type Plan =
  | { kind: 'new'; at: number } // index among the events written
  | { kind: 'replay'; of: EventsTable } // the key was used before, with this same event
  | { kind: 'repeat'; of: number }; // the key is used earlier in the same list, with this same event

/**
 * The transactional outbox. `publish` is called with the transaction of the
 * change that caused the event, so the event exists if and only if the
 * change committed; fan-out handlers write their rows in that same
 * transaction. `publishNow` publishes an event on its own (an application
 * event) and `publishAllNow` a list of them, all or none: concurrent ones
 * share a transaction (group commit), and an Idempotency-Key makes a
 * repeated request return the first result.
 */
export class EventBus {
  private readonly fanOuts: FanOut[] = [];
  private readonly counters: QueuedCount[] = [];
  private readonly repo: EventsRepository;
  /** Each submission is a list of events committed together (one for publishNow). */
  private readonly group: GroupCommit<EventInput[], Published[]>;

  constructor(db: Db, dialect: Dialect) {
    this.repo = new EventsRepository(db, dialect);
    this.group = new GroupCommit(db, (trx, lists) => this.writeGroup(trx, lists), {
      maxWeight: MAX_GROUP_EVENTS,
      weight: (list) => list.length,
    });
  }

  /** Registers a fan-out; `countQueued` reports what it queued for an event when that event is replayed. */
  onPublish(handler: FanOut, countQueued?: QueuedCount): void {
    this.fanOuts.push(handler);
    if (countQueued) this.counters.push(countQueued);
  }

  /** Publishes in the caller's transaction; returns the event and what the fan-out queued for it. */
  async publish(trx: Executor, input: EventInput): Promise<Published> {
    return (await this.publishIn(trx, [input]))[0];
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
      return { ...(await this.group.submit([input]))[0], replayed: false };
    } catch (error) {
      if (isUniqueViolation(error)) {
        const raced = await this.replay(input);
        if (raced) return raced;
      }
      throw error;
    }
  }

  /**
   * Publishes a list of events, all in one transaction or none, with one
   * result per event in order. Each Idempotency-Key behaves as with
   * publishNow, within the list too: a key used earlier in the list for the
   * same event answers that event's result, replayed. A key used for a
   * different event refuses the whole list; `keyField(i)` names the key of
   * the i-th event in that error.
   */
  async publishAllNow(inputs: readonly EventInput[], keyField: (index: number) => string): Promise<PublishResult[]> {
    for (let attempt = 0; ; attempt++) {
      const plans = await this.plan(inputs, keyField);
      const fresh = inputs.filter((_, i) => plans[i].kind === 'new');
      try {
        const written = fresh.length > 0 ? await this.group.submit(fresh) : [];
        const results: PublishResult[] = [];
        for (const plan of plans) {
          if (plan.kind === 'new') results.push({ ...written[plan.at], replayed: false });
          else if (plan.kind === 'repeat') results.push({ ...results[plan.of], replayed: true });
          else results.push({ event: plan.of, queued: await this.countQueued(plan.of), replayed: true });
        }
        return results;
      } catch (error) {
        // A key published meanwhile by another request: the next plan replays it. Each round turns
        // at least one key into a replay, so this ends.
        if (isUniqueViolation(error) && attempt < inputs.length) continue;
        throw error;
      }
    }
  }

  /** Which events of an all-or-nothing list are new, replays of earlier events, or repeats within the list. */
  private async plan(inputs: readonly EventInput[], keyField: (index: number) => string): Promise<Plan[]> {
    const keysByWorkspace = new Map<string, string[]>();
    for (const input of inputs) {
      if (input.idempotencyKey === undefined) continue;
      const keys = keysByWorkspace.get(input.workspaceId) ?? [];
      keys.push(input.idempotencyKey);
      keysByWorkspace.set(input.workspaceId, keys);
    }
    const earlier = new Map<string, EventsTable>();
    for (const [workspaceId, keys] of keysByWorkspace) {
      for (const row of await this.repo.findByIdempotencyKeys(workspaceId, [...new Set(keys)])) earlier.set(keyOf(row.workspace_id, row.idempotency_key!), row);
    }
    const firstInList = new Map<string, number>();
    let fresh = 0;
    return inputs.map((input, i): Plan => {
      if (input.idempotencyKey === undefined) return { kind: 'new', at: fresh++ };
      const key = keyOf(input.workspaceId, input.idempotencyKey);
      const stored = earlier.get(key);
      if (stored) {
        if (!sameEvent(stored.type, fromJson(stored.payload, null), input)) throw keyReused(keyField(i));
        return { kind: 'replay', of: stored };
      }
      const first = firstInList.get(key);
      if (first !== undefined) {
        if (!sameEvent(inputs[first].type, inputs[first].data, input)) throw keyReused(keyField(i));
        return { kind: 'repeat', of: first };
      }
      firstInList.set(key, i);
      return { kind: 'new', at: fresh++ };
    });
  }

  /** One group commit: the events of every submission in one transaction, answered per submission. */
  private async writeGroup(trx: Executor, lists: EventInput[][]): Promise<Published[][]> {
    const published = await this.publishIn(trx, lists.flat());
    let at = 0;
    return lists.map((list) => published.slice(at, (at += list.length)));
  }

  /** Writes the events in one statement and runs each fan-out once for all of them. */
  private async publishIn(trx: Executor, inputs: readonly EventInput[]): Promise<Published[]> {
    const rows = inputs.map(eventRow);
    // Keyed rows go in key order: concurrent transactions then take the unique index's locks in the
    // same order, and two groups holding the same keys wait for each other instead of deadlocking.
    const keyed = rows.filter((r) => r.idempotency_key !== null);
    const ordered = keyed.length > 1 ? [...rows].sort(byKey) : rows;
    await this.repo.with(trx).insertMany(ordered);
    const events = rows.map((row, i): PublishedEvent => ({ id: row.id, workspaceId: row.workspace_id, type: row.type, data: inputs[i].data, createdAt: row.created_at }));
    const queued = rows.map(() => 0);
    for (const fanOut of this.fanOuts) {
      const counts = await fanOut(trx, events);
      if (counts) counts.forEach((n, i) => (queued[i] += n));
    }
    return rows.map((event, i) => ({ event, queued: queued[i] }));
  }

  private async replay(input: EventInput): Promise<PublishResult | undefined> {
    if (!input.idempotencyKey) return undefined;
    const existing = await this.repo.findByIdempotencyKey(input.workspaceId, input.idempotencyKey);
    if (!existing) return undefined;
    if (!sameEvent(existing.type, fromJson(existing.payload, null), input)) throw keyReused('Idempotency-Key');
    return { event: existing, queued: await this.countQueued(existing), replayed: true };
  }

  private async countQueued(event: EventsTable): Promise<number> {
    let queued = 0;
    for (const count of this.counters) queued += await count(event.workspace_id, event.id);
    return queued;
  }
}

const keyOf = (workspaceId: string, key: string) => `${workspaceId}\u0000${key}`;

/** Whether an event is the one a repeated key asks for: same type, same data (key order aside). */
function sameEvent(type: string, data: unknown, input: EventInput): boolean {
  return type === input.type && canonical(data) === canonical(input.data);
}

function byKey(a: EventsTable, b: EventsTable): number {
  const ka = a.idempotency_key === null ? '' : keyOf(a.workspace_id, a.idempotency_key);
  const kb = b.idempotency_key === null ? '' : keyOf(b.workspace_id, b.idempotency_key);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
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
