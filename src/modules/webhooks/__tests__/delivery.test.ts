import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../identity/audit-context.js';
import { engines, type Member, type TestApp } from '../../../test/harness.js';
import { endpointFor, publish, Receiver, waitFor, webhookApp, type Reaction } from './helpers.js';

type Json = Record<string, any>;

const verify = (secret: string, req: { body: string; headers: Record<string, unknown> }) =>
  new Webhook(secret).verify(req.body, req.headers as Record<string, string>) as Json;

describe.each(engines)('webhook delivery (%s)', (engine) => {
  let t: TestApp;
  let owner: Member;
  const receivers: Receiver[] = [];

  const receiver = async (react?: (req: { n: number; body: string }) => Reaction | Promise<Reaction>) => {
    const r = await Receiver.start(react);
    receivers.push(r);
    return r;
  };
  const workspace = async () => (await t.createWorkspace(owner.token, `ws-${Math.random().toString(36).slice(2, 8)}`)).id;
  const deliveries = async (webhookId: string, query: Record<string, string> = {}) =>
    (await t.get(`/api/webhooks/${webhookId}/deliveries`, { token: owner.token, query })).body.data as Json[];
  const logs = async (webhookId: string) => (await t.get(`/api/webhooks/${webhookId}/logs`, { token: owner.token })).body.data as Json[];
  const webhook = async (id: string) => (await t.get(`/api/webhooks/${id}`, { token: owner.token })).body as Json;
  const settled = (webhookId: string, status: 'succeeded' | 'failed', count = 1) =>
    waitFor(async () => {
      const rows = await deliveries(webhookId, { status });
      return rows.length >= count ? rows : null;
    }, `${count} ${status} deliveries`);

  beforeAll(async () => {
    t = await webhookApp(engine);
    owner = await t.signup('owner');
  });
  afterAll(async () => {
    await t.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('signs every delivery per Standard Webhooks and sends the custom headers', async () => {
    const ws = await workspace();
    const r = await receiver();
    const ep = await endpointFor(t, owner.token, ws, r, { headers: { 'X-Team': 'core', Authorization: 'Bearer receiver-credential' } });
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const event = await publish(t, owner.token, ws, 'custom.order.paid', { order: 42 });

    const req = await waitFor(() => r.requests[0], 'a delivery');
    const body = verify(ep.secret, req);
    expect(body).toMatchObject({ id: event.id, type: 'custom.order.paid', workspace_id: ws, data: { order: 42 } });
    expect(Date.parse(body.timestamp)).not.toBeNaN();
    expect(req.headers['webhook-id']).toBe(event.id);
    expect(req.headers['user-agent']).toMatch(/^atrium-webhooks\/\d+\.\d+\.\d+/);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-team']).toBe('core');
    expect(req.headers.authorization).toBe('Bearer receiver-credential');
    // A different secret must not verify: the check above is meaningful.
    expect(() => verify('whsec_' + Buffer.alloc(24, 1).toString('base64'), req)).toThrow();

    const [attempt] = await waitFor(() => logs(ep.id).then((l) => (l.length ? l : null)), 'the attempt log');
    expect(attempt).toMatchObject({ attempt_number: 1, trigger: 'scheduled', status_code: 200, succeeded: true, error_class: null, response_body: 'ok', event_id: event.id });
    expect(attempt.request_headers['webhook-signature']).toBe(req.headers['webhook-signature']);
    expect(attempt.request_headers.authorization).toBe('[redacted]');
    expect(attempt.request_headers['x-team']).toBe('core');
    // The endpoint shows the header names but not the credential.
    expect((await webhook(ep.id)).headers).toEqual({ 'x-team': 'core', authorization: '[redacted]' });
  });

  it('signs with the old and the new secret during a rotation, then with the new one only', async () => {
    const ws = await workspace();
    const r = await receiver();
    const ep = await endpointFor(t, owner.token, ws, r);
    const rotated = await t.post(`/api/webhooks/${ep.id}/rotate-secret`, { token: owner.token, body: { grace_period_seconds: 3600 } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(ep.secret);
    expect(rotated.body.version).toBe(2);
    expect(Date.parse(rotated.body.previous_secret_expires_at) - Date.now()).toBeGreaterThan(3500_000);

    await publish(t, owner.token, ws);
    const during = await waitFor(() => r.requests[0], 'a delivery during the grace period');
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(ep.secret, during).type).toBe('custom.thing');
    expect(verify(rotated.body.secret, during).type).toBe('custom.thing');

    // No grace: every previous secret stops signing at once.
    const again = await t.post(`/api/webhooks/${ep.id}/rotate-secret`, { token: owner.token, body: { grace_period_seconds: 0 } });
    expect(again.body.version).toBe(3);
    await publish(t, owner.token, ws);
    const after = await waitFor(() => r.requests[1], 'a delivery after the rotation');
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verify(again.body.secret, after).type).toBe('custom.thing');
    expect(() => verify(rotated.body.secret, after)).toThrow();
    expect(() => verify(ep.secret, after)).toThrow();
  });

  it('retries a receiver that fails 3 times, then succeeds, with one attempt logged each time', async () => {
    const ws = await workspace();
    const r = await receiver(({ n }) => (n <= 3 ? { status: 500, body: `fail ${n}` } : { status: 204 }));
    const ep = await endpointFor(t, owner.token, ws, r);
    const event = await publish(t, owner.token, ws);
    const [delivery] = await settled(ep.id, 'succeeded');
    expect(delivery).toMatchObject({ event_id: event.id, attempt_count: 4, last_status_code: 204 });
    expect(r.requests.map((q) => q.headers['webhook-id'])).toEqual([event.id, event.id, event.id, event.id]);

    const attempts = await logs(ep.id);
    expect(attempts.map((a) => a.attempt_number)).toEqual([4, 3, 2, 1]);
    expect(attempts.map((a) => a.status_code)).toEqual([204, 500, 500, 500]);
    expect(attempts[3]).toMatchObject({ succeeded: false, error_class: 'http_error', response_body: 'fail 1' });
    expect(attempts[3].next_attempt_at).not.toBeNull();
    expect(attempts[0].next_attempt_at).toBeNull();
    const endpoint = await webhook(ep.id);
    expect(endpoint).toMatchObject({ is_active: true, failure_count: 0, failing_since: null });
    expect(endpoint.last_success_at).not.toBeNull();
  });

  it('stops after the last step of the schedule and keeps the failing streak on the endpoint', async () => {
    const ws = await workspace();
    const r = await receiver(() => ({ status: 502 }));
    const ep = await endpointFor(t, owner.token, ws, r);
    await publish(t, owner.token, ws);
    const [delivery] = await settled(ep.id, 'failed');
    // FAST_ENV's schedule has 5 steps.
    expect(delivery).toMatchObject({ attempt_count: 5, last_status_code: 502, last_error_class: 'http_error', next_attempt_at: null });
    expect(r.requests).toHaveLength(5);
    const endpoint = await webhook(ep.id);
    expect(endpoint).toMatchObject({ is_active: true, failure_count: 5 });
    expect(endpoint.failing_since).not.toBeNull();
  });

  it('disables the endpoint on 410 Gone and records a webhook.disabled event', async () => {
    const ws = await workspace();
    const r = await receiver(() => ({ status: 410 }));
    const watcher = await receiver();
    const ep = await endpointFor(t, owner.token, ws, r);
    const watch = await endpointFor(t, owner.token, ws, watcher, { event_types: ['webhook.disabled'] });
    await publish(t, owner.token, ws);
    const [delivery] = await settled(ep.id, 'failed');
    expect(delivery).toMatchObject({ attempt_count: 1, last_status_code: 410 });
    const endpoint = await webhook(ep.id);
    expect(endpoint).toMatchObject({ is_active: false, disabled_reason: 'gone' });
    expect(endpoint.disabled_message).toContain('410');
    expect(endpoint.disabled_at).not.toBeNull();

    // The event went through the outbox to the workspace's other endpoint.
    const notice = await waitFor(() => watcher.requests[0], 'the webhook.disabled event');
    expect(verify(watch.secret, notice)).toMatchObject({ type: 'webhook.disabled', data: { resource: { type: 'webhook', id: ep.id }, reason: 'gone', actor: { type: 'system' } } });
    // Nothing more is queued for a disabled endpoint.
    expect((await publish(t, owner.token, ws)).deliveries).toBe(0);
    expect(r.requests).toHaveLength(1);
  });

  it('classifies timeouts, connection resets and refused connections, and retries them', async () => {
    const ws = await workspace();
    const slow = await receiver(({ n }) => (n === 1 ? { hang: true } : { status: 200 }));
    const flaky = await receiver(({ n }) => (n === 1 ? { reset: true } : { status: 200 }));
    const closed = await receiver();
    await closed.close();
    const a = await endpointFor(t, owner.token, ws, slow);
    const b = await endpointFor(t, owner.token, ws, flaky);
    const c = await endpointFor(t, owner.token, ws, closed);
    await publish(t, owner.token, ws);
    await settled(a.id, 'succeeded');
    await settled(b.id, 'succeeded');
    await settled(c.id, 'failed');
    expect((await logs(a.id)).map((x) => x.error_class)).toEqual([null, 'timeout']);
    expect((await logs(a.id))[1]).toMatchObject({ status_code: null, succeeded: false });
    expect((await logs(b.id)).map((x) => x.error_class)).toEqual([null, 'connection_reset']);
    expect(new Set((await logs(c.id)).map((x) => x.error_class))).toEqual(new Set(['connection_refused']));
  });

  it('waits at least as long as Retry-After asks', async () => {
    const ws = await workspace();
    const r = await receiver(({ n }) => (n === 1 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 200 }));
    const ep = await endpointFor(t, owner.token, ws, r);
    await publish(t, owner.token, ws);
    await settled(ep.id, 'succeeded');
    const [second, first] = await logs(ep.id);
    const scheduled = Date.parse(first.next_attempt_at);
    // The schedule alone says 30 ms; the receiver asked for 1 s.
    expect(scheduled - Date.parse(first.created_at)).toBeGreaterThanOrEqual(1000);
    expect(Date.parse(second.created_at)).toBeGreaterThanOrEqual(scheduled);
  });

  it('recovers failed deliveries since a time once the receiver is fixed', async () => {
    const ws = await workspace();
    let healthy = false;
    const r = await receiver(() => (healthy ? { status: 200 } : { status: 500 }));
    const ep = await endpointFor(t, owner.token, ws, r);
    const since = new Date(Date.now() - 1000).toISOString();
    await publish(t, owner.token, ws, 'custom.a');
    await publish(t, owner.token, ws, 'custom.b');
    await settled(ep.id, 'failed', 2);

    healthy = true;
    const recovered = await t.post(`/api/webhooks/${ep.id}/recover`, { token: owner.token, body: { since } });
    expect(recovered.status).toBe(202);
    expect(recovered.body).toEqual({ requeued: 2 });
    const done = await settled(ep.id, 'succeeded', 2);
    // A fresh schedule, and the attempt numbers carry on.
    expect(done.map((d) => d.attempt_count)).toEqual([6, 6]);
    // Nothing failed since now: nothing to recover.
    const none = await t.post(`/api/webhooks/${ep.id}/recover`, { token: owner.token, body: { since: new Date().toISOString() } });
    expect(none.body).toEqual({ requeued: 0 });
  });

  it('sends one delivery again on demand and refuses while it is queued', async () => {
    const ws = await workspace();
    const r = await receiver();
    const ep = await endpointFor(t, owner.token, ws, r);
    const event = await publish(t, owner.token, ws);
    const [delivery] = await settled(ep.id, 'succeeded');
    const retried = await t.post(`/api/webhooks/${ep.id}/deliveries/${delivery.id}/retry`, { token: owner.token });
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe('pending');
    await waitFor(() => r.requests.length === 2, 'the second send');
    expect(r.requests[1].headers['webhook-id']).toBe(event.id);
    const detail = await waitFor(async () => {
      const d = await t.get(`/api/webhooks/${ep.id}/deliveries/${delivery.id}`, { token: owner.token });
      return d.body.status === 'succeeded' ? d.body : null;
    });
    expect(detail.attempts.map((a: Json) => a.attempt_number)).toEqual([2, 1]);

    // Queued (disabled worker = stays queued) deliveries cannot be retried.
    await t.services.webhooks.worker.stop();
    try {
      await t.post(`/api/webhooks/${ep.id}/deliveries/${delivery.id}/retry`, { token: owner.token });
      const busy = await t.post(`/api/webhooks/${ep.id}/deliveries/${delivery.id}/retry`, { token: owner.token });
      expect(busy.status).toBe(409);
      expect(busy.body.error.code).toBe('delivery_in_progress');
    } finally {
      t.services.webhooks.worker.start();
    }
    const unknown = await t.post(`/api/webhooks/${ep.id}/deliveries/dlv_nope/retry`, { token: owner.token });
    expect(unknown.status).toBe(404);
  });

  it('queues an event only for the endpoints subscribed to its type', async () => {
    const ws = await workspace();
    const r = await receiver();
    const exact = await endpointFor(t, owner.token, ws, r, { event_types: ['custom.order.paid'] });
    const orders = await endpointFor(t, owner.token, ws, r, { event_types: ['custom.order.*'] });
    const members = await endpointFor(t, owner.token, ws, r, { event_types: ['member.*'] });
    const all = await endpointFor(t, owner.token, ws, r, { event_types: [] });
    const paused = await endpointFor(t, owner.token, ws, r, { event_types: [], is_active: false });

    const paid = await publish(t, owner.token, ws, 'custom.order.paid');
    expect(paid.deliveries).toBe(3);
    const shipped = await publish(t, owner.token, ws, 'custom.order.shipped');
    expect(shipped.deliveries).toBe(2);
    await t.addMember(owner.token, ws, 'viewer');

    // Fan-out happens in the publishing transaction: the rows exist as soon as the call returns.
    const types = async (id: string) => (await deliveries(id)).map((d) => d.event_type).sort();
    expect(await types(exact.id)).toEqual(['custom.order.paid']);
    expect(await types(orders.id)).toEqual(['custom.order.paid', 'custom.order.shipped']);
    expect(await types(members.id)).toEqual(['member.added']);
    // Its own creation and the paused endpoint's are workspace events too.
    expect(await types(all.id)).toEqual(['custom.order.paid', 'custom.order.shipped', 'invitation.accepted', 'invitation.created', 'member.added', 'webhook.created', 'webhook.created']);
    expect(await types(paused.id)).toEqual([]);
    const perEvent = await t.get(`/api/events/${paid.id}/deliveries`, { token: owner.token });
    expect(perEvent.body.data.map((d: Json) => d.webhook_id).sort()).toEqual([exact.id, orders.id, all.id].sort());
  });

  it('delivers workspace changes written through the outbox', async () => {
    const ws = await workspace();
    const r = await receiver();
    const ep = await endpointFor(t, owner.token, ws, r, { event_types: ['member.added'] });
    const member = await t.addMember(owner.token, ws, 'developer');
    const req = await waitFor(() => r.requests[0], 'member.added');
    expect(verify(ep.secret, req)).toMatchObject({ type: 'member.added', workspace_id: ws, data: { resource: { id: member.user.id }, role: 'developer' } });
  });

  it('writes no event and no delivery when the change that caused them fails', async () => {
    const ws = await workspace();
    const r = await receiver();
    const ep = await endpointFor(t, owner.token, ws, r, { event_types: [] });
    const count = async (table: 'events' | 'webhook_deliveries' | 'activity') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).executeTakeFirstOrThrow()).n);
    const before = { events: await count('events'), deliveries: await count('webhook_deliveries'), activity: await count('activity') };
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.services.activity.audit.record(trx, SYSTEM_CONTEXT, { workspaceId: ws, action: 'workspace.updated', resource: { type: 'workspace', id: ws } });
        // Inside the transaction the event and its delivery exist…
        expect(Number((await trx.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('endpoint_id', '=', ep.id).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // …and after the rollback none of them does.
    expect({ events: await count('events'), deliveries: await count('webhook_deliveries'), activity: await count('activity') }).toEqual(before);
    // A real failed change over HTTP: an invalid webhook update changes nothing and queues nothing.
    const bad = await t.patch(`/api/webhooks/${ep.id}`, { token: owner.token, body: { event_types: ['no.such'] } });
    expect(bad.status).toBe(400);
    expect(await count('webhook_deliveries')).toBe(before.deliveries);
  });

  it('sends a signed webhook.test now and reports the outcome', async () => {
    const ws = await workspace();
    const r = await receiver(({ n }) => (n === 1 ? { status: 200, body: 'hello' } : { status: 500, body: 'nope' }));
    const ep = await endpointFor(t, owner.token, ws, r);
    const ok = await t.post(`/api/webhooks/${ep.id}/test`, { token: owner.token, body: { data: { note: 'hi' } } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ webhook_id: ep.id, event: 'webhook.test', delivered: true, status_code: 200, error_class: null });
    expect(verify(ep.secret, r.requests[0])).toMatchObject({ type: 'webhook.test', data: { webhook_id: ep.id, test: true, data: { note: 'hi' } } });
    const failed = await t.post(`/api/webhooks/${ep.id}/test`, { token: owner.token });
    expect(failed.body).toMatchObject({ delivered: false, status_code: 500, error_class: 'http_error' });
    const attempts = await logs(ep.id);
    expect(attempts.map((a) => [a.trigger, a.event_type, a.status_code])).toEqual([['test', 'webhook.test', 500], ['test', 'webhook.test', 200]]);
    // A test is not retried.
    expect((await deliveries(ep.id)).map((d) => d.status).sort()).toEqual(['failed', 'succeeded']);
  });

  it('exposes queue depth, attempts by outcome and delivery latency to Prometheus', async () => {
    const res = await t.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/atrium_webhook_queue_depth\{status="pending"\} \d+/);
    expect(res.body).toMatch(/atrium_webhook_attempts_total\{outcome="succeeded"\} [1-9]/);
    expect(res.body).toMatch(/atrium_webhook_attempts_total\{outcome="http_error"\} [1-9]/);
    expect(res.body).toMatch(/atrium_webhook_delivery_latency_seconds_count [1-9]/);
  });
});

