/**
 * The database as Kysely sees it. Core knows no module: each feature module
 * owns its tables' types and adds them to this interface from its own
 * `*.tables.ts` (declaration merging), so every table is typed wherever `Db` is used.
 */
export interface DB {}
