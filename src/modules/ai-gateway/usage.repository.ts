import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';
import type { AiUsageAlertsTable, AiUsageDailyTable, AiUsageTable } from './usage.tables.js';

export interface UsageFigures {
  requests: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  /** Part of output_tokens. */
  reasoning_tokens: number;
  cost_micros: number;
  latency_ms_total: number;
}

export interface KeyMonthTotals {
  requests: number;
  cost_micros: number;
  last_used_at: number | null;
}

/** The summed columns every usage report shows, over `ai_usage_daily` rows. */
const sumFigures = (eb: ExpressionBuilder<DB, 'ai_usage_daily'>) =>
  [
    eb.fn.sum<number>('requests').as('requests'),
    eb.fn.sum<number>('errors').as('errors'),
    eb.fn.sum<number>('input_tokens').as('input_tokens'),
    eb.fn.sum<number>('output_tokens').as('output_tokens'),
    eb.fn.sum<number>('reasoning_tokens').as('reasoning_tokens'),
    eb.fn.sum<number>('cost_micros').as('cost_micros'),
    eb.fn.sum<number>('latency_ms_total').as('latency_ms_total'),
  ] as const;

/** `YYYY-MM-DD` (UTC) of an epoch-ms instant. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** `YYYY-MM` (UTC) of an epoch-ms instant. */
export const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

const BATCH = 200;

// SUM over bigint is numeric on PostgreSQL (a string in pg); every figure goes through Number() here.
const figures = (row: Record<string, unknown> | undefined): UsageFigures => ({
  requests: Number(row?.requests ?? 0),
  errors: Number(row?.errors ?? 0),
  input_tokens: Number(row?.input_tokens ?? 0),
  output_tokens: Number(row?.output_tokens ?? 0),
  reasoning_tokens: Number(row?.reasoning_tokens ?? 0),
  cost_micros: Number(row?.cost_micros ?? 0),
  latency_ms_total: Number(row?.latency_ms_total ?? 0),
});

/** Adds one batch of usage rows into per key/model/day deltas (one upsert row each). */
function dailyDeltas(rows: AiUsageTable[]): AiUsageDailyTable[] {
  const byKey = new Map<string, AiUsageDailyTable>();
  for (const r of rows) {
    const day = dayOf(r.created_at);
    const id = `${r.key_id}\u0000${r.model}\u0000${day}`;
    let d = byKey.get(id);
    if (!d) {
      d = { key_id: r.key_id, model: r.model, day, workspace_id: r.workspace_id, provider: r.provider, requests: 0, errors: 0, input_tokens: 0, output_tokens: 0, reasoning_tokens: 0, cost_micros: 0, latency_ms_total: 0 };
      byKey.set(id, d);
    }
    d.requests += 1;
    d.errors += r.status_code >= 400 ? 1 : 0;
    d.input_tokens += r.input_tokens;
    d.output_tokens += r.output_tokens;
    d.reasoning_tokens = (d.reasoning_tokens ?? 0) + (r.reasoning_tokens ?? 0);
    d.cost_micros += r.cost_micros;
    d.latency_ms_total += r.latency_ms;
  }
  return [...byKey.values()];
}

export class UsageRepository {
  constructor(private readonly db: Executor) {}

  with(db: Executor): UsageRepository {
    return new UsageRepository(db);
  }