describe.each(engines)('webhook delivery limits (%s)', (engine) => {
  it('disables an endpoint whose deliveries all fail for the configured window', async () => {
    const t = await webhookApp(engine, { env: { ATRIUM_WEBHOOK_DISABLE_AFTER: '150ms', ATRIUM_WEBHOOK_RETRY_SCHEDULE: Array(40).fill('25ms').join(',') } });
    const r = await Receiver.start(() => ({ status: 500 }));
    const watcher = await Receiver.start();
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      const ep = await endpointFor(t, owner.token, ws, r);
      await endpointFor(t, owner.token, ws, watcher, { event_types: ['webhook.disabled'] });
      await publish(t, owner.token, ws);
      const disabled = await waitFor(async () => {
        const e = (await t.get(`/api/webhooks/${ep.id}`, { token: owner.token })).body;
        return e.is_active === false ? e : null;
      }, 'auto-disable');
      expect(disabled.disabled_reason).toBe('failing');
      expect(disabled.disabled_message).toMatch(/failed since/);
      expect(Date.parse(disabled.disabled_at) - Date.parse(disabled.failing_since)).toBeGreaterThanOrEqual(150);
      const notice = await waitFor(() => watcher.requests[0], 'webhook.disabled');
      expect(JSON.parse(notice.body)).toMatchObject({ type: 'webhook.disabled', data: { reason: 'failing' } });
      // The delivery does not keep its remaining retries.
      const [delivery] = await waitFor(async () => {
        const d = (await t.get(`/api/webhooks/${ep.id}/deliveries`, { token: owner.token })).body.data;
        return d[0]?.status === 'failed' ? d : null;
      }, 'the delivery to fail');
      expect(delivery.attempt_count).toBeLessThan(40);
      // Recover needs the endpoint enabled again.
      const refused = await t.post(`/api/webhooks/${ep.id}/recover`, { token: owner.token, body: { since: '2000-01-01T00:00:00Z' } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('endpoint_disabled');
    } finally {
      await t.close();
      await r.close();
      await watcher.close();
    }
  });

  it('caps attempts in flight per endpoint so a stuck receiver cannot starve the others', async () => {
    const t = await webhookApp(engine, { env: { ATRIUM_WEBHOOK_CONCURRENCY: '4', ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY: '2', ATRIUM_WEBHOOK_TIMEOUT_MS: '20000' } });
    const release: (() => void)[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const stuck = await Receiver.start(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => release.push(resolve));
      inFlight -= 1;
      return { status: 200 };
    });
    const fast = await Receiver.start();
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      await endpointFor(t, owner.token, ws, stuck);
      await endpointFor(t, owner.token, ws, fast);
      for (let i = 0; i < 10; i++) await publish(t, owner.token, ws, 'custom.thing', { i });
      // Every delivery to the healthy endpoint completes while the stuck one holds its two slots.
      await waitFor(() => fast.requests.length === 10, 'the fast endpoint to get all 10');
      expect(inFlight).toBe(2);
      expect(stuck.requests).toHaveLength(2);
      // Let the stuck receiver go: it drains, never more than 2 at once.
      const drain = setInterval(() => release.splice(0).forEach((go) => go()), 5);
      await waitFor(() => stuck.requests.length === 10, 'the stuck endpoint to drain');
      clearInterval(drain);
      release.splice(0).forEach((go) => go());
      expect(maxInFlight).toBe(2);
    } finally {
      release.splice(0).forEach((go) => go());
      await t.close();
      await stuck.close();
      await fast.close();
    }
  });

  it('stops gracefully: the attempt in flight finishes and is recorded, unstarted claims are handed back', async () => {
    const t = await webhookApp(engine, { env: { ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY: '1', ATRIUM_WEBHOOK_TIMEOUT_MS: '20000' } });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const r = await Receiver.start(async () => {
      await held;
      return { status: 200 };
    });
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      const ep = await endpointFor(t, owner.token, ws, r);
      for (let i = 0; i < 3; i++) await publish(t, owner.token, ws, 'custom.thing', { i });
      const rows = () => t.db.selectFrom('webhook_deliveries').select(['status', 'attempt_count', 'lease_owner']).where('endpoint_id', '=', ep.id).orderBy('id').execute();
      // One being sent (endpoint concurrency 1), the other two claimed ahead by this worker.
      await waitFor(async () => r.requests.length === 1 && (await rows()).every((d) => d.status === 'in_flight'), 'one attempt under way');
      const stopping = t.services.webhooks.worker.stop();
      release();
      await stopping;
      const after = await rows();
      expect(after[0]).toMatchObject({ status: 'succeeded', attempt_count: 1, lease_owner: null });
      // Handed back: due again at once, and their attempt not counted since none was made.
      expect(after.slice(1)).toEqual([
        { status: 'pending', attempt_count: 0, lease_owner: null },
        { status: 'pending', attempt_count: 0, lease_owner: null },
      ]);
      expect(r.requests).toHaveLength(1);
    } finally {
      release();
      await t.close();
      await r.close();
    }
  });

  it('checks the destination again on every send, at connect time', async () => {
    // No allow-list: 127.0.0.1 is refused. The endpoint row is written directly,
    // as if its host had resolved to a public address when it was created.
    const t = await webhookApp(engine, { env: { ATRIUM_OUTBOUND_ALLOWED_CIDRS: '' } });
    const r = await Receiver.start();
    try {
      const owner = await t.signup('owner');
      const ws = (await t.createWorkspace(owner.token)).id;
      const refused = await t.post('/api/webhooks', { token: owner.token, body: { workspace_id: ws, url: r.url() } });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'destination_not_allowed', details: { field: 'url' } });

      const allowed = await t.post('/api/webhooks', { token: owner.token, body: { workspace_id: ws, url: 'https://8.8.8.8/hook', event_types: ['custom.*'] } });
      expect(allowed.status).toBe(201);
      await t.db.updateTable('webhook_endpoints').set({ url: r.url() }).where('id', '=', allowed.body.id).execute();
      await publish(t, owner.token, ws);
      const attempt = await waitFor(async () => (await t.get(`/api/webhooks/${allowed.body.id}/logs`, { token: owner.token })).body.data[0], 'an attempt');
      expect(attempt).toMatchObject({ succeeded: false, error_class: 'destination_not_allowed', status_code: null });
      expect(r.requests).toHaveLength(0);
    } finally {
      await t.close();
      await r.close();
    }
  });
});
