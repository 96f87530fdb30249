/** A workspace's gateway route (ADR 0008): a name usable as `model`, resolved to its targets. */
export interface AiRoutesTable {
  id: string;
  workspace_id: string;
  /** Unique per workspace; never contains `/`, so it cannot clash with `<provider>/<model>`. */
  name: string;
  /** `fallback` (targets in order) or `weighted` (one picked by weight, the others as fallbacks). */
  strategy: string;
  /** JSON array of `{key_id, model, weight}`, in order. */
  targets: string;
  /** Retries of one target on 429 / 5xx / timeout / connection error before falling back. */
  max_retries: number;
  /** First backoff between two tries of a target; doubled each time. */
  backoff_ms: number;
  /** Consecutive retryable failures of a key before the circuit opens. */
  breaker_failures: number;
  /** How long an open circuit skips the key before one trial request. */
  breaker_cooldown_seconds: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

interface AiRouteTables {
  ai_routes: AiRoutesTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends AiRouteTables {}
}
