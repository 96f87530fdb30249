import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { notify, pgListen } from '../../../core/db/database.js';
import { DUE_CHANNEL } from '../webhooks.repository.js';
import { endpointFor, publish, Receiver, spawnWorker, waitFor, webhookApp, type WorkerProcess } from './helpers.js';

/**
 * Cross-process wake-ups on PostgreSQL: an `atrium worker` whose poll interval
 * is a minute still delivers within seconds, because the publishing process
 * NOTIFYs on commit and the worker LISTENs. Deadlines are generous but far
 * below the poll interval: only the notification can explain the delivery.
 */
const POLL = '60s';
const PROMPTLY_MS = 15_000;

const children: WorkerProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    c.removeDataDir();
  }
});

describe.runIf(process.env.TEST_DATABASE_URL)('LISTEN/NOTIFY wake-ups (postgres)', () => {
  it('a separate worker is woken by the publisher\'s NOTIFY, and again after its LISTEN connection is killed', async () => {
    // The publishing app runs no worker: only the child process delivers.
    const t = await webhookApp('postgres', { worker: false });
    const receiver = await Receiver.start();
    // Its application_name names the child's connections, so this test finds its own listener only.
    const appName = `atrium_listen_${t.testDb.pgSchema}`;
    const listener = async () => {
      const { rows } = await sql<{ pid: number }>`
        select pid from pg_stat_activity
        where application_name = ${appName} and state = 'idle' and query ilike 'listen%'`.execute(t.db);
      return rows.length === 1 ? rows[0].pid : null;
    };
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      const endpoint = await endpointFor(t, owner.token, ws, receiver);

      const worker = await spawnWorker(t, { ATRIUM_WEBHOOK_POLL_INTERVAL: POLL }, { applicationName: appName });
      children.push(worker);
      const firstPid = await waitFor(listener, 'the worker to LISTEN');

      const first = await publish(t, owner.token, ws, 'custom.first');
      expect(first.deliveries).toBe(1);
      await waitFor(() => receiver.requests.some((r) => r.headers['webhook-id'] === first.id), 'the first delivery (woken by NOTIFY)', PROMPTLY_MS);

      // Kill the LISTEN connection: the worker reconnects (with backoff) on a new backend.
      await sql`select pg_terminate_backend(${firstPid}::int)`.execute(t.db);
      await waitFor(async () => {
        const pid = await listener();
        return pid !== null && pid !== firstPid;
      }, 'the worker to LISTEN again', PROMPTLY_MS);
      await worker.waitForLine(/LISTEN connection lost/, 'the warning about the lost connection');

      const second = await publish(t, owner.token, ws, 'custom.second');
      await waitFor(() => receiver.requests.some((r) => r.headers['webhook-id'] === second.id), 'the second delivery (after reconnecting)', PROMPTLY_MS);

      // A manual retry makes a delivery due now in another process: it NOTIFYs too.
      const { body } = await t.get(`/api/webhooks/${endpoint.id}/deliveries?limit=10`, { token: owner.token });
      const delivered = (body.data as { id: string; event_id: string }[]).find((d) => d.event_id === first.id)!;
      const retried = await t.post(`/api/webhooks/${endpoint.id}/deliveries/${delivered.id}/retry`, { token: owner.token });
      expect(retried.status).toBeLessThan(300);
      await waitFor(() => receiver.requests.filter((r) => r.headers['webhook-id'] === first.id).length === 2, 'the retried delivery', PROMPTLY_MS);

      worker.proc.kill('SIGTERM');
      expect((await worker.exited).code).toBe(0);
      // stop() closed the LISTEN connection.
      expect(await listener()).toBeNull();
    } finally {
      await receiver.close();
      await t.close();
    }
  }, 90_000);

  it('keeps notifications within their schema: apps sharing a database do not wake each other', async () => {
    const a = await webhookApp('postgres', { worker: false });
    const b = await webhookApp('postgres', { worker: false });
    const woken = { a: 0, b: 0 };
    const listen = (schema: string, app: 'a' | 'b') =>
      pgListen({ connectionString: process.env.TEST_DATABASE_URL!, options: `-c search_path=${schema}` }, DUE_CHANNEL, { onNotify: () => (woken[app] += 1) });
    const stops = [listen(a.testDb.pgSchema!, 'a'), listen(b.testDb.pgSchema!, 'b')];
    try {
      // Each listener is woken once when it starts (what was sent before is unknown to it).
      await waitFor(() => woken.a === 1 && woken.b === 1, 'both listeners to start');
      for (let i = 0; i < 3; i++) await notify(a.db, DUE_CHANNEL);
      await waitFor(() => woken.a === 4, "A's listener to hear A's three notifications");
      // B's own notification comes after A's in commit order: had A's reached B, B would have heard them first.
      await notify(b.db, DUE_CHANNEL);
      await waitFor(() => woken.b >= 2, "B's listener to hear B's notification");
      expect(woken).toEqual({ a: 4, b: 2 });
    } finally {
      await Promise.all(stops.map((stop) => stop()));
      await a.close();
      await b.close();
    }
  });
});
