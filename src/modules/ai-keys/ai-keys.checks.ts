import { isUniqueViolation } from '../../core/db/database.js';
import { AppError, Errors } from '../../core/errors.js';
import type { Keyring } from '../../core/keyring.js';
import type { Principal } from '../identity/principal.js';
import type { ProviderInfo } from '../ai-providers/providers.js';
import type { Access, WorkspaceAccess } from '../workspaces/access.js';
import type { Action } from '../policy/policy.js';
import { fingerprintCandidates } from './ai-keys.crypto.js';
import type { AiKeysRepository } from './ai-keys.repository.js';

/** Input checks and error mapping shared by key creation, update and rotation. */

export const field = (name: string, message: string) => Errors.validation(`${name} ${message}`, [{ field: name, location: 'body', message }]);
export const keyNotFound = () => Errors.notFound('AI key');
export const usdToMicros = (usd: number | null | undefined) => (usd == null ? null : Math.round(usd * 1_000_000));

/** Loads a key's workspace and checks access there; another workspace's key is a 404. */
export async function locateKey(
  deps: { repo: AiKeysRepository; access: WorkspaceAccess },
  principal: Principal,
  id: string,
  action: Action,
): Promise<{ workspaceId: string; access: Access }> {
  const workspaceId = await deps.repo.locate(id);
  if (!workspaceId) throw keyNotFound();
  try {
    return { workspaceId, access: await deps.access.require(principal, workspaceId, action, { type: 'ai_key', id }) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw keyNotFound();
    throw error;
  }
}

const duplicateKey = (existing?: { id: string; key_name: string }) =>
  new AppError(
    'duplicate_key',
    existing ? `This key is already stored in this workspace as "${existing.key_name}"` : 'This key is already stored in this workspace',
    { field: 'api_key', ...(existing ? { existing_key_id: existing.id } : {}) },
  );

export async function refuseDuplicate(repo: AiKeysRepository, keyring: Keyring, workspaceId: string, apiKey: string, exceptId?: string): Promise<void> {
  const existing = await repo.findByFingerprint(workspaceId, fingerprintCandidates(keyring, apiKey), exceptId);
  if (existing) throw duplicateKey(existing);
}

/** Which unique index a failed insert/update hit, on either engine. */
function uniqueViolation(error: unknown): 'fingerprint' | 'default' | undefined {
  const e = error as { code?: string; constraint?: string; message?: string };
  const text = `${e?.constraint ?? ''} ${e?.message ?? ''}`;
  if (!isUniqueViolation(error)) return undefined;
  if (/fingerprint/.test(text)) return 'fingerprint';
  if (/one_default|ai_keys\.provider/.test(text)) return 'default';
  return undefined;
}

/** A unique violation that a concurrent writer caused, as the conflict the caller can act on. */
export function mapConflicts(error: unknown): never {
  const which = uniqueViolation(error);
  if (which === 'fingerprint') throw duplicateKey();
  if (which === 'default') throw new AppError('default_conflict', 'Another key of this provider was made default at the same time; try again');
  throw error;
}

/**
 * endpoint_url: required where the provider needs one; an absolute http(s)
 * URL without credentials that the SSRF guard admits (operators widen it
 * with ATRIUM_OUTBOUND_ALLOWED_CIDRS for self-hosted models). Trailing
 * slashes are dropped so `…/v1` and `…/v1/` are the same endpoint.
 */
export async function checkEndpoint(
  outbound: { assertAllowed(url: string, field?: string): Promise<void> },
  info: ProviderInfo,
  value: string | null,
): Promise<string | null> {
  if (value == null) {
    if (info.needs_endpoint_url) throw field('endpoint_url', `is required for ${info.id}`);
    return null;
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw field('endpoint_url', 'is not a valid absolute URL');
  }
  if (url.hash) throw field('endpoint_url', 'must not contain a fragment');
  await outbound.assertAllowed(url.toString(), 'endpoint_url');
  url.pathname = url.pathname.replace(/\/+$/, '');
  const text = url.toString();
  return url.search ? text : text.replace(/\/+$/, '');
}

export function checkDeployment(info: ProviderInfo, value: string | null): string | null {
  if (value == null) {
    if (info.needs_deployment_name) throw field('deployment_name', `is required for ${info.id}`);
    return null;
  }
  if (!info.needs_deployment_name) throw field('deployment_name', `only applies to azure_openai, not ${info.id}`);
  return value;
}
