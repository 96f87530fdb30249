import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../test/fingerprint.js';
import { engines, type Member, type Response, type TestApp } from '../../../test/harness.js';
import { endpointFor, publish, Receiver, waitFor, webhookApp } from './helpers.js';

type Json = Record<string, any>;

/** The fields an error names, whichever of the two detail shapes it uses. */
const fieldsOf = (res: Response) => {
  const d = res.body?.error?.details;
  return Array.isArray(d) ? d.map((x: Json) => x.field) : d?.field ? [d.field] : [];
};

const MAX_PAYLOAD = 16_384;

describe.each(engines)('POST /api/events/batch (%s)', (engine) => {
  let t: TestApp;
  let receiver: Receiver;
  let owner: Member;
  let ws: string;
  /** Subscribed to every custom event. */
  let all: string;
  /** Subscribed to custom.order.* only. */
  let orders: string;

  beforeAll(async () => {
    // No worker but in the first test: deliveries would change the database under the fingerprints.
    t = await webhookApp(engine, { worker: false, env: { ATRIUM_WEBHOOK_MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD) } });
    receiver = await Receiver.start();
    owner = await t.signup('owner');
    ws = (await t.createWorkspace(owner.token)).id;
    all = (await endpointFor(t, owner.token, ws, receiver)).id;
    orders = (await endpointFor(t, owner.token, ws, receiver, { event_types: ['custom.order.*'] })).id;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const batch = (events: Json[], token = owner.token, workspaceId = ws) => t.post('/api/events/batch', { token, body: { workspace_id: workspaceId, events } });
  const storedEvents = async (keys: string[]) =>
    t.db.selectFrom('events').select(['id', 'idempotency_key']).where('workspace_id', '=', ws).where('idempotency_key', 'in', keys).execute();

  it('publishes every event in one request and answers one result per event, in order', async () => {
    const res = await batch([
      { event_type: 'custom.order.paid', payload: { order: 1 } },
      { event_type: 'custom.user.signed_up', payload: { user: 'u1' }, idempotency_key: 'signup-u1' },
      { event_type: 'custom.order.refunded', payload: { order: 1, amount: 5 } },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    const data = res.body.data as Json[];
    expect(data.map((r) => [r.event_type, r.deliveries, r.replayed, r.idempotency_key, r.workspace_id])).toEqual([
      ['custom.order.paid', 2, false, null, ws],
      ['custom.user.signed_up', 1, false, 'signup-u1', ws],
      ['custom.order.refunded', 2, false, null, ws],
    ]);
    expect(new Set(data.map((r) => r.id)).size).toBe(3);
    // Stored as sent, with one delivery per subscribed endpoint, and delivered.
    const rows = await t.db.selectFrom('events').select(['id', 'type', 'payload']).where('id', 'in', data.map((r) => r.id)).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.type, JSON.parse(r.payload)]]))).toEqual({
      [data[0].id]: ['custom.order.paid', { order: 1 }],
      [data[1].id]: ['custom.user.signed_up', { user: 'u1' }],
      [data[2].id]: ['custom.order.refunded', { order: 1, amount: 5 }],
    });
    const paid = await t.get(`/api/events/${data[0].id}/deliveries`, { token: owner.token });
    expect(paid.body.data.map((d: Json) => d.webhook_id).sort()).toEqual([all, orders].sort());
    const worker = t.services.webhooks.worker;
    worker.start();
    try {
      await waitFor(() => {
        const ids = receiver.requests.map((r) => JSON.parse(r.body).id as string);
        return data.every((r) => ids.includes(r.id)) && ids.filter((id) => id === data[0].id).length === 2;
      }, 'the batch delivered');
    } finally {
      await worker.stop();
    }
  });

  it('replays a whole repeated batch with the first results, 200 and Idempotent-Replayed', async () => {
    const events = [
      { event_type: 'custom.order.paid', payload: { order: 2, lines: [1, 2] }, idempotency_key: 'order-2' },
      { event_type: 'custom.order.shipped', payload: { order: 2 }, idempotency_key: 'ship-2' },
    ];
    const first = await batch(events);
    expect(first.status).toBe(202);
    const before = await databaseFingerprint(t);
    // The same events, keys of the payload in another order: the same events.
    const again = await batch([{ ...events[0], payload: { lines: [1, 2], order: 2 } }, events[1]]);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data).toEqual(first.body.data.map((r: Json) => ({ ...r, replayed: true })));
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('mixes new events and replays, of earlier batches and of single publishes, in one answer', async () => {
    const single = await publish(t, owner.token, ws, 'custom.order.paid', { order: 3 }, 'order-3');
    const res = await batch([
      { event_type: 'custom.order.paid', payload: { order: 3 }, idempotency_key: 'order-3' },
      { event_type: 'custom.order.paid', payload: { order: 4 }, idempotency_key: 'order-4' },
      { event_type: 'custom.note', payload: { text: 'no key' } },
    ]);
    expect(res.status).toBe(202);
    const data = res.body.data as Json[];
    expect(data.map((r) => [r.replayed, r.deliveries])).toEqual([[true, 2], [false, 2], [false, 1]]);
    expect(data[0].id).toBe(single.id);
    // And a single publish replays a key first used in a batch.
    const replay = await publish(t, owner.token, ws, 'custom.order.paid', { order: 4 }, 'order-4');
    expect(replay).toMatchObject({ id: data[1].id, replayed: true, deliveries: 2 });
    expect(await storedEvents(['order-3', 'order-4'])).toHaveLength(2);
  });

  it('treats a key repeated inside one batch as a single publish would: same event replays, another is a 409', async () => {
    const res = await batch([
      { event_type: 'custom.order.paid', payload: { order: 5 }, idempotency_key: 'order-5' },
      { event_type: 'custom.note', payload: {} },
      { event_type: 'custom.order.paid', payload: { order: 5 }, idempotency_key: 'order-5' },
    ]);
    expect(res.status).toBe(202);
    const data = res.body.data as Json[];
    expect(data[2]).toEqual({ ...data[0], replayed: true });
    expect(data[0].replayed).toBe(false);
    expect(await storedEvents(['order-5'])).toHaveLength(1);
    expect(await t.db.selectFrom('webhook_deliveries').select('id').where('event_id', '=', data[0].id).execute()).toHaveLength(2);

    const before = await databaseFingerprint(t);
    const conflict = await batch([
      { event_type: 'custom.order.paid', payload: { order: 6 }, idempotency_key: 'order-6' },
      { event_type: 'custom.order.paid', payload: { order: 7 }, idempotency_key: 'order-6' },
    ]);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('idempotency_key_reused');
    expect(fieldsOf(conflict)).toEqual(['events.1.idempotency_key']);
    // A key used before with another event refuses the whole batch too, as a single publish is refused.
    const reused = await batch([
      { event_type: 'custom.note', payload: { fine: true } },
      { event_type: 'custom.order.paid', payload: { order: 99 }, idempotency_key: 'order-5' },
    ]);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(fieldsOf(reused)).toEqual(['events.1.idempotency_key']);
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('publishes each key once when batches and single publishes race with the same keys', async () => {
    const events = Array.from({ length: 10 }, (_, i) => ({ event_type: 'custom.raced', payload: { i }, idempotency_key: `race-${i}` }));
    const settled = await Promise.all([
      batch(events),
      batch([...events].reverse()),
      batch(events.slice(3, 7)),
      publish(t, owner.token, ws, 'custom.raced', { i: 4 }, 'race-4').then((body) => ({ status: body.replayed ? 200 : 202, body: { data: [body] } })),
    ]);
    for (const res of settled) expect([200, 202], JSON.stringify(res.body)).toContain(res.status);
    const stored = await storedEvents(events.map((e) => e.idempotency_key));
    expect(stored).toHaveLength(10);
    const idOf = new Map(stored.map((s) => [s.idempotency_key, s.id]));
    const results = settled.flatMap((res) => res.body.data as Json[]);
    // Every answer names the one stored event of its key, and each key was published (not replayed) exactly once.
    for (const r of results) expect(r.id).toBe(idOf.get(r.idempotency_key));
    expect(results.filter((r) => !r.replayed).map((r) => r.idempotency_key).sort()).toEqual([...idOf.keys()].sort());
    const deliveries = await t.db.selectFrom('webhook_deliveries').select('id').where('event_id', 'in', [...idOf.values()]).execute();
    expect(deliveries).toHaveLength(10);
  });

  it('refuses a whole batch for one bad event, naming it, and stores nothing', async () => {
    const ok = { event_type: 'custom.fine', payload: { ok: true } };
    const before = await databaseFingerprint(t);
    const cases: [string, Json[], number, string][] = [
      ['a built-in type', [ok, ok, ok, { event_type: 'member.added', payload: {} }], 400, 'events.3.event_type'],
      ['a malformed type', [ok, { event_type: 'custom.Bad Name', payload: {} }], 400, 'events.1.event_type'],
      ['no payload', [ok, { event_type: 'custom.x' }], 400, 'events.1.payload'],
      ['a payload that is not an object', [{ event_type: 'custom.x', payload: [1] }], 400, 'events.0.payload'],
      ['an unknown field', [ok, { ...ok, zz_unexpected: true }], 400, 'events.1.zz_unexpected'],
      ['a malformed key', [ok, { ...ok, idempotency_key: 'has spaces' }], 400, 'events.1.idempotency_key'],
      ['NUL in a payload', [ok, { event_type: 'custom.x', payload: { list: ['ok', { deep: 'n\u0000' }] } }], 400, 'events.1.payload.list.1.deep'],
      ['NUL in a key', [{ ...ok, idempotency_key: 'k\u0000' }], 400, 'events.0.idempotency_key'],
      ['a payload over the limit', [ok, ok, { event_type: 'custom.x', payload: { blob: 'x'.repeat(MAX_PAYLOAD) } }], 413, 'events.2.payload'],
      ['no events', [], 400, 'events'],
      ['101 events', Array.from({ length: 101 }, () => ok), 400, 'events'],
    ];
    for (const [name, events, status, field] of cases) {
      const res = await batch(events);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(fieldsOf(res), name).toEqual([field]);
    }
    const unknownTop = await t.post('/api/events/batch', { token: owner.token, body: { workspace_id: ws, events: [ok], extra: 1 } });
    expect(unknownTop.status).toBe(400);
    expect(fieldsOf(unknownTop)).toEqual(['extra']);
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('accepts 100 events of near the largest payload (a body over 1 MiB), and refuses a larger body with 413', async () => {
    const big = (i: number) => ({ event_type: 'custom.big', payload: { i, blob: 'x'.repeat(MAX_PAYLOAD - 100) } });
    const full = Array.from({ length: 100 }, (_, i) => big(i));
    expect(JSON.stringify(full).length).toBeGreaterThan(1024 * 1024);
    const res = await batch(full);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(202);
    expect(res.body.data).toHaveLength(100);
    expect(res.body.data.map((r: Json) => r.deliveries)).toEqual(full.map(() => 1));

    const before = await databaseFingerprint(t);
    // Within 100 events but over the body limit (100 × (largest payload + 4 KiB)).
    const tooBig = await t.post('/api/events/batch', {
      token: owner.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace_id: ws, events: [{ ...big(0), payload: { blob: ' '.repeat(100 * (MAX_PAYLOAD + 4096)) } }] }),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('needs the events:write scope and a role that may publish, in the workspace of the token', async () => {
    const one = [{ event_type: 'custom.access', payload: {} }];
    const viewer = await t.addMember(owner.token, ws, 'viewer');
    const developer = await t.addMember(owner.token, ws, 'developer');
    const outsider = await t.signup('outsider');
    const otherWs = (await t.createWorkspace(outsider.token, 'Elsewhere')).id;
    const readOnly = await t.apiToken(owner.token, ws, ['webhooks:read']);
    const publisher = await t.apiToken(developer.token, ws, ['events:write']);
    const foreignToken = await t.apiToken(outsider.token, otherWs, ['events:write']);

    const before = await databaseFingerprint(t);
    const anonymous = await t.post('/api/events/batch', { body: { workspace_id: ws, events: one } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
    const scopeless = await batch(one, readOnly);
    expect(scopeless.status).toBe(403);
    expect(scopeless.body.error.message).toContain('events:write');
    const asViewer = await batch(one, viewer.token);
    expect(asViewer.status).toBe(403);
    expect(asViewer.body.error.code).toBe('forbidden');
    // Another workspace's token, or a user who is not a member: the workspace does not exist for them.
    expect((await batch(one, foreignToken)).status).toBe(404);
    expect((await batch(one, outsider.token)).status).toBe(404);
    expect(await databaseFingerprint(t)).toBe(before);

    expect((await batch(one, publisher)).status).toBe(202);
    expect((await batch(one, developer.token)).status).toBe(202);
  });
});
