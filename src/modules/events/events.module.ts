import type { Db, Dialect } from '../../core/db/database.js';
import type { AtriumModule } from '../../core/module.js';
import { EventBus } from './event-bus.js';

export interface EventsModule extends AtriumModule {
  /** The outbox: every module publishes its events here, in its own transaction. */
  bus: EventBus;
}

/** The outbox has no routes and no background work of its own: the webhooks module fans events out and delivers them. */
export function createEventsModule(deps: { db: Db; dialect: Dialect }): EventsModule {
  return { name: 'events', bus: new EventBus(deps.db, deps.dialect) };
}
