import { createHmac } from 'node:crypto';
import type { Keyring } from '../../core/keyring.js';

/** AAD binding a blob to its row and column: a ciphertext copied elsewhere fails to decrypt. */
export const keyAad = (id: string): string => `ai_keys:${id}:api_key`;
export const previousKeyAad = (id: string): string => `ai_keys:${id}:previous_api_key`;

const FINGERPRINT_PURPOSE = 'ai_keys:fingerprint';
const subkeys = new WeakMap<Keyring, Map<number, Buffer>>();

function fingerprintKey(keyring: Keyring, version: number): Buffer {
  let byVersion = subkeys.get(keyring);
  if (!byVersion) subkeys.set(keyring, (byVersion = new Map<number, Buffer>()));
  let key = byVersion.get(version);
  if (!key) byVersion.set(version, (key = keyring.subkey(FINGERPRINT_PURPOSE, version)));
  return key;
}

/**
 * `<version>:<HMAC-SHA256>` of a provider key under a subkey of master key
 * `version`. A plain SHA-256 would let anyone holding a database dump confirm
 * a guessed key offline; the HMAC needs the master key too.
 */
export function fingerprint(keyring: Keyring, apiKey: string, version = keyring.primary.version): string {
  return `${version}:${createHmac('sha256', fingerprintKey(keyring, version)).update(apiKey, 'utf8').digest('base64url')}`;
}

/** The key's fingerprint under every master key version: stored rows may still carry an older one mid-rotation. */
export function fingerprintCandidates(keyring: Keyring, apiKey: string): string[] {
  return keyring.versions().map((v) => fingerprint(keyring, apiKey, v));
}

/** The last 4 characters; nothing for keys so short that 4 characters would give most of them away. */
export function keyPreview(apiKey: string): string {
  return apiKey.length >= 12 ? apiKey.slice(-4) : '****';
}
