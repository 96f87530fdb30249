import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { engines, type TestApp } from '../../../test/harness.js';
import { spawnTs, waitFor, webhookApp, type Child } from './helpers.js';
import { freePort } from '../../../test/ports.js';

/**
 * Holds the database the way a real outage of the claim loop looks: on SQLite
 * a long transaction keeps the only connection (every other query waits for
 * it); on PostgreSQL a transaction holds an exclusive lock on the queue table.
 */
async function holdDatabase(t: TestApp): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = t.db.transaction().execute(async (trx) => {
    if (t.engine === 'postgres') await sql`lock table webhook_deliveries in access exclusive mode`.execute(trx);
    else await sql`select 1`.execute(trx);
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

describe.each(engines)('webhook worker health in serve (%s)', (engine) => {
  it('/api/health and /api/ready answer 503 while the claim loop is stuck, and 200 again once it runs', async () => {
    const t = await webhookApp(engine, { env: { ATRIUM_WEBHOOK_STALL_AFTER: '1s' } });
    try {
      expect(await t.get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await t.get('/api/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });

      const release = await holdDatabase(t);
      try {
        const live = await waitFor(async () => {
          const res = await t.get('/api/health');
          return res.status === 503 ? res : null;
        }, 'liveness to fail');
        expect(live.body.error).toMatchObject({ code: 'not_live', details: { reason: 'loop_stalled' } });
        expect(live.body.error.message).toMatch(/claim loop has not completed a cycle/);
        const ready = await t.get('/api/ready');
        expect(ready.status).toBe(503);
        expect(ready.body.error.code).toBe('not_ready');
        // SQLite: the ping waits behind the same transaction (and gives up); PostgreSQL: the database answers, the worker does not.
        expect(ready.body.error.details.reason).toBe(engine === 'sqlite' ? 'database_unavailable' : 'loop_stalled');
      } finally {
        await release();
      }
      await waitFor(async () => (await t.get('/api/health')).status === 200, 'liveness to recover');
      await waitFor(async () => (await t.get('/api/ready')).status === 200, 'readiness to recover');
    } finally {
      await t.close();
    }
  }, 60_000);

  it('a worker that is not running (ATRIUM_WEBHOOK_WORKER=false) does not make serve unhealthy', async () => {
    const t = await webhookApp(engine, { worker: false, env: { ATRIUM_WEBHOOK_STALL_AFTER: '1s' } });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect((await t.get('/api/health')).status).toBe(200);
      expect((await t.get('/api/ready')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

/** A TCP relay to PostgreSQL that the test can cut (every connection dropped, new ones refused) and restore. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const children: Child[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
});


describe.runIf(process.env.TEST_DATABASE_URL)('`atrium worker` health (postgres)', () => {
  it('/health answers 503 with the reason while its database and LISTEN connections are lost, and 200 once they are back', async () => {
    const t = await webhookApp('postgres', { worker: false });
    const target = new URL(process.env.TEST_DATABASE_URL!);
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.open();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.host = `127.0.0.1:${relay.port}`;
    url.searchParams.set('options', `-c search_path=${t.testDb.pgSchema}`);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-health-'));
    const probePort = await freePort();
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${probePort}/health`);
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    try {
      const masterKey = `${t.services.keyring.primary.version}:${t.services.keyring.primary.key.toString('base64')}`;
      const worker = await spawnTs(['src/main.ts', 'worker'], {
        ATRIUM_DATABASE_URL: url.toString(),
        ATRIUM_DATA_DIR: dataDir,
        ATRIUM_MASTER_KEY: masterKey,
        ATRIUM_WORKER_METRICS_PORT: String(probePort),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ATRIUM_WEBHOOK_POLL_INTERVAL: '100ms',
      });
      children.push(worker);
      await worker.waitForLine(/webhook worker started/, 'the worker to start');
      await waitFor(async () => (await health()).status === 200, 'the worker to be healthy');

      await relay.cut();
      const down = await waitFor(async () => {
        const h = await health();
        return h.status === 503 ? h : null;
      }, 'the worker to report the lost connections');
      expect(down.body.error).toMatchObject({ code: 'worker_unhealthy', details: { reason: expect.stringMatching(/^(database_unavailable|listen_connection_lost)$/) } });
      expect(typeof down.body.error.message).toBe('string');

      // Back without a restart: the process never exited.
      await relay.open();
      await waitFor(async () => (await health()).status === 200, 'the worker to recover', 45_000);
      expect(worker.proc.exitCode).toBeNull();

      worker.proc.kill('SIGTERM');
      expect((await worker.exited).code).toBe(0);
    } finally {
      await relay.cut();
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
