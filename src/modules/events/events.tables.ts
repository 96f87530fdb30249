export interface EventsTable {
  id: string;
  workspace_id: string;
  type: string;
  /** JSON: the event's `data` object */
  payload: string;
  idempotency_key: string | null;
  created_at: number;
}

interface EventTables {
  events: EventsTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends EventTables {}
}
