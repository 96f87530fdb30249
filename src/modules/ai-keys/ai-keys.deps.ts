import type { Dispatcher } from 'undici';
import type { Db } from '../../core/db/database.js';
import type { Keyring } from '../../core/keyring.js';
import type { RateLimiters } from '../../core/rate-limit.js';
import type { AuditLog } from '../activity/audit.js';
import type { ProviderKey } from '../ai-providers/adapters/index.js';
import type { KeyTestResult } from '../ai-providers/key-test.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import type { AiKeysRepository } from './ai-keys.repository.js';
import type { UsageReader } from './key-store.js';

type KeyTester = (key: ProviderKey, dispatcher: Dispatcher) => Promise<KeyTestResult>;

/** What the AI-keys service and its parts (rotation, key tests) are built from. */
export interface AiKeysDeps {
  db: Db;
  repo: AiKeysRepository;
  access: WorkspaceAccess;
  audit: AuditLog;
  keyring: Keyring;
  limiters: RateLimiters;
  /** The SSRF guard: endpoint_url is checked on save, and key tests connect through its dispatcher. */
  outbound: { assertAllowed(url: string, field?: string): Promise<void>; dispatcher: Dispatcher };
  testKey: KeyTester;
  usage?: UsageReader;
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  /** Key tests per key per minute (each one is a real call to the provider). */
  testsPerMinute?: number;
}
