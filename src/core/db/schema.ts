/**
 * The database as Kysely sees it. Each feature module owns its tables'
 * types; this file only composes them.
 */
import type { AuthTables } from '../../modules/auth/auth.tables.js';
import type { WorkspaceTables } from '../../modules/workspaces/workspaces.tables.js';
import type { EventTables } from '../../modules/events/events.tables.js';
import type { WebhookTables } from '../../modules/webhooks/webhooks.tables.js';
import type { AiKeyTables } from '../../modules/ai-keys/ai-keys.tables.js';
import type { AiUsageTables } from '../../modules/ai-gateway/usage.tables.js';

export interface DB extends AuthTables, WorkspaceTables, EventTables, AiKeyTables, WebhookTables, AiUsageTables {}
