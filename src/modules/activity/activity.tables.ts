export interface ActivityTable {
  id: string;
  workspace_id: string;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  resource_name: string | null;
  /** JSON object */
  details: string;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: number;
}

interface ActivityTables {
  activity: ActivityTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends ActivityTables {}
}
