import type { Db } from '../../core/db/database.js';
import type { Keyring } from '../../core/keyring.js';
import type { RateLimiters } from '../../core/rate-limit.js';
import type { SecretColumns } from '../../core/secrets.js';
import type { AuditLog } from '../activity/audit.js';
import { testProviderKey } from '../ai-providers/key-test.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import type { ResourceTypes } from '../workspaces/resource-types.js';
import { fingerprint, keyAad, previousKeyAad } from './ai-keys.crypto.js';
import { AiKeysRepository } from './ai-keys.repository.js';
import type { AiKeysDeps } from './ai-keys.deps.js';
import { AiKeysService } from './ai-keys.service.js';

/**
 * Builds the key store and registers what other parts of atrium need to know
 * about it: `ai_key` as a resource type that takes grants, and its two
 * secret columns for `atrium rotate-master-key`.
 */
export function createAiKeysService(deps: {
  db: Db;
  keyring: Keyring;
  access: WorkspaceAccess;
  audit: AuditLog;
  limiters: RateLimiters;
  outbound: AiKeysDeps['outbound'];
  resourceTypes: ResourceTypes;
  secrets: SecretColumns;
}): AiKeysService {
  const repo = new AiKeysRepository(deps.db);
  deps.resourceTypes.register('ai_key', (db, workspaceId, id) => repo.with(db).name(workspaceId, id));
  deps.secrets.register({
    table: 'ai_keys',
    column: 'encrypted_key',
    aad: keyAad,
    // The fingerprint follows the master key it was derived from.
    derive: (apiKey, keyring) => ({ key_fingerprint: fingerprint(keyring, apiKey) }),
  });
  deps.secrets.register({ table: 'ai_keys', column: 'previous_encrypted_key', aad: previousKeyAad });
  return new AiKeysService({ ...deps, repo, testKey: testProviderKey });
}
