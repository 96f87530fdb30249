import type { Principal } from '../identity/principal.js';
import type { GatewayKeySource } from './key-source.js';
import type { UsageRecorder } from './usage.recorder.js';
import type { KeyUsageTotals } from '../ai-keys/key-store.js';
import { dayOf, monthOf, type UsageFigures, type UsageRepository } from './usage.repository.js';

const DAY_MS = 86_400_000;

interface UsageSummary {
  requests: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  cost_micros: number;
  cost_usd: number;
  average_latency_ms: number | null;
}

export interface UsageReport {
  key_id: string;
  currency: 'USD';
  totals: UsageSummary;
  this_month: UsageSummary & { period: string };
  days: number;
  daily: Array<UsageSummary & { date: string }>;
  by_model: Array<UsageSummary & { model: string; provider: string; priced: boolean }>;
}

function summary(f: UsageFigures): UsageSummary {
  return {
    requests: f.requests,
    errors: f.errors,
    input_tokens: f.input_tokens,
    output_tokens: f.output_tokens,
    reasoning_tokens: f.reasoning_tokens,
    cost_micros: f.cost_micros,
    cost_usd: f.cost_micros / 1_000_000,
    average_latency_ms: f.requests > 0 ? Math.round(f.latency_ms_total / f.requests) : null,
  };
}

const EMPTY: UsageFigures = { requests: 0, errors: 0, input_tokens: 0, output_tokens: 0, reasoning_tokens: 0, cost_micros: 0, latency_ms_total: 0 };

/** Usage figures of AI keys: the key list's month totals and `GET /api/ai-keys/{id}/usage`. */
export class AiUsageService {
  constructor(
    private readonly repo: UsageRepository,
    private readonly recorder: UsageRecorder,
    private readonly keys: GatewayKeySource,
    private readonly priceFor: (provider: string, model: string) => unknown,
  ) {}

  /**
   * Requests and cost since `monthStart` (epoch ms, UTC month start) and the
   * last use of each key: the AI-keys list (`UsageReader` of that module).
   * Access is the caller's to check.
   */
  async monthToDate(workspaceId: string, keyIds: string[], monthStart: number): Promise<Map<string, KeyUsageTotals>> {
    await this.recorder.flush();
    const totals = await this.repo.monthTotals(workspaceId, keyIds, dayOf(monthStart));
    return new Map([...totals].map(([id, t]) => [id, { requests: t.requests, costMicros: t.cost_micros, lastUsedAt: t.last_used_at }]));
  }

  async report(principal: Principal, keyId: string, days: number, now = Date.now()): Promise<UsageReport> {
    const workspaceId = await this.keys.authorizeRead(principal, keyId);
    await this.recorder.flush();

    const from = dayOf(now - (days - 1) * DAY_MS);
    const period = monthOf(now);
    const [totals, month, daily, byModel] = await Promise.all([
      this.repo.sum(workspaceId, keyId),
      this.repo.sum(workspaceId, keyId, `${period}-01`),
      this.repo.daily(workspaceId, keyId, from),
      this.repo.byModel(workspaceId, keyId, from),
    ]);
    const byDay = new Map(daily.map((d) => [d.day, d]));
    const series = Array.from({ length: days }, (_, i) => {
      const date = dayOf(now - (days - 1 - i) * DAY_MS);
      return { date, ...summary(byDay.get(date) ?? EMPTY) };
    });
    return {
      key_id: keyId,
      currency: 'USD',
      totals: summary(totals),
      this_month: { period, ...summary(month) },
      days,
      daily: series,
      by_model: byModel.map((m) => ({ model: m.model, provider: m.provider, priced: this.priceFor(m.provider, m.model) !== undefined, ...summary(m) })),
    };
  }
}
