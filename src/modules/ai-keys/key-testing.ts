import { Errors } from '../../core/errors.js';
import { isRateLimited, type RateLimiter } from '../../core/rate-limit.js';
import type { Principal } from '../identity/principal.js';
import type { KeyTestResult } from '../ai-providers/key-test.js';
import { keyNotFound, locateKey } from './ai-keys.checks.js';
import { keyAad } from './ai-keys.crypto.js';
import type { AiKeysDeps } from './ai-keys.deps.js';

type TestingDeps = Pick<AiKeysDeps, 'repo' | 'access' | 'keyring' | 'limiters' | 'outbound' | 'testKey' | 'testsPerMinute'>;

/** `POST /api/ai-keys/{id}/test`: a rate-limited real call to the provider with the stored key. */
export class KeyTesting {
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: TestingDeps) {
    this.limiter = deps.limiters.limiter({ keyPrefix: 'ai-key-test', points: deps.testsPerMinute ?? 10, duration: 60 });
  }

  /** A minimal real call to the provider with the stored key (see testProviderKey). */
  async test(principal: Principal, id: string): Promise<KeyTestResult> {
    const { workspaceId } = await locateKey(this.deps, principal, id, 'ai_key.read');
    const row = await this.deps.repo.find(workspaceId, id);
    if (!row) throw keyNotFound();
    try {
      await this.limiter.consume(id);
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw Errors.tooManyRequests(`Too many tests of this key; try again in ${seconds} s`, seconds);
    }
    const apiKey = row.encrypted_key ? this.deps.keyring.decrypt(row.encrypted_key, keyAad(id)) : '';
    const result = await this.deps.testKey(
      { provider: row.provider, apiKey, endpointUrl: row.endpoint_url, deploymentName: row.deployment_name },
      this.deps.outbound.dispatcher,
    );
    // Defence in depth: whatever the provider echoed, the key never leaves in a message.
    const message = apiKey.length >= 4 ? result.message.split(apiKey).join('[redacted]') : result.message;
    await this.deps.repo.update(workspaceId, id, { last_tested_at: Date.now(), last_test_status: result.status });
    return { ...result, message };
  }
}
