/** Original row → atrium row, written by `atrium import-legacy` (migration 0011). */
export interface LegacyImportMapTable {
  /** The original's table name (`users`, `workspace_members`, `ai_key_usage`, …). */
  source_table: string;
  source_id: string;
  /** The atrium id it became; for usage rows the daily aggregate `<key_id>:<model>:<day>` it was added to. */
  target_id: string;
  imported_at: number;
}

interface LegacyImportTables {
  legacy_import_map: LegacyImportMapTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends LegacyImportTables {}
}
