import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { engines, type Member, type TestApp } from '../../../test/harness.js';
import { endpointFor, publish, Receiver, spawnWorker, waitFor, webhookApp, type WorkerProcess, type Received } from './helpers.js';

const verifies = (secret: string, req: Received) => {
  try {
    new Webhook(secret).verify(req.body, req.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
};

/**
 * A receiver that holds every request until let go: with 2 slots per endpoint
 * the worker has 2 attempts under way and the rest of the queue claimed ahead,
 * waiting locally. Nothing can be in the air while the change is made, so
 * every request that arrives afterwards was started after the change committed.
 */
class HeldReceiver {
  private gates: (() => void)[] = [];
  holding = true;
  constructor(readonly receiver: Receiver) {}

  static async start(answer: (req: Received) => number = () => 200): Promise<HeldReceiver> {
    // eslint-disable-next-line prefer-const
    let held: HeldReceiver;
    const receiver = await Receiver.start(async (req) => {
      if (held.holding) await new Promise<void>((resolve) => held.gates.push(resolve));
      return { status: answer(req) };
    });
    held = new HeldReceiver(receiver);
    return held;
  }

  get requests() {
    return this.receiver.requests;
  }

  /** Answers the held requests, and from now on every request at once. */
  release(): void {
    this.holding = false;
    for (const go of this.gates.splice(0)) go();
  }

  /** Answers only the first held request. */
  releaseOne(): void {
    this.gates.shift()?.();
  }

  close(): Promise<void> {
    this.release();
    return this.receiver.close();
  }
}

const QUEUED = 20;

const finished = (t: TestApp, owner: Member, endpointId: string) =>
  waitFor(async () => {
    const res = await t.get(`/api/webhooks/${endpointId}/deliveries`, { token: owner.token, query: { limit: '100' } });
    const rows = res.body.data as { status: string }[];
    return rows.length === QUEUED && rows.every((d) => d.status === 'succeeded' || d.status === 'failed') ? rows : null;
  }, 'every delivery to finish');

describe.each(engines)('claimed-ahead deliveries follow endpoint changes (%s)', (engine) => {
  const setup = async (answer?: (req: Received) => number) => {
    const t = await webhookApp(engine, { env: { ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY: '2', ATRIUM_WEBHOOK_TIMEOUT_MS: '20000' } });
    const held = await HeldReceiver.start(answer);
    const owner = await t.signup('owner');
    const ws = (await t.createWorkspace(owner.token)).id;
    const ep = await endpointFor(t, owner.token, ws, held.receiver);
    await Promise.all(Array.from({ length: QUEUED }, (_, i) => publish(t, owner.token, ws, 'custom.thing', { i })));
    const inFlight = async () =>
      Number((await t.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll().as('n')).where('endpoint_id', '=', ep.id).where('status', '=', 'in_flight').executeTakeFirstOrThrow()).n);
    // Two attempts held by the receiver, and more deliveries claimed ahead, waiting in the worker.
    await waitFor(async () => held.requests.length === 2 && (await inFlight()) > 4, 'two attempts under way and more claimed ahead');
    return { t, held, owner, ws, ep };
  };

  it('sends nothing more once the endpoint is disabled', async () => {
    const { t, held, owner, ep } = await setup();
    try {
      expect((await t.post(`/api/webhooks/${ep.id}/disable`, { token: owner.token })).status).toBe(200);
      held.release();
      const rows = await finished(t, owner, ep.id);
      // The two under way finish; the ones claimed ahead fail as disabled (recover re-queues them).
      expect(rows.filter((d) => d.status === 'succeeded')).toHaveLength(2);
      expect(held.requests).toHaveLength(2);
    } finally {
      await t.close();
      await held.close();
    }
  });

  it('sends to the new URL once the URL has changed', async () => {
    const { t, held, owner, ep } = await setup();
    const next = await Receiver.start();
    try {
      expect((await t.patch(`/api/webhooks/${ep.id}`, { token: owner.token, body: { url: next.url('/new') } })).status).toBe(200);
      held.release();
      const rows = await finished(t, owner, ep.id);
      expect(rows.every((d) => d.status === 'succeeded')).toBe(true);
      expect(held.requests).toHaveLength(2);
      expect(next.requests).toHaveLength(QUEUED - 2);
      // The attempt log names the URL each attempt went to.
      const logs = (await t.get(`/api/webhooks/${ep.id}/logs`, { token: owner.token, query: { limit: '100' } })).body.data as { url: string }[];
      expect(logs.filter((a) => a.url === next.url('/new'))).toHaveLength(QUEUED - 2);
    } finally {
      await t.close();
      await held.close();
      await next.close();
    }
  });

  it('signs with the new secret only once the old one is revoked (rotation without grace)', async () => {
    const { t, held, owner, ep } = await setup();
    try {
      const rotated = await t.post(`/api/webhooks/${ep.id}/rotate-secret`, { token: owner.token, body: { grace_period_seconds: 0 } });
      expect(rotated.status).toBe(200);
      held.release();
      await finished(t, owner, ep.id);
      expect(held.requests).toHaveLength(QUEUED);
      const [before, after] = [held.requests.slice(0, 2), held.requests.slice(2)];
      expect(before.every((r) => verifies(ep.secret, r))).toBe(true);
      expect(after.filter((r) => verifies(ep.secret, r))).toEqual([]);
      expect(after.every((r) => verifies(rotated.body.secret, r))).toBe(true);
    } finally {
      await t.close();
      await held.close();
    }
  });

  it('stops everything queued for the endpoint at the first 410 Gone', async () => {
    const { t, held, owner, ep } = await setup(({ n }) => (n === 1 ? 410 : 200));
    try {
      // The first attempt gets its 410 while the second is still under way.
      held.releaseOne();
      await waitFor(async () => (await t.get(`/api/webhooks/${ep.id}`, { token: owner.token })).body.is_active === false, 'the endpoint to be disabled');
      held.release();
      const rows = await finished(t, owner, ep.id);
      expect(held.requests).toHaveLength(2);
      expect(rows.filter((d) => d.status === 'succeeded')).toHaveLength(1);
    } finally {
      await t.close();
      await held.close();
    }
  });
});

const children: WorkerProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    c.removeDataDir();
  }
});

