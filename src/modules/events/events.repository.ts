import type { Executor } from '../../core/db/database.js';
import type { EventsTable } from './events.tables.js';

/** The only writer of the `events` table (other modules read it, and write through the EventBus). */
export class EventsRepository {
  constructor(private readonly db: Executor) {}

  with(db: Executor): EventsRepository {
    return new EventsRepository(db);
  }

  async insert(event: EventsTable): Promise<void> {
    await this.db.insertInto('events').values(event).execute();
  }

  findByIdempotencyKey(workspaceId: string, key: string): Promise<EventsTable | undefined> {
    return this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }
}
