import type { ProviderId } from '../ai-providers/providers.js';

/** A workspace's provider key. The key itself exists only as a keyring blob. */
export interface AiKeysTable {
  id: string;
  workspace_id: string;
  provider: ProviderId;
  key_name: string;
  /** Keyring blob (AAD `ai_keys:<id>:api_key`); null only for a custom server that needs no key. */
  encrypted_key: string | null;
  /**
   * `<master key version>:<base64url HMAC-SHA256>` of the key under a subkey
   * derived from that master key: finds duplicates without storing anything
   * that can be brute-forced offline. Null when there is no key.
   */
  key_fingerprint: string | null;
  /** Last 4 characters, the only part ever shown again. */
  key_preview: string | null;
  endpoint_url: string | null;
  deployment_name: string | null;
  /** JSON object of string → string */
  model_preferences: string;
  /** 0/1; at most one 1 per (workspace_id, provider), enforced by a partial unique index too. */
  is_default: number;
  is_active: number;
  /** Requests per calendar month (UTC); null = no cap. */
  usage_limit: number | null;
  /** USD per calendar month in micro-dollars; null = no cap. */
  cost_limit_micros: number | null;
  rate_limit_rpm: number | null;
  rate_limit_tpm: number | null;
  /** Raise `ai_key.rotation_due` this many days after the last rotation; null = never. */
  rotate_after_days: number | null;
  /** When the current key was set (creation or last rotation). */
  last_rotated_at: number;
  /** When `ai_key.rotation_due` was raised for the current key; cleared by a rotation. */
  rotation_due_notified_at: number | null;
  /** The key replaced by the last rotation, usable until previous_key_expires_at (grace period). */
  previous_encrypted_key: string | null;
  previous_key_preview: string | null;
  previous_key_expires_at: number | null;
  last_tested_at: number | null;
  /** Outcome of the last key test: ok | invalid_key | rate_limited | unreachable | error */
  last_test_status: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

interface AiKeyTables {
  ai_keys: AiKeysTable;
}

// Adds this module's tables to the database type core's `Db` is built on.
declare module '../../core/db/schema.js' {
  interface DB extends AiKeyTables {}
}
