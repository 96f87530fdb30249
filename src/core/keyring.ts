import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.js';

/**
 * Envelope encryption for stored secrets (provider keys, webhook secrets).
 *
 * Each secret gets a fresh 256-bit data key; the secret is sealed with
 * AES-256-GCM under the data key, and the data key is wrapped with
 * AES-256-GCM under a master key from the keyring. The master key version is
 * stored in the blob so old ciphertexts stay readable after a rotation. The
 * caller's AAD (e.g. the row id and column) is bound to both layers: a
 * ciphertext copied to another row fails to decrypt.
 *
 * Blob: `v1.<keyVersion>.<wrapIv>.<wrappedKey+tag>.<iv>.<ciphertext+tag>` (base64url parts).
 */

export interface MasterKey {
  version: number;
  key: Buffer;
}

const KEY_FILE = 'master.key';

/** `1:<base64>,2:<base64>` or a single `<base64>` (version 1). */
export function parseKeyring(text: string): MasterKey[] {
  const keys = text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((entry) => {
      const match = /^(?:(\d+):)?([A-Za-z0-9+/_=-]+)$/.exec(entry);
      if (!match) throw new Error('master key entries must look like "<version>:<base64 key>"');
      const key = Buffer.from(match[2], match[2].includes('-') || match[2].includes('_') ? 'base64url' : 'base64');
      if (key.length !== 32) throw new Error('each master key must be 32 bytes, base64-encoded');
      return { version: Number(match[1] ?? 1), key };
    });
  if (keys.length === 0) throw new Error('no master key given');
  if (new Set(keys.map((k) => k.version)).size !== keys.length) throw new Error('master key versions must be unique');
  return keys.sort((a, b) => a.version - b.version);
}

export const formatKeyring = (keys: MasterKey[]): string => keys.map((k) => `${k.version}:${k.key.toString('base64')}`).join(',') + '\n';

export const generateMasterKey = (version: number): MasterKey => ({ version, key: randomBytes(32) });

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

/** The embedded default: a key file in the data folder, created once with mode 0600. */
export function loadOrCreateKeyFile(dataDir: string): MasterKey[] {
  const file = keyFilePath(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, formatKeyring([generateMasterKey(1)]), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return parseKeyring(readFileSync(file, 'utf8'));
}

export function writeKeyFile(dataDir: string, keys: MasterKey[]): void {
  const file = keyFilePath(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, formatKeyring(keys), { mode: 0o600 });
  // rename is atomic: a crash leaves either the old or the new keyring.
  renameSync(tmp, file);
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; sealed: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, sealed };
}

function open(key: Buffer, iv: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

export class Keyring {
  private readonly byVersion: Map<number, Buffer>;
  /** The version new secrets are sealed under; `adopt` moves it to a newer version. */
  primary: MasterKey;

  constructor(
    keys: MasterKey[],
    /**
     * The keyring's source re-read if it changed since the last call, else
     * undefined (see `keyFileWatcher`): lets a running server pick up a
     * master key added by `atrium rotate-master-key` in another process.
     */
    private readonly reload?: () => MasterKey[] | undefined,
  ) {
    if (keys.length === 0) throw new Error('keyring is empty');
    this.byVersion = new Map(keys.map((k) => [k.version, k.key]));
    this.primary = keys.reduce((a, b) => (b.version > a.version ? b : a));
  }

  /** Learns master key versions added elsewhere; never forgets one, so old ciphertexts stay readable. */
  adopt(keys: MasterKey[]): void {
    for (const k of keys) {
      if (!this.byVersion.has(k.version)) this.byVersion.set(k.version, k.key);
      if (k.version > this.primary.version) this.primary = { version: k.version, key: this.byVersion.get(k.version)! };
    }
  }

  private refresh(): void {
    const keys = this.reload?.();
    if (keys) this.adopt(keys);
  }

  /**
   * A key for another purpose derived from one master key version
   * (HKDF-SHA256, the purpose as info), e.g. for keyed fingerprints of
   * secrets that cannot be brute-forced without the master key.
   */
  subkey(purpose: string, version: number = this.primary.version): Buffer {
    const master = this.byVersion.get(version);
    if (!master) throw new Error(`no master key version ${version}`);
    return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `atrium:${purpose}`, 32));
  }

  versions(): number[] {
    return [...this.byVersion.keys()].sort((a, b) => a - b);
  }

  encrypt(plaintext: string, aad: string): string {
    // Writes are rare: checking for a newer master key here means no process
    // keeps sealing under a version a rotation is moving away from.
    this.refresh();
    const aadBuf = Buffer.from(aad);
    const dataKey = randomBytes(32);
    const wrapped = seal(this.primary.key, dataKey, Buffer.concat([Buffer.from(`dek:${this.primary.version}:`), aadBuf]));
    const body = seal(dataKey, Buffer.from(plaintext, 'utf8'), aadBuf);
    return ['v1', this.primary.version, b64(wrapped.iv), b64(wrapped.sealed), b64(body.iv), b64(body.sealed)].join('.');
  }

  decrypt(blob: string, aad: string): string {
    const parts = blob.split('.');
    const version = Number(parts[1]);
    if (!this.byVersion.has(version)) this.refresh();
    const master = this.byVersion.get(version);
    if (parts.length !== 6 || parts[0] !== 'v1' || !master) {
      throw new AppError('secret_unreadable', 'A stored secret cannot be decrypted with the configured master keys');
    }
    try {
      const aadBuf = Buffer.from(aad);
      const dataKey = open(master, unb64(parts[2]), unb64(parts[3]), Buffer.concat([Buffer.from(`dek:${version}:`), aadBuf]));
      return open(dataKey, unb64(parts[4]), unb64(parts[5]), aadBuf).toString('utf8');
    } catch {
      throw new AppError('secret_unreadable', 'A stored secret failed its integrity check');
    }
  }

  /** The master key version a blob was sealed under (to find what still needs re-encryption). */
  static versionOf(blob: string): number {
    return Number(blob.split('.')[1]);
  }
}

/** Where the keyring comes from: ATRIUM_MASTER_KEY, else the key file in the data folder. */
export function loadKeyring(config: { masterKey: string | undefined; dataDir: string }): Keyring {
  if (config.masterKey) {
    try {
      return new Keyring(parseKeyring(config.masterKey));
    } catch (error) {
      throw new Error(`Invalid configuration: ATRIUM_MASTER_KEY ${(error as Error).message}`);
    }
  }
  return new Keyring(loadOrCreateKeyFile(config.dataDir), keyFileWatcher(config.dataDir));
}

/** Returns the key file's keys when the file changed since the last call (rotated by another process), else undefined. */
function keyFileWatcher(dataDir: string): () => MasterKey[] | undefined {
  const file = keyFilePath(dataDir);
  const stamp = () => {
    try {
      const s = statSync(file);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return 'missing';
    }
  };
  let seen = stamp();
  return () => {
    const now = stamp();
    if (now === seen) return undefined;
    seen = now;
    try {
      return parseKeyring(readFileSync(file, 'utf8'));
    } catch {
      return undefined; // a broken file never costs us the keys we already hold
    }
  };
}
