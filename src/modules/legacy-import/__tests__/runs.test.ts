import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../test/harness.js';
import { spawnTs } from '../../webhooks/__tests__/helpers.js';
import { createLegacyImportModule } from '../legacy-import.module.js';
import { createLegacySource, EXPECTED, type LegacySource } from './legacy-fixture.js';

const TABLES = ['users', 'workspaces', 'workspace_members', 'invitations', 'webhook_endpoints', 'webhook_secrets', 'ai_keys', 'ai_usage_daily', 'activity', 'legacy_import_map'] as const;

async function counts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** Dry runs, a wrong key and interrupted runs, in process and through the real CLI (the original on SQLite). */
describe.each(engines)('import-legacy runs into %s', (engine) => {
  let dir: string;
  let t: TestApp;
  let source: LegacySource;
  const importer = () => createLegacyImportModule({ db: t.db, keyring: t.services.keyring });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'atrium-import-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    t = await createTestApp(engine, engine === 'sqlite' ? { sqliteFile: path.join(dir, `${randomBytes(4).toString('hex')}.db`) } : {});
    source = await createLegacySource('sqlite', { webhookUrl: 'https://hooks.example.com/a', openaiEndpoint: 'https://llm.example.com/v1' });
  });
  afterEach(async () => {
    await t.close();
    await source.drop();
  });

  it('--dry-run reports what it would import and writes nothing', async () => {
    const before = await counts(t);
    const report = await importer().run({ from: source.url, encryptionKey: source.data.encryptionKey, dryRun: true });
    expect(report.dry_run).toBe(true);
    for (const [table, expected] of Object.entries(EXPECTED)) expect(report.tables[table], table).toMatchObject(expected);
    expect(report.skipped.length).toBe(Object.values(EXPECTED).reduce((n, e) => n + e.skipped, 0));
    expect(await counts(t)).toEqual(before);
  });

  it('a wrong --encryption-key imports the keys inactive and says so', async () => {
    const wrongKey = randomBytes(32).toString('base64url');
    const report = await importer().run({ from: source.url, encryptionKey: wrongKey });
    expect(report.tables.ai_keys).toMatchObject(EXPECTED.ai_keys);
    const keys = await t.db.selectFrom('ai_keys').select(['key_name', 'is_active', 'encrypted_key', 'key_preview']).orderBy('key_name').execute();
    expect(keys).toEqual([
      { key_name: 'Claude', is_active: 0, encrypted_key: null, key_preview: null },
      { key_name: 'Gemini', is_active: 0, encrypted_key: null, key_preview: null },
      { key_name: 'OpenAI prod', is_active: 0, encrypted_key: null, key_preview: null },
    ]);
    expect(report.notes.filter((n) => n.table === 'ai_keys').map((n) => n.message)).toEqual(
      Array(3).fill('the key could not be decrypted with the given --encryption-key (wrong key?): imported inactive; rotate the key in atrium to use it'),
    );
  });

  it('a run stopped between batches resumes without importing anything twice', async () => {
    let batches = 0;
    const stopped = importer().run({
      from: source.url,
      encryptionKey: source.data.encryptionKey,
      batchSize: 1,
      onBatch: () => {
        batches += 1;
        if (batches === 7) throw new Error('stopped after batch 7');
      },
    });
    await expect(stopped).rejects.toThrow('stopped after batch 7');
    const partial = await counts(t);
    expect(partial.users).toBe(3);
    expect(partial.workspace_members).toBeLessThan(5);
    const resumed = await importer().run({ from: source.url, encryptionKey: source.data.encryptionKey, batchSize: 1 });
    expect(resumed.tables.users).toMatchObject({ imported: 0, already_imported: 3 });
    const all = await counts(t);
    expect(all).toMatchObject({ users: 3, workspaces: 2, workspace_members: 5, invitations: 2, webhook_endpoints: 3, webhook_secrets: 3, ai_keys: 3, ai_usage_daily: 2, activity: 4 });
    const owners = await t.db.selectFrom('workspace_members').select('workspace_id').where('role', '=', 'owner').execute();
    expect(owners).toHaveLength(2);
  });

  /** The real CLI, as an operator runs it, against this test's database. */
  function cli(args: string[]) {
    const target = engine === 'sqlite' ? t.testDb.url : (() => {
      const url = new URL(t.testDb.url);
      url.searchParams.set('options', `-c search_path=${t.testDb.pgSchema}`);
      return url.toString();
    })();
    const { primary } = t.services.keyring;
    return spawnTs(['src/main.ts', 'import-legacy', ...args], {
      ATRIUM_DATABASE_URL: target,
      ATRIUM_DATA_DIR: dir,
      ATRIUM_MASTER_KEY: `${primary.version}:${primary.key.toString('base64')}`,
      LOG_LEVEL: 'info',
    });
  }

  async function finished(child: Awaited<ReturnType<typeof cli>>) {
    const exit = await child.exited;
    return { ...exit, out: child.lines.join('\n') };
  }

  it('through the CLI: a dry run, a killed run, its resumption and the JSON report, never showing a secret', async () => {
    const dry = await finished(await cli(['--from', source.url, '--encryption-key', source.data.encryptionKey, '--dry-run']));
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run: nothing was written');
    expect((await counts(t)).users).toBe(0);

    const killed = await cli(['--from', source.url, `--encryption-key=${source.data.encryptionKey}`, '--batch-size=1']);
    await killed.waitForLine(/workspace_members: batch 2 committed/, 'two member batches');
    killed.proc.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');

    const reportFile = path.join(dir, `report-${engine}.json`);
    const resumed = await finished(await cli(['--from', source.url, '--encryption-key', source.data.encryptionKey, '--report', reportFile]));
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain('Imported from sqlite:');
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { tables: Record<string, { imported: number; already_imported: number }> };
    for (const [table, expected] of Object.entries(EXPECTED)) expect(report.tables[table].imported + report.tables[table].already_imported, table).toBe(expected.imported);
    expect(report.tables.users).toMatchObject({ imported: 0, already_imported: 3 });
    expect(await counts(t)).toMatchObject({ users: 3, workspace_members: 5, ai_keys: 3, activity: 4 });

    const again = await finished(await cli(['--from', source.url, '--encryption-key', source.data.encryptionKey]));
    expect(again.out).toMatch(/users\s+imported 0, already imported 3/);
    for (const text of [dry.out, resumed.out, again.out, readFileSync(reportFile, 'utf8')]) {
      for (const secret of source.data.secrets) expect(text).not.toContain(secret);
    }
  }, 180_000);

  it('through the CLI: bad input exits with 2 and changes nothing', async () => {
    const missing = await finished(await cli(['--from', path.join(dir, 'nothing-here.db')]));
    expect(missing.code).toBe(2);
    const badKey = await finished(await cli(['--from', source.url, '--encryption-key', 'not-a-fernet-key']));
    expect(badKey.code).toBe(2);
    const noFrom = await finished(await cli(['--dry-run']));
    expect(noFrom.code).toBe(2);
    expect((await counts(t)).users).toBe(0);
  }, 120_000);
});