  /** Inserts usage rows and adds them to the daily aggregates. Run it in a transaction. */
  async insertBatch(rows: AiUsageTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      await this.db.insertInto('ai_usage').values(rows.slice(i, i + BATCH)).execute();
    }
    const deltas = dailyDeltas(rows);
    for (let i = 0; i < deltas.length; i += BATCH) {
      await this.db
        .insertInto('ai_usage_daily')
        .values(deltas.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc.columns(['key_id', 'model', 'day']).doUpdateSet((eb) => ({
            requests: eb('ai_usage_daily.requests', '+', eb.ref('excluded.requests')),
            errors: eb('ai_usage_daily.errors', '+', eb.ref('excluded.errors')),
            input_tokens: eb('ai_usage_daily.input_tokens', '+', eb.ref('excluded.input_tokens')),
            output_tokens: eb('ai_usage_daily.output_tokens', '+', eb.ref('excluded.output_tokens')),
            reasoning_tokens: eb('ai_usage_daily.reasoning_tokens', '+', eb.ref('excluded.reasoning_tokens')),
            cost_micros: eb('ai_usage_daily.cost_micros', '+', eb.ref('excluded.cost_micros')),
            latency_ms_total: eb('ai_usage_daily.latency_ms_total', '+', eb.ref('excluded.latency_ms_total')),
          })),
        )
        .execute();
    }
  }

  /** Sums of a key's daily aggregates, optionally from a day on. */
  async sum(workspaceId: string, keyId: string, fromDay?: string): Promise<UsageFigures> {
    let q = this.db
      .selectFrom('ai_usage_daily')
      .select((eb) => [
        ...sumFigures(eb),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('key_id', '=', keyId);
    if (fromDay) q = q.where('day', '>=', fromDay);
    return figures(await q.executeTakeFirst());
  }

  async daily(workspaceId: string, keyId: string, fromDay: string): Promise<Array<UsageFigures & { day: string }>> {
    const rows = await this.db
      .selectFrom('ai_usage_daily')
      .select((eb) => [
        'day',
        ...sumFigures(eb),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('key_id', '=', keyId)
      .where('day', '>=', fromDay)
      .groupBy('day')
      .orderBy('day')
      .execute();
    return rows.map((r) => ({ day: r.day, ...figures(r) }));
  }

  async byModel(workspaceId: string, keyId: string, fromDay: string): Promise<Array<UsageFigures & { model: string; provider: string }>> {
    const rows = await this.db
      .selectFrom('ai_usage_daily')
      .select((eb) => [
        'model',
        'provider',
        ...sumFigures(eb),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('key_id', '=', keyId)
      .where('day', '>=', fromDay)
      .groupBy(['model', 'provider'])
      .orderBy('model')
      .execute();
    return rows.map((r) => ({ model: r.model, provider: r.provider, ...figures(r) }));
  }

  /** Requests, cost and last use of the month for several keys of one workspace (the key list). */
  async monthTotals(workspaceId: string, keyIds: string[], fromDay: string): Promise<Map<string, KeyMonthTotals>> {
    const out = new Map<string, KeyMonthTotals>(keyIds.map((id) => [id, { requests: 0, cost_micros: 0, last_used_at: null }]));
    if (keyIds.length === 0) return out;
    const [sums, last] = await Promise.all([
      this.db
        .selectFrom('ai_usage_daily')
        .select((eb) => ['key_id', eb.fn.sum<number>('requests').as('requests'), eb.fn.sum<number>('cost_micros').as('cost_micros')])
        .where('workspace_id', '=', workspaceId)
        .where('key_id', 'in', keyIds)
        .where('day', '>=', fromDay)
        .groupBy('key_id')
        .execute(),
      this.db
        .selectFrom('ai_usage')
        .select((eb) => ['key_id', eb.fn.max<number>('created_at').as('last_used_at')])
        .where('workspace_id', '=', workspaceId)
        .where('key_id', 'in', keyIds)
        .groupBy('key_id')
        .execute(),
    ]);
    for (const s of sums) Object.assign(out.get(s.key_id)!, { requests: Number(s.requests), cost_micros: Number(s.cost_micros) });
    for (const l of last) out.get(l.key_id)!.last_used_at = l.last_used_at == null ? null : Number(l.last_used_at);
    return out;
  }

  /** Records that a threshold was announced; false if it already was (by this or another instance). */
  async insertAlert(row: AiUsageAlertsTable): Promise<boolean> {
    const result = await this.db
      .insertInto('ai_usage_alerts')
      .values(row)
      .onConflict((oc) => oc.columns(['key_id', 'period', 'metric', 'threshold']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Rows of one key, newest first (tests and debugging). */
  recent(workspaceId: string, keyId: string, limit = 100): Promise<AiUsageTable[]> {
    return this.db
      .selectFrom('ai_usage')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('key_id', '=', keyId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Month figures of one key from the aggregates: seeds the in-memory/Redis cap counters. */
  async monthOfKey(workspaceId: string, keyId: string, fromDay: string): Promise<{ requests: number; cost_micros: number }> {
    const row = await this.db
      .selectFrom('ai_usage_daily')
      .select((eb) => [eb.fn.sum<number>('requests').as('requests'), eb.fn.sum<number>('cost_micros').as('cost_micros')])
      .where('workspace_id', '=', workspaceId)
      .where('key_id', '=', keyId)
      .where('day', '>=', fromDay)
      .executeTakeFirst();
    return { requests: Number(row?.requests ?? 0), cost_micros: Number(row?.cost_micros ?? 0) };
  }
}
