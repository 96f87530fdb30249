/** One row per gateway request that reached a provider. */
export interface AiUsageTable {
  id: string;
  workspace_id: string;
  key_id: string;
  provider: string;
  model: string;
  /** The API token that made the request. */
  token_id: string | null;
  /** The member the request was made for (the token's creator); null on rows from before migration 0009. */
  user_id?: string | null;
  /** Every prompt token, cached ones included (OpenAI's prompt_tokens). */
  input_tokens: number;
  output_tokens: number;
  /** The part of input_tokens read from the provider's prompt cache (billed at its cache-read rate). */
  cache_read_tokens: number;
  /** The part of input_tokens written to the prompt cache (Anthropic; billed at its cache-write rate). */
  cache_write_tokens: number;
  /** The part of output_tokens spent reasoning (migration 0012; billed at the model's reasoning rate, if any). */
  reasoning_tokens?: number;
  cost_micros: number;
  latency_ms: number;
  /** The status returned to the client: the provider's, or 499 (client left) / 502 / 504. */
  status_code: number;
  /** 1 when tokens were estimated because the provider reported no usage. */
  estimated: number;
  /** 1 when the model has no price: cost_micros is 0. */
  unpriced: number;
  stream: number;
  created_at: number;
  /** The route the request named as its model (migration 0010); null for `<provider>/<model>` calls. */
  route_id?: string | null;
  /** Groups the attempts of one routed request (the gateway's request id); null when not routed. */
  request_id?: string | null;
  /**
   * 1-based attempt of a routed request: rows of one request_id with a lower
   * attempt are failed tries (retries, fallbacks); the highest is the answer
   * the client got. 1 for requests that are not routed.
   */
  attempt?: number;
}

/** Aggregates per key, model and UTC day, upserted with each batch of usage rows. */
export interface AiUsageDailyTable {
  key_id: string;
  model: string;
  /** `YYYY-MM-DD` (UTC) */
  day: string;
  workspace_id: string;
  provider: string;
  requests: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  /** Part of output_tokens (migration 0012; absent on insert: 0). */
  reasoning_tokens?: number;
  cost_micros: number;
  latency_ms_total: number;
}

/** Cap thresholds already announced: one `ai_usage.threshold` event per key, month, metric and threshold. */
export interface AiUsageAlertsTable {
  key_id: string;
  /** `YYYY-MM` (UTC) */
  period: string;
  /** `requests` or `cost` */
  metric: string;
  /** Percent of the cap: 80 or 100 */
  threshold: number;
  workspace_id: string;
  created_at: number;
}

interface AiUsageTables {
  ai_usage: AiUsageTable;
  ai_usage_daily: AiUsageDailyTable;
  ai_usage_alerts: AiUsageAlertsTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends AiUsageTables {}
}
