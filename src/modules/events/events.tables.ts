export interface EventsTable {
  id: string;
  workspace_id: string;
  type: string;
  /** JSON: the event's `data` object */
  payload: string;
  idempotency_key: string | null;
  created_at: number;
}

export interface EventTables {
  events: EventsTable;
}
