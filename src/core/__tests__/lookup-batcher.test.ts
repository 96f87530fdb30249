import { describe, expect, it } from 'vitest';
import { LookupBatcher } from '../db/lookup-batcher.js';

/** A load function over a mutable table that records every call. */
function table(rows: Record<string, number>) {
  const calls: string[][] = [];
  let gate: Promise<void> | undefined;
  const load = async (keys: string[]) => {
    calls.push([...keys]);
    const snapshot = new Map(keys.filter((k) => k in rows).map((k) => [k, rows[k]]));
    await gate;
    if (keys.includes('boom')) throw new Error('load failed');
    return snapshot;
  };
  return {
    calls,
    load,
    hold: (until: Promise<void>) => {
      gate = until;
    },
  };
}

describe('LookupBatcher', () => {
  it('answers lookups asked for together with one load, each key once, missing keys as undefined', async () => {
    const t = table({ a: 1, b: 2 });
    const batcher = new LookupBatcher(t.load, String);
    const answers = await Promise.all(['a', 'b', 'a', 'zz'].map((k) => batcher.get(k)));
    expect(answers).toEqual([1, 2, 1, undefined]);
    expect(t.calls).toEqual([['a', 'b', 'zz']]);
  });

  it('never answers from a query that started before the lookup was asked for', async () => {
    const rows: Record<string, number> = { a: 1 };
    const t = table(rows);
    let release!: () => void;
    t.hold(new Promise<void>((r) => (release = r)));
    const batcher = new LookupBatcher(t.load, String, { inFlight: 1, maxKeys: 10 });
    const first = batcher.get('a');
    await new Promise((r) => setImmediate(r));
    expect(t.calls).toEqual([['a']]);
    // Changed after the first query read it: a lookup asked for now must see the change.
    rows.a = 2;
    const second = batcher.get('a');
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(t.calls).toEqual([['a'], ['a']]);
  });

  it('keeps at most inFlight queries running; lookups asked for meanwhile share the next one', async () => {
    const t = table({ a: 1, b: 2, c: 3, d: 4 });
    let release!: () => void;
    t.hold(new Promise<void>((r) => (release = r)));
    const batcher = new LookupBatcher(t.load, String, { inFlight: 1, maxKeys: 10 });
    const a = batcher.get('a');
    await new Promise((r) => setImmediate(r));
    const rest = ['b', 'c', 'd'].map((k) => batcher.get(k));
    await new Promise((r) => setImmediate(r));
    expect(t.calls).toEqual([['a']]);
    release();
    expect(await Promise.all([a, ...rest])).toEqual([1, 2, 3, 4]);
    expect(t.calls).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('splits more keys than maxKeys over several queries', async () => {
    const t = table(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, i])));
    const batcher = new LookupBatcher(t.load, String, { inFlight: 3, maxKeys: 2 });
    expect(await Promise.all(Array.from({ length: 5 }, (_, i) => batcher.get(`k${i}`)))).toEqual([0, 1, 2, 3, 4]);
    expect(t.calls).toEqual([['k0', 'k1'], ['k2', 'k3'], ['k4']]);
  });

  it('fails the lookups of a failed query only, and keeps answering after it', async () => {
    const t = table({ a: 1, b: 2 });
    const batcher = new LookupBatcher(t.load, String, { inFlight: 2, maxKeys: 2 });
    const settled = await Promise.allSettled(['a', 'boom', 'b'].map((k) => batcher.get(k)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseFulfilledResult<number>).value).toBe(2);
    expect(await batcher.get('a')).toBe(1);
  });

  it('keys composite lookups by keyOf', async () => {
    const loads: { ws: string; user: string }[][] = [];
    const batcher = new LookupBatcher(async (keys: { ws: string; user: string }[]) => {
      loads.push(keys);
      return new Map(keys.map((k) => [`${k.ws}/${k.user}`, `${k.user}@${k.ws}`]));
    }, (k) => `${k.ws}/${k.user}`);
    const answers = await Promise.all([batcher.get({ ws: 'w1', user: 'u1' }), batcher.get({ ws: 'w1', user: 'u1' }), batcher.get({ ws: 'w2', user: 'u1' })]);
    expect(answers).toEqual(['u1@w1', 'u1@w1', 'u1@w2']);
    expect(loads).toEqual([[{ ws: 'w1', user: 'u1' }, { ws: 'w2', user: 'u1' }]]);
  });
});
