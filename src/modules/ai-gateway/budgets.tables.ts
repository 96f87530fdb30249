/** Levels a consumer limit attaches to (the provider key's own limits live on the key). */
export const CONSUMER_LEVELS = ['workspace', 'member', 'token'] as const;
export type ConsumerLevel = (typeof CONSUMER_LEVELS)[number];

/** Limits of a workspace, a member (all their tokens) or an API token; null = no limit. */
export interface AiConsumerLimitsTable {
  workspace_id: string;
  level: ConsumerLevel;
  /** The workspace id, the member's user id or the token id. */
  subject_id: string;
  rate_limit_rpm: number | null;
  rate_limit_tpm: number | null;
  /** Requests per calendar month (UTC). */
  usage_limit: number | null;
  /** Micro-dollars per calendar month (UTC). */
  cost_limit_micros: number | null;
  /** JSON array of model names (`gpt-4o-mini` or `openai/gpt-4o-mini`); null = any. */
  allowed_models: string | null;
  /** JSON array of provider ids; null = any. */
  allowed_providers: string | null;
  created_at: number;
  updated_at: number;
}

interface BudgetTables {
  ai_consumer_limits: AiConsumerLimitsTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends BudgetTables {}
}
