import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_webhooks.js';
import * as m0003 from './0003_ai_keys.js';
import * as m0004 from './0004_ai_usage.js';
import * as m0005 from './0005_covering_due_index.js';
import * as m0006 from './0006_ai_usage_cache_tokens.js';
import * as m0007 from './0007_webhook_fair_claims.js';
import * as m0008 from './0008_rate_limits.js';
import * as m0009 from './0009_ai_consumer_limits.js';
import * as m0010 from './0010_ai_routes.js';
import * as m0011 from './0011_legacy_import_map.js';
import * as m0012 from './0012_ai_usage_reasoning_tokens.js';

/**
 * Every migration, in order. Names sort lexically; never rename or edit a shipped one.
 * Listed as pairs: knip (`npm run lint:unused`) does not count a namespace import as used
 * when it is the value of a quoted key, and these names are not identifiers.
 */
export const migrations: Record<string, Migration> = Object.fromEntries([
  ['0001_foundation', m0001],
  ['0002_webhooks', m0002],
  ['0003_ai_keys', m0003],
  ['0004_ai_usage', m0004],
  ['0005_covering_due_index', m0005],
  ['0006_ai_usage_cache_tokens', m0006],
  ['0007_webhook_fair_claims', m0007],
  ['0008_rate_limits', m0008],
  ['0009_ai_consumer_limits', m0009],
  ['0010_ai_routes', m0010],
  ['0011_legacy_import_map', m0011],
  ['0012_ai_usage_reasoning_tokens', m0012],
]);
