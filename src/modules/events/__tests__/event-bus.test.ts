import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/harness.js';
import { EventBus, type PublishedEvent } from '../event-bus.js';

describe.each(engines)('event bus (%s)', (engine) => {
  let tdb: TestDatabase;
  let n = 0;

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
  });
  afterAll(() => tdb.drop());

  const db = () => tdb.database.db;

  async function workspace(): Promise<string> {
    const id = `ws_test_${++n}`;
    await db().insertInto('workspaces').values({ id, name: id, slug: id, description: null, created_by: null, created_at: Date.now(), updated_at: Date.now() }).execute();
    return id;
  }

  const countEvents = async (workspaceId: string) =>
    Number((await db().selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);

  /** A bus whose fan-out queues `perEvent` items for each event (and remembers them, to count on replay). */
  function busQueuing(perEvent: number) {
    const bus = new EventBus(db(), tdb.database.dialect);
    const queued = new Map<string, number>();
    const seen: PublishedEvent[] = [];
    bus.onPublish(async (_trx, events) => {
      seen.push(...events);
      for (const event of events) queued.set(event.id, perEvent);
      return events.map(() => perEvent);
    }, async (_ws, eventId) => queued.get(eventId) ?? 0);
    return { bus, seen };
  }

  it('publish writes the event in the caller’s transaction, runs the fan-out there and returns what it queued', async () => {
    const ws = await workspace();
    const { bus, seen } = busQueuing(2);
    const published = await db().transaction().execute((trx) => bus.publish(trx, { workspaceId: ws, type: 'thing.happened', data: { a: 1 } }));
    expect(published.queued).toBe(2);
    expect(published.event).toMatchObject({ workspace_id: ws, type: 'thing.happened', payload: '{"a":1}', idempotency_key: null });
    expect(seen.map((e) => e.id)).toEqual([published.event.id]);
    expect(await db().selectFrom('events').selectAll().where('id', '=', published.event.id).executeTakeFirst()).toEqual(published.event);
  });

  it('an event published in a transaction that rolls back is gone with it', async () => {
    const ws = await workspace();
    const { bus } = busQueuing(1);
    await expect(db().transaction().execute(async (trx) => {
      await bus.publish(trx, { workspaceId: ws, type: 'thing.happened', data: {} });
      throw new Error('change failed');
    })).rejects.toThrow('change failed');
    expect(await countEvents(ws)).toBe(0);
  });

  it('record stores an event without fanning it out', async () => {
    const ws = await workspace();
    const { bus, seen } = busQueuing(1);
    const row = await db().transaction().execute((trx) => bus.record(trx, { workspaceId: ws, type: 'webhook.test', data: { x: true }, createdAt: 1234 }));
    expect(row.created_at).toBe(1234);
    expect(seen).toHaveLength(0);
    expect(await countEvents(ws)).toBe(1);
  });

  it('fan-out counts add up over handlers; a handler returning nothing counts 0', async () => {
    const ws = await workspace();
    const bus = new EventBus(db(), tdb.database.dialect);
    bus.onPublish(async (_trx, events) => events.map(() => 3));
    bus.onPublish(async () => {});
    bus.onPublish(async (_trx, events) => events.map(() => 1));
    const result = await bus.publishNow({ workspaceId: ws, type: 'custom.counted', data: {} });
    expect(result).toMatchObject({ queued: 4, replayed: false });
  });

  it('the same Idempotency-Key with the same event replays the first result; with a different event it is a conflict', async () => {
    const ws = await workspace();
    const { bus, seen } = busQueuing(2);
    const input = { workspaceId: ws, type: 'custom.order', data: { id: 7, lines: [{ sku: 'a' }] }, idempotencyKey: 'key-1' };
    const first = await bus.publishNow(input);
    expect(first).toMatchObject({ queued: 2, replayed: false });
    // Same data with keys in another order is the same event.
    const again = await bus.publishNow({ ...input, data: { lines: [{ sku: 'a' }], id: 7 } });
    expect(again).toEqual({ event: first.event, queued: 2, replayed: true });
    expect(seen).toHaveLength(1);
    await expect(bus.publishNow({ ...input, data: { id: 8 } })).rejects.toMatchObject({ statusCode: 409, code: 'idempotency_key_reused' });
    await expect(bus.publishNow({ ...input, type: 'custom.other' })).rejects.toMatchObject({ statusCode: 409, code: 'idempotency_key_reused' });
    // The key is per workspace.
    const elsewhere = await bus.publishNow({ ...input, workspaceId: await workspace() });
    expect(elsewhere.replayed).toBe(false);
    expect(await countEvents(ws)).toBe(1);
  });

  it('the same key sent twice at once publishes once: the other request gets the replay', async () => {
    const ws = await workspace();
    const { bus } = busQueuing(1);
    const input = { workspaceId: ws, type: 'custom.raced', data: { v: 1 }, idempotencyKey: 'raced' };
    const results = await Promise.all([bus.publishNow(input), bus.publishNow(input)]);
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(results[0].event.id).toBe(results[1].event.id);
    expect(await countEvents(ws)).toBe(1);
  });

  it('concurrent publishes share one transaction (group commit) and one fan-out call, each getting its own event', async () => {
    const ws = await workspace();
    const bus = new EventBus(db(), tdb.database.dialect);
    const transactions = new Set<unknown>();
    const calls: number[] = [];
    bus.onPublish(async (trx, events) => {
      transactions.add(trx);
      calls.push(events.length);
      return events.map((e) => Number(e.data.i) % 3);
    });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bus.publishNow({ workspaceId: ws, type: 'custom.many', data: { i } })));
    expect(new Set(results.map((r) => r.event.id)).size).toBe(20);
    expect(results.map((r) => JSON.parse(r.event.payload).i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Each caller gets the count the fan-out gave its own event.
    expect(results.map((r) => r.queued)).toEqual(Array.from({ length: 20 }, (_, i) => i % 3));
    expect(results.every((r) => !r.replayed)).toBe(true);
    expect(transactions.size).toBe(1);
    expect(calls).toEqual([20]);
    expect(await countEvents(ws)).toBe(20);
  });

  it('one failing event in a group does not lose the others; the failure goes to its own caller only', async () => {
    const ws = await workspace();
    const bus = new EventBus(db(), tdb.database.dialect);
    bus.onPublish(async (_trx, events) => {
      const bad = events.find((e) => e.data.fail);
      if (bad) throw new Error(`fan-out refused ${bad.type}`);
      return events.map(() => 1);
    });
    const settled = await Promise.allSettled([
      bus.publishNow({ workspaceId: ws, type: 'custom.ok', data: { n: 1 } }),
      bus.publishNow({ workspaceId: ws, type: 'custom.bad', data: { fail: true } }),
      bus.publishNow({ workspaceId: ws, type: 'custom.ok', data: { n: 2 } }),
      bus.publishNow({ workspaceId: ws, type: 'custom.bad', data: { fail: true } }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    for (const s of settled) if (s.status === 'rejected') expect((s.reason as Error).message).toBe('fan-out refused custom.bad');
    const types = (await db().selectFrom('events').select('type').where('workspace_id', '=', ws).execute()).map((r) => r.type);
    expect(types.sort()).toEqual(['custom.ok', 'custom.ok']);
  });
  it('publishAllNow writes a list all or nothing: a fan-out failing on one event stores none of them', async () => {
    const ws = await workspace();
    const bus = new EventBus(db(), tdb.database.dialect);
    bus.onPublish(async (_trx, events) => {
      if (events.some((e) => e.data.fail)) throw new Error('fan-out refused');
      return events.map(() => 1);
    });
    const list = [0, 1, 2].map((i) => ({ workspaceId: ws, type: 'custom.listed', data: { i, fail: i === 2 } }));
    await expect(bus.publishAllNow(list, (i) => `events.${i}.idempotency_key`)).rejects.toThrow('fan-out refused');
    expect(await countEvents(ws)).toBe(0);
    const ok = await bus.publishAllNow(list.map((e) => ({ ...e, data: { i: e.data.i } })), (i) => `events.${i}.idempotency_key`);
    expect(ok.map((r) => [JSON.parse(r.event.payload).i, r.queued, r.replayed])).toEqual([[0, 1, false], [1, 1, false], [2, 1, false]]);
    expect(await countEvents(ws)).toBe(3);
  });

  it('groups whole lists up to 500 events per transaction, and a failing neighbour does not fail a list', async () => {
    const ws = await workspace();
    const bus = new EventBus(db(), tdb.database.dialect);
    const sizes = new Map<unknown, number>();
    bus.onPublish(async (trx, events) => {
      if (events.some((e) => e.data.fail)) throw new Error('fan-out refused');
      sizes.set(trx, (sizes.get(trx) ?? 0) + events.length);
      return events.map(() => 0);
    });
    const lists = Array.from({ length: 6 }, (_, l) => Array.from({ length: 100 }, (_, i) => ({ workspaceId: ws, type: 'custom.bulk', data: { l, i } })));
    const settled = await Promise.allSettled([
      ...lists.map((list) => bus.publishAllNow(list, String)),
      bus.publishNow({ workspaceId: ws, type: 'custom.bad', data: { fail: true } }),
    ]);
    expect(settled.map((s) => s.status)).toEqual([...lists.map(() => 'fulfilled'), 'rejected']);
    for (const [l, s] of settled.slice(0, 6).entries()) {
      expect((s as PromiseFulfilledResult<Awaited<ReturnType<EventBus['publishAllNow']>>>).value.map((r) => JSON.parse(r.event.payload))).toEqual(lists[l].map((e) => e.data));
    }
    // Committed transactions only: none wrote more than 500 events, and each list went whole into one.
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(500);
    expect([...sizes.values()].every((n) => n % 100 === 0)).toBe(true);
    expect(await countEvents(ws)).toBe(600);
  });
});
