import { bulkInsert } from '../../core/db/bulk-insert.js';
import type { Dialect, Executor } from '../../core/db/database.js';
import { LookupBatcher } from '../../core/db/lookup-batcher.js';
import type { EventsTable } from './events.tables.js';

const EVENT_COLUMNS = ['id', 'workspace_id', 'type', 'payload', 'idempotency_key', 'created_at'] as const satisfies readonly (keyof EventsTable)[];
/** Rows per INSERT: 6 columns each stays far below either engine's bound-parameter limit. */
const BULK_CHUNK = 500;

/** The only writer of the `events` table (other modules read it, and write through the EventBus). */
export class EventsRepository {
  /**
   * PostgreSQL: the Idempotency-Key lookup of every keyed publish, coalesced
   * across concurrent requests (see LookupBatcher). Not in transactions,
   * nor on SQLite (in process, no round trip to save).
   */
  private readonly byKey?: LookupBatcher<{ workspaceId: string; key: string }, EventsTable>;

  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
    inTransaction = false,
  ) {
    if (dialect === 'postgres' && !inTransaction) {
      this.byKey = new LookupBatcher(async (wanted) => {
        const rows = await this.db
          .selectFrom('events')
          .selectAll()
          .where((eb) => eb(eb.refTuple('workspace_id', 'idempotency_key'), 'in', wanted.map((w) => eb.tuple(w.workspaceId, w.key))))
          .execute();
        return new Map(rows.map((row) => [eventKey(row.workspace_id, row.idempotency_key!), row]));
      }, (k) => eventKey(k.workspaceId, k.key));
    }
  }

  with(db: Executor): EventsRepository {
    return new EventsRepository(db, this.dialect, true);
  }

  async insert(event: EventsTable): Promise<void> {
    await this.db.insertInto('events').values(event).execute();
  }

  /** Several events in one statement (per 500). */
  async insertMany(events: readonly EventsTable[]): Promise<void> {
    for (let i = 0; i < events.length; i += BULK_CHUNK) {
      await this.db.executeQuery(bulkInsert(this.dialect, 'events', EVENT_COLUMNS, events.slice(i, i + BULK_CHUNK)));
    }
  }

  findByIdempotencyKey(workspaceId: string, key: string): Promise<EventsTable | undefined> {
    if (this.byKey) return this.byKey.get({ workspaceId, key });
    return this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  /** The events already published under any of these keys in a workspace. */
  findByIdempotencyKeys(workspaceId: string, keys: readonly string[]): Promise<EventsTable[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('idempotency_key', 'in', keys)
      .execute();
  }
}

const eventKey = (workspaceId: string, key: string) => `${workspaceId}\u0000${key}`;
