import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../core/db/database.js';
import { newId } from '../../../core/ids.js';
import { engines } from '../../../test/harness.js';
import { UsageRecorder } from '../usage.recorder.js';
import { UsageRepository } from '../usage.repository.js';
import type { AiUsageTable } from '../usage.tables.js';
import { gatewayTest, type GatewayTest } from './helpers.js';

/** A batched writer must write the good rows and set a refused one aside, never block everyone behind it. */
describe.each(engines)('usage recorder with a poisoned row (%s)', (engine) => {
  let g: GatewayTest;
  const keyId = 'aik_recorder_test';

  beforeAll(async () => {
    g = await gatewayTest(engine);
  });
  afterAll(async () => {
    await g.t.close();
  });

  const row = (model: string, extra: Partial<AiUsageTable> = {}): AiUsageTable => ({
    id: newId('use'),
    workspace_id: g.ws.workspaceId,
    key_id: keyId,
    provider: 'openai',
    model,
    token_id: null,
    input_tokens: 10,
    output_tokens: 5,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    cost_micros: 4,
    latency_ms: 12,
    status_code: 200,
    estimated: 0,
    unpriced: 0,
    stream: 0,
    created_at: Date.now(),
    ...extra,
  });
  const dropped = async (reason: string) => {
    const metric = await g.t.services.metrics.registry.getSingleMetric('atrium_ai_usage_rows_dropped_total')!.get();
    return metric.values.find((v) => v.labels.reason === reason)?.value ?? 0;
  };
  const stored = async () => new Set((await new UsageRepository(g.t.db).recent(g.ws.workspaceId, keyId, 1000)).map((r) => r.id));

  it('writes the good rows around a model name with U+0000 (refused by PostgreSQL only)', async () => {
    const recorder = g.t.services.aiGateway.recorder;
    const before = await dropped('refused');
    const good = Array.from({ length: 7 }, (_, i) => row(`gpt-4o-mini-${i}`));
    const poisoned = row('gpt-4o-mini\u0000x');
    for (const r of [...good.slice(0, 3), poisoned, ...good.slice(3)]) recorder.record(r);
    await recorder.flush();

    const ids = await stored();
    for (const r of good) expect(ids.has(r.id)).toBe(true);
    expect(recorder.pending).toBe(0);
    if (engine === 'postgres') {
      expect(ids.has(poisoned.id)).toBe(false);
      expect(await dropped('refused')).toBe(before + 1);
      expect(g.logs()).toContain('ai usage row refused by the database');
      expect(g.logs()).toContain(poisoned.id);
    } else {
      // SQLite stores the NUL: the row is simply written.
      expect(ids.has(poisoned.id)).toBe(true);
      expect(await dropped('refused')).toBe(before);
    }
    // Accounting carries on for later rows.
    const later = row('gpt-4o-mini');
    recorder.record(later);
    await recorder.flush();
    expect((await stored()).has(later.id)).toBe(true);
  });

  it('sets aside a row the database refuses on both engines (unknown workspace) and writes the rest', async () => {
    const recorder = g.t.services.aiGateway.recorder;
    const before = await dropped('refused');
    const good = [row('a'), row('b')];
    const orphan = row('c', { workspace_id: 'ws_does_not_exist' });
    for (const r of [good[0], orphan, good[1]]) recorder.record(r);
    await recorder.flush();
    const ids = await stored();
    expect(ids.has(good[0].id) && ids.has(good[1].id)).toBe(true);
    expect(await dropped('refused')).toBe(before + 1);
    // The daily aggregates hold the good rows only.
    const figures = await new UsageRepository(g.t.db).byModel(g.ws.workspaceId, keyId, '2000-01-01');
    expect(figures.find((f) => f.model === 'c')).toBeUndefined();
    expect(figures.find((f) => f.model === 'a')?.requests).toBe(1);
  });

  it('flushes pending rows at shutdown, poisoned row or not', async () => {
    const repo = new UsageRepository(g.t.db);
    const recorder = new UsageRecorder(g.t.db, repo, { flushIntervalMs: 60_000 });
    const good = [row('shutdown-a'), row('shutdown-b')];
    recorder.record(good[0]);
    recorder.record(row('shutdown\u0000poison', { workspace_id: 'ws_does_not_exist' }));
    recorder.record(good[1]);
    await recorder.close();
    expect(recorder.pending).toBe(0);
    const ids = await stored();
    expect(ids.has(good[0].id) && ids.has(good[1].id)).toBe(true);
  });

  it('keeps every row for a retry when the database itself is down, dropping none', async () => {
    const url = engine === 'postgres' ? 'postgres://postgres@127.0.0.1:1/unreachable' : undefined;
    // SQLite has no server to lose: a database without the tables fails every row alike, as a broken one would.
    const down = createDatabase(url ?? 'sqlite::memory:');
    let drops = 0;
    const recorder = new UsageRecorder(down.db, new UsageRepository(down.db), { flushIntervalMs: 60_000, onDropped: () => drops++ });
    for (const r of [row('x'), row('y'), row('z\u0000')]) recorder.record(r);
    await recorder.flush();
    expect(recorder.pending).toBe(3);
    expect(drops).toBe(0);
    await recorder.close();
    expect(drops).toBe(0);
    await down.close();
  });
});
