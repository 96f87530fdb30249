import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, engines, type Engine } from '../../../test/harness.js';
import { endpointFor, publish, Receiver, spawnTs, waitFor, type Child } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child's database URL: a SQLite file, or the test PostgreSQL with the suite's own schema. */
function childDatabaseUrl(engine: Engine, sqliteFile: string, pgSchema?: string): string {
  if (engine === 'sqlite') return `sqlite:${sqliteFile}`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.searchParams.set('options', `-c search_path=${pgSchema}`);
  return url.toString();
}

async function api(base: string, method: string, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + url, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

// Killed after each test even when it times out (its finally block would not run then).
const children: Child[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
});

describe.each(engines)('crash and scale-out (%s)', (engine) => {
  it('delivers every accepted event after the server is killed (SIGKILL) mid-delivery and restarted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atrium-crash-'));
    // The schema (PostgreSQL) or file (SQLite) the two server lives share.
    const testDb = await createTestDatabase(engine, { sqliteFile: path.join(dir, 'atrium.sqlite') });
    await testDb.database.close();
    const env = {
      ATRIUM_DATA_DIR: dir,
      ATRIUM_DATABASE_URL: childDatabaseUrl(engine, path.join(dir, 'atrium.sqlite'), testDb.pgSchema),
      ATRIUM_MASTER_KEY: `1:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: 'silent',
      ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      ATRIUM_WEBHOOK_TIMEOUT_MS: '2000',
      ATRIUM_WEBHOOK_LEASE: '3s',
      ATRIUM_WEBHOOK_RETRY_SCHEDULE: '0,100ms,100ms,100ms,100ms,100ms',
      ATRIUM_WEBHOOK_POLL_INTERVAL: '50ms',
      ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY: '6',
    };
    const seen = new Map<string, number>();
    let receiving = true;
    // Each answer takes 300 ms, so several attempts are always in flight.
    const receiver = await Receiver.start(async (req) => {
      const id = String(req.headers['webhook-id']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      await sleep(300);
      return receiving ? { status: 200 } : { status: 503 };
    });
    try {
      const first = await spawnTs(['src/modules/webhooks/__tests__/crash-child.ts'], env);
      children.push(first);
      const base = (await first.waitForLine(/^READY /, 'the first server')).slice('READY '.length);
      const user = await api(base, 'POST', '/api/auth/register', undefined, { email: 'crash@example.com', password: 'correct horse battery', name: 'Crash' });
      const token = user.body.token as string;
      const ws = (await api(base, 'POST', '/api/workspaces', token, { name: 'Crash' })).body.id as string;
      const ep = await api(base, 'POST', '/api/webhooks', token, { workspace_id: ws, url: receiver.url(), event_types: ['custom.*'] });
      expect(ep.status).toBe(201);

      const accepted: string[] = [];
      for (let i = 0; i < 60; i++) {
        const res = await api(base, 'POST', '/api/events', token, { workspace_id: ws, event_type: 'custom.crash', payload: { i } });
        expect(res.status).toBe(202);
        accepted.push(res.body.id);
      }
      await waitFor(() => seen.size >= 8, 'some deliveries under way');
      first.proc.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const beforeKill = new Set(seen.keys());
      expect(beforeKill.size).toBeLessThan(accepted.length); // the kill happened mid-way

      const second = await spawnTs(['src/modules/webhooks/__tests__/crash-child.ts'], env);
      children.push(second);
      const base2 = (await second.waitForLine(/^READY /, 'the restarted server')).slice('READY '.length);
      await waitFor(() => accepted.every((id) => seen.has(id)), 'every accepted event to arrive', 60_000);
      const done = await waitFor(async () => {
        const res = await api(base2, 'GET', `/api/webhooks/${ep.body.id}/deliveries?status=succeeded&limit=200`, token);
        return res.body?.data?.length === accepted.length ? res.body.data : null;
      }, 'every delivery to be recorded as succeeded', 60_000);
      expect(done).toHaveLength(60);

      // At-least-once: duplicates only for events whose attempt was under way at the kill.
      const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      for (const id of duplicates) expect(beforeKill.has(id), `${id} was delivered twice but was not in flight`).toBe(true);
      // The last request seen before the kill was still waiting for its answer: it had to be sent again.
      expect(duplicates.length).toBeGreaterThan(0);
      expect(Math.max(...seen.values())).toBeLessThanOrEqual(2);

      // A graceful stop exits cleanly.
      second.proc.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    } finally {
      receiving = false;
      await receiver.close();
      if (testDb.pgSchema) await testDb.drop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.runIf(engine === 'postgres')('two `atrium worker` processes drain one queue without ever sending an attempt twice at once', async () => {
    const t = await createTestApp('postgres', { env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32' } });
    const inFlight = new Map<string, number>();
    const received = new Map<string, number>();
    const overlaps: string[] = [];
    const receiver = await Receiver.start(async (req) => {
      const key = `${req.path} ${String(req.headers['webhook-id'])}`;
      received.set(key, (received.get(key) ?? 0) + 1);
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      if (inFlight.get(key)! > 1) overlaps.push(key);
      await sleep(10);
      inFlight.set(key, inFlight.get(key)! - 1);
      return { status: 200 };
    });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-workers-'));
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      const endpoints = [];
      for (let i = 0; i < 4; i++) endpoints.push(await endpointFor(t, owner.token, ws, { url: () => receiver.url(`/hook/${i}`) } as Receiver));

      const env = {
        ATRIUM_DATABASE_URL: childDatabaseUrl('postgres', '', t.testDb.pgSchema),
        ATRIUM_DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
        ATRIUM_WEBHOOK_POLL_INTERVAL: '20ms',
        ATRIUM_WEBHOOK_CONCURRENCY: '8',
        ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY: '2',
      };
      // Both workers must decrypt what this process encrypted: same master key.
      const masterKey = `${t.services.keyring.primary.version}:${t.services.keyring.primary.key.toString('base64')}`;
      for (let i = 0; i < 2; i++) children.push(await spawnTs(['src/main.ts', 'worker'], { ...env, ATRIUM_MASTER_KEY: masterKey }));
      await Promise.all(children.map((c) => c.waitForLine(/webhook worker started/, 'a worker to start')));

      for (let i = 0; i < 100; i++) await publish(t, owner.token, ws, 'custom.job', { i });
      const total = 400;
      await waitFor(async () => {
        const row = await t.db
          .selectFrom('webhook_deliveries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', ws)
          .where('status', '=', 'succeeded')
          .executeTakeFirstOrThrow();
        return Number(row.n) === total;
      }, 'all 400 deliveries', 60_000);

      expect(overlaps).toEqual([]);
      expect(received.size).toBe(total);
      expect([...received.values()].every((n) => n === 1)).toBe(true);
      const attempts = await t.db.selectFrom('webhook_attempts').select(['delivery_id', 'worker_id']).where('workspace_id', '=', ws).execute();
      expect(attempts).toHaveLength(total);
      expect(new Set(attempts.map((a) => a.delivery_id)).size).toBe(total);
      expect(new Set(attempts.map((a) => a.worker_id)).size).toBe(2); // both workers took part

      for (const c of children) c.proc.kill('SIGTERM');
      for (const c of children) expect((await c.exited).code).toBe(0);
    } finally {
      await receiver.close();
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
