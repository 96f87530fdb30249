import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKeyring, generateMasterKey, keyFilePath, Keyring, loadKeyring, loadOrCreateKeyFile, parseKeyring } from '../../../core/keyring.js';
import { rotateMasterKey } from '../../../core/master-key-rotation.js';
import { countStaleSecrets } from '../../../core/secrets.js';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';
import { keyAad } from '../ai-keys.crypto.js';

const newKey = () => `sk-test-${randomBytes(16).toString('hex')}`;
const run = promisify(execFile);

describe.each(engines)('master key rotation (%s)', (engine) => {
  let t: TestApp;
  let dataDir: string;
  let token: string;
  let workspaceId: string;
  let webhookSecret = '';
  /** The ATRIUM_MASTER_KEY value after the env-mode rotation. */
  let envKeyring = '';
  /** key id → the plaintext it must resolve to */
  const expected = new Map<string, string>();

  async function createKey(): Promise<string> {
    const apiKey = newKey();
    const res = await t.post('/api/ai-keys', { token, body: { workspace_id: workspaceId, provider: 'openai', key_name: 'k', api_key: apiKey } });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    expected.set(res.body.id, apiKey);
    return res.body.id;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-mk-'));
    // The embedded default: the server's keyring comes from the key file in the data folder.
    t = await createTestApp(engine, { keyring: loadKeyring({ masterKey: undefined, dataDir }), env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32' } });
    const owner = await t.signup();
    token = owner.token;
    workspaceId = (await t.createWorkspace(token)).id;
    for (let i = 0; i < 25; i++) await createKey();
    // Another module's secret in the same registry: a webhook signing secret.
    const hook = await t.post('/api/webhooks', { token, body: { workspace_id: workspaceId, url: 'http://127.0.0.1:9/hook', event_types: ['custom.never'], is_active: false } });
    if (hook.status !== 201) throw new Error(`webhook failed: ${hook.status} ${JSON.stringify(hook.body)}`);
    webhookSecret = hook.body.secret;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('re-encrypts every key under a new master key while requests keep working', async () => {
    const aiKeys = t.services.aiKeys.service;
    const failures: string[] = [];
    let served = 0;
    let servedDuringRotation = 0;
    let writes = 0;
    /** One request of traffic: the gateway reading a key (cache off), and every other time a creation or a rotation. */
    // Two disjoint sets of keys, so the two streams of requests never race on one key's expected value.
    const initial = [...expected.keys()];
    const pools = [initial.slice(0, 12), initial.slice(12)];
    const step = async (i: number, ids: string[]) => {
      try {
        const id = ids[i % ids.length];
        aiKeys.clearCache();
        const resolved = await aiKeys.resolveForUse(workspaceId, { keyId: id });
        if (resolved.apiKey !== expected.get(id)) failures.push(`wrong key for ${id}`);
        served += 1;
        if (i % 4 === 1) {
          await createKey();
          writes += 1;
        }
        if (i % 4 === 3) {
          const next = newKey();
          const res = await t.post(`/api/ai-keys/${id}/rotate`, { token, body: { api_key: next } });
          if (res.status !== 200) failures.push(`rotate ${res.status} ${JSON.stringify(res.body)}`);
          else expected.set(id, next);
          writes += 1;
        }
      } catch (error) {
        failures.push(String(error));
      }
    };
    // Requests in parallel with the rotation (truly concurrent on PostgreSQL)…
    let rotating = true;
    const traffic = (async () => {
      for (let i = 0; rotating; i++) await step(i, pools[0]);
    })();
    // …and, deterministically, between its batches.
    let n = 0;
    const lines: string[] = [];
    const code = await rotateMasterKey({
      config: { masterKey: undefined, dataDir },
      db: t.db,
      columns: t.services.secrets,
      mode: 'rotate',
      batchSize: 3,
      log: (line) => lines.push(line),
      afterBatch: async () => {
        await step(n++, pools[1]);
        servedDuringRotation += 1;
      },
    });
    rotating = false;
    await traffic;

    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(servedDuringRotation).toBeGreaterThan(5);
    expect(served).toBeGreaterThanOrEqual(servedDuringRotation);
    expect(writes).toBeGreaterThan(2);
    expect(lines.join('\n')).toMatch(/secret\(s\) re-encrypted under master key version 2/);

    // The key file now holds both versions, still readable only by its owner.
    const file = keyFilePath(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseKeyring(readFileSync(file, 'utf8')).map((k) => k.version)).toEqual([1, 2]);
    // The running server picked the new version up without a restart.
    expect(t.services.keyring.primary.version).toBe(2);

    const fileKeyring = new Keyring(loadOrCreateKeyFile(dataDir));
    expect((await countStaleSecrets(t.db, fileKeyring, t.services.secrets)).every((s) => s.count === 0)).toBe(true);
    const rows = await t.db.selectFrom('ai_keys').select(['id', 'encrypted_key', 'key_fingerprint']).execute();
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      expect(row.encrypted_key).toMatch(/^v1\.2\./);
      expect(row.key_fingerprint).toMatch(/^2:/);
      aiKeys.clearCache();
      expect((await aiKeys.resolveForUse(workspaceId, { keyId: row.id })).apiKey).toBe(expected.get(row.id));
    }
    // Webhook secrets moved too, through the same registry.
    const hookRows = await t.db.selectFrom('webhook_secrets').select(['id', 'secret_enc']).execute();
    expect(hookRows).toHaveLength(1);
    expect(hookRows[0].secret_enc).toMatch(/^v1\.2\./);
    expect(fileKeyring.decrypt(hookRows[0].secret_enc, `webhook_secrets:${hookRows[0].id}:secret_enc`)).toBe(webhookSecret);
    // Duplicates are still found through the re-derived fingerprints.
    const dup = await t.post('/api/ai-keys', { token, body: { workspace_id: workspaceId, provider: 'groq', key_name: 'dup', api_key: expected.values().next().value } });
    expect(dup.status).toBe(409);
  });

  it('retires the old master key only once nothing needs it', async () => {
    const log: string[] = [];
    expect(await rotateMasterKey({ config: { masterKey: undefined, dataDir }, db: t.db, columns: t.services.secrets, mode: 'retire-old', log: (l) => log.push(l) })).toBe(0);
    const left = loadOrCreateKeyFile(dataDir);
    expect(left.map((k) => k.version)).toEqual([2]);
    // Version 2 alone opens every stored key.
    const onlyNew = new Keyring(left);
    for (const row of await t.db.selectFrom('ai_keys').select(['id', 'encrypted_key']).execute()) {
      expect(onlyNew.decrypt(row.encrypted_key!, keyAad(row.id))).toBe(expected.get(row.id));
    }
    // And the server keeps serving.
    t.services.aiKeys.service.clearCache();
    const [id, apiKey] = [...expected.entries()][0];
    expect((await t.services.aiKeys.service.resolveForUse(workspaceId, { keyId: id })).apiKey).toBe(apiKey);
  });

  it('with ATRIUM_MASTER_KEY: prints the new keyring, re-encrypts once deployed, and refuses to retire too early', async () => {
    // The operator's current value: the keys the secrets are sealed under.
    const current = formatKeyring(loadOrCreateKeyFile(dataDir)).trim();
    const log: string[] = [];
    const opts = { db: t.db, columns: t.services.secrets, log: (l: string) => log.push(l) };
    expect(await rotateMasterKey({ ...opts, config: { masterKey: current, dataDir }, mode: 'rotate' })).toBe(0);
    const printed = /ATRIUM_MASTER_KEY=(\S+)/.exec(log.join('\n'))![1];
    expect(printed.startsWith(current)).toBe(true); // old versions stay so existing secrets remain readable
    expect(parseKeyring(printed).map((k) => k.version)).toEqual([2, 3]);
    // Nothing was re-encrypted yet (other processes could not read version 3), so retiring is refused.
    log.length = 0;
    expect(await rotateMasterKey({ ...opts, config: { masterKey: printed, dataDir }, mode: 'retire-old' })).toBe(1);
    expect(log.join('\n')).toMatch(/still under an old master key/);
    // Once deployed everywhere: re-encrypt, then retire.
    expect(await rotateMasterKey({ ...opts, config: { masterKey: printed, dataDir }, mode: 'reencrypt' })).toBe(0);
    log.length = 0;
    expect(await rotateMasterKey({ ...opts, config: { masterKey: printed, dataDir }, mode: 'retire-old' })).toBe(0);
    const final = parseKeyring(/ATRIUM_MASTER_KEY=(\S+)/.exec(log.join('\n'))![1]);
    expect(final.map((k) => k.version)).toEqual([3]);
    envKeyring = formatKeyring(final).trim();
    const only3 = new Keyring(final);
    for (const row of await t.db.selectFrom('ai_keys').select(['id', 'encrypted_key']).execute()) {
      expect(only3.decrypt(row.encrypted_key!, keyAad(row.id))).toBe(expected.get(row.id));
    }
  });

  it('reports blobs no configured key can open, leaves them alone, and moves the rest', async () => {
    const id = [...expected.keys()][1];
    const before = await t.db.selectFrom('ai_keys').select('encrypted_key').where('id', '=', id).executeTakeFirstOrThrow();
    // A blob sealed for another row: its AAD does not match this one.
    const foreign = (await t.db.selectFrom('ai_keys').select('encrypted_key').where('id', '!=', id).executeTakeFirstOrThrow()).encrypted_key;
    await t.db.updateTable('ai_keys').set({ encrypted_key: foreign }).where('id', '=', id).execute();
    const log: string[] = [];
    const env = `${envKeyring},${formatKeyring([generateMasterKey(4)]).trim()}`;
    const code = await rotateMasterKey({ config: { masterKey: env, dataDir }, db: t.db, columns: t.services.secrets, mode: 'reencrypt', log: (l) => log.push(l) });
    expect(code).toBe(1);
    expect(log.join('\n')).toContain(`cannot decrypt ai_keys.encrypted_key of ${id}`);
    expect((await t.db.selectFrom('ai_keys').select('encrypted_key').where('id', '=', id).executeTakeFirstOrThrow()).encrypted_key).toBe(foreign);
    const others = await t.db.selectFrom('ai_keys').select('encrypted_key').where('id', '!=', id).execute();
    expect(others.every((r) => r.encrypted_key!.startsWith('v1.4.'))).toBe(true);
    await t.db.updateTable('ai_keys').set({ encrypted_key: before.encrypted_key }).where('id', '=', id).execute();
  });
});

describe('atrium rotate-master-key (CLI, key file)', () => {
  let t: TestApp;
  let dataDir: string;
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'rotate-master-key', ...args], {
      env: { ...process.env, ATRIUM_DATA_DIR: dataDir, ATRIUM_DATABASE_URL: `sqlite:${path.join(dataDir, 'atrium.sqlite')}`, ATRIUM_MASTER_KEY: '', LOG_LEVEL: 'silent' },
      cwd: process.cwd(),
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-cli-'));
    // A "server" on the same SQLite file and key file as the command.
    t = await createTestApp('sqlite', { sqliteFile: path.join(dataDir, 'atrium.sqlite'), keyring: loadKeyring({ masterKey: undefined, dataDir }) });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Three CLI runs, each starting a TypeScript process: slow on a loaded machine, hence the wider limit.
  it('rotates, keeps the server serving, retires the old key, and rejects unknown flags', { timeout: 120_000 }, async () => {
    const owner = await t.signup();
    const ws = await t.createWorkspace(owner.token);
    const apiKey = newKey();
    const created = await t.post('/api/ai-keys', { token: owner.token, body: { workspace_id: ws.id, provider: 'openai', key_name: 'k', api_key: apiKey } });
    expect(created.status).toBe(201);

    const rotated = await cli([]);
    expect(rotated.stdout).toContain('Added master key version 2');
    expect(rotated.stdout).toContain('1 secret(s) re-encrypted under master key version 2');
    expect(rotated.stdout + rotated.stderr).not.toContain(apiKey);
    expect(statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);

    // The server, started before the rotation, reads the re-encrypted key.
    t.services.aiKeys.service.clearCache();
    expect((await t.services.aiKeys.service.resolveForUse(ws.id, { keyId: created.body.id })).apiKey).toBe(apiKey);

    const retired = await cli(['--retire-old', '--batch-size=10']);
    expect(retired.stdout).toContain('Retired master key version(s) 1');
    expect(loadOrCreateKeyFile(dataDir).map((k) => k.version)).toEqual([2]);

    await expect(cli(['--bogus'])).rejects.toMatchObject({ code: 2 });
  });
});
