import type { Db } from './db/database.js';
import {
  formatKeyring,
  generateMasterKey,
  keyFilePath,
  Keyring,
  loadOrCreateKeyFile,
  parseKeyring,
  writeKeyFile,
  type MasterKey,
} from './keyring.js';
import { countStaleSecrets, reencryptSecrets, type SecretColumns } from './secrets.js';

/**
 * `atrium rotate-master-key`: move every stored secret to a new master key
 * while the servers keep serving.
 *
 * Key file (the embedded default): one run adds version N+1 to the key file
 * (atomically, mode 0600) and re-encrypts everything under it. Running
 * servers keep every version they know and re-read the key file when they
 * meet a blob sealed under a version they do not know yet, or before they
 * seal a new secret, so they read and write the new version without a
 * restart.
 *
 * ATRIUM_MASTER_KEY: a process cannot change another's environment, so it
 * takes two runs: `rotate` prints the new keyring value to deploy (old
 * versions included, so every ciphertext stays readable); once every process
 * runs with it, `--reencrypt` moves the secrets.
 *
 * Either way `--retire-old` drops the old versions, and only after checking
 * that no stored secret still needs them.
 */
export type RotationMode = 'rotate' | 'reencrypt' | 'retire-old';

export interface RotationOptions {
  config: { masterKey: string | undefined; dataDir: string };
  db: Db;
  columns: SecretColumns;
  mode: RotationMode;
  batchSize?: number;
  log: (line: string) => void;
  /** Awaited between batches (tests interleave requests here). */
  afterBatch?: () => Promise<void>;
}

/** Returns the process exit code. */
export async function rotateMasterKey(options: RotationOptions): Promise<number> {
  const { config, log } = options;
  const fromEnv = Boolean(config.masterKey);
  const keys: MasterKey[] = fromEnv ? parseKeyring(config.masterKey!) : loadOrCreateKeyFile(config.dataDir);
  const newest = Math.max(...keys.map((k) => k.version));

  if (options.mode === 'rotate') {
    const next = [...keys, generateMasterKey(newest + 1)];
    if (fromEnv) {
      log(`Generated master key version ${newest + 1}. Set this on every atrium process (old versions stay so existing secrets remain readable):`);
      log('');
      log(`ATRIUM_MASTER_KEY=${formatKeyring(next).trim()}`);
      log('');
      log('Restart them, then run `atrium rotate-master-key --reencrypt` to move every stored secret to the new version,');
      log('and later `atrium rotate-master-key --retire-old` to drop the old versions.');
      return 0;
    }
    writeKeyFile(config.dataDir, next);
    log(`Added master key version ${newest + 1} to ${keyFilePath(config.dataDir)}.`);
    return reencrypt(new Keyring(next), options);
  }

  const keyring = new Keyring(keys);
  if (options.mode === 'reencrypt') return reencrypt(keyring, options);

  const stale = (await countStaleSecrets(options.db, keyring, options.columns)).filter((s) => s.count > 0);
  if (stale.length > 0) {
    for (const s of stale) log(`${s.count} secret(s) in ${s.table}.${s.column} are still under an old master key.`);
    log('Nothing retired: run `atrium rotate-master-key --reencrypt` first.');
    return 1;
  }
  const kept = [keyring.primary];
  if (fromEnv) {
    log('Every stored secret is under the newest master key. Set this on every atrium process:');
    log('');
    log(`ATRIUM_MASTER_KEY=${formatKeyring(kept).trim()}`);
  } else {
    writeKeyFile(config.dataDir, kept);
    log(`Retired master key version(s) ${keyring.versions().filter((v) => v !== keyring.primary.version).join(', ') || '(none)'}; ${keyFilePath(config.dataDir)} keeps version ${keyring.primary.version}.`);
  }
  return 0;
}

async function reencrypt(keyring: Keyring, options: RotationOptions): Promise<number> {
  const { log } = options;
  const result = await reencryptSecrets(options.db, keyring, options.columns, {
    batchSize: options.batchSize,
    onBatch: async (p) => {
      log(`  ${p.table}.${p.column}: ${p.reencrypted} re-encrypted`);
      await options.afterBatch?.();
    },
  });
  log(`${result.reencrypted} secret(s) re-encrypted under master key version ${keyring.primary.version}.`);
  for (const f of result.failed) log(`  cannot decrypt ${f.table}.${f.column} of ${f.id}: ${f.reason}`);
  if (result.failed.length > 0) {
    log(`${result.failed.length} secret(s) could not be decrypted with the configured master keys and were left as they are.`);
    return 1;
  }
  log('Old master key versions are kept until `atrium rotate-master-key --retire-old`.');
  return 0;
}