describe.runIf(process.env.TEST_DATABASE_URL)('claimed-ahead deliveries follow changes made by another process (postgres)', () => {
  it('an `atrium worker` sends no claimed-ahead delivery to the old URL once the API process has changed it', async () => {
    // The API process runs no worker; a separate `atrium worker` (no in-process signal can reach it) sends.
    const t = await webhookApp('postgres', { worker: false });
    const held = await HeldReceiver.start();
    const next = await Receiver.start();
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      const moved = await endpointFor(t, owner.token, ws, held.receiver, { event_types: ['custom.moved'] });
      const worker = await spawnWorker(t, {
        ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY: '2',
        ATRIUM_WEBHOOK_TIMEOUT_MS: '20000',
        ATRIUM_WEBHOOK_POLL_INTERVAL: '100ms',
      });
      children.push(worker);
      await Promise.all(Array.from({ length: QUEUED }, (_, i) => publish(t, owner.token, ws, 'custom.moved', { i })));
      const inFlight = async () =>
        Number((await t.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll().as('n')).where('endpoint_id', '=', moved.id).where('status', '=', 'in_flight').executeTakeFirstOrThrow()).n);
      await waitFor(async () => held.requests.length === 2 && (await inFlight()) > 4, 'two attempts under way and more claimed ahead');

      expect((await t.patch(`/api/webhooks/${moved.id}`, { token: owner.token, body: { url: next.url('/new') } })).status).toBe(200);
      held.release();
      await finished(t, owner, moved.id);
      expect(held.requests).toHaveLength(2);
      expect(next.requests).toHaveLength(QUEUED - 2);

      worker.proc.kill('SIGTERM');
      expect((await worker.exited).code).toBe(0);
    } finally {
      await t.close();
      await held.close();
      await next.close();
    }
  }, 90_000);
});
