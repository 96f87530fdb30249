import type { Db } from '../../core/db/database.js';
import type { Keyring } from '../../core/keyring.js';
import type { AtriumModule, ModuleLog } from '../../core/module.js';
import type { RateLimiters } from '../../core/rate-limit.js';
import type { AuditLog } from '../activity/audit.js';
import { testProviderKey } from '../ai-providers/key-test.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import { fingerprint, keyAad, previousKeyAad } from './ai-keys.crypto.js';
import { AiKeysRepository } from './ai-keys.repository.js';
import type { AiKeysDeps } from './ai-keys.deps.js';
import { registerAiKeyRoutes } from './ai-keys.routes.js';
import { AiKeysService } from './ai-keys.service.js';

export interface AiKeysModule extends AtriumModule {
  /** The key store; the gateway sees it through the narrower `AiKeyStore` interface. */
  service: AiKeysService;
}

/**
 * Builds the key store and declares what other parts of atrium need to know
 * about it: `ai_key` as a resource type that takes grants, its two secret
 * columns for `atrium rotate-master-key`, and the rotation-due reminder that
 * runs with `serve`.
 */
export function createAiKeysModule(deps: {
  db: Db;
  keyring: Keyring;
  access: WorkspaceAccess;
  audit: AuditLog;
  limiters: RateLimiters;
  outbound: AiKeysDeps['outbound'];
  log: ModuleLog;
}): AiKeysModule {
  const { log, ...serviceDeps } = deps;
  const repo = new AiKeysRepository(deps.db);
  const service = new AiKeysService({ ...serviceDeps, repo, testKey: testProviderKey });
  return {
    name: 'ai-keys',
    service,
    secrets: [
      // The fingerprint follows the master key it was derived from.
      { table: 'ai_keys', column: 'encrypted_key', aad: keyAad, derive: (apiKey, keyring) => ({ key_fingerprint: fingerprint(keyring, apiKey) }) },
      { table: 'ai_keys', column: 'previous_encrypted_key', aad: previousKeyAad },
    ],
    resourceTypes: { ai_key: (db, workspaceId, id) => repo.with(db).name(workspaceId, id) },
    routes: (app) => registerAiKeyRoutes(app, { aiKeys: service }),
    start: (role) => {
      // Rotation reminders are the API server's job; a delivery worker has none.
      if (role === 'serve') service.startRotationChecks({ onError: (error) => log.warn({ err: error }, 'AI key rotation check failed') });
    },
    stop: () => service.stopRotationChecks(),
  };
}
