import { randomUUID } from 'node:crypto';
import { costMicros, type ModelPrice } from '../ai-providers/providers.js';
import type { BudgetsRepository } from './budgets.repository.js';
import type { AiConsumerLimitsTable, ConsumerLevel } from './budgets.tables.js';
import type { CapCounters, CapLevel, MonthUsage } from './cap-counters.js';
import type { GatewayKey } from './key-source.js';
import { RateLimitError, type KeyRateLimits } from './limits.js';
import type { ThresholdNotifier, ThresholdSubject } from './thresholds.js';
import type { UsageRepository } from './usage.repository.js';

/** Output tokens reserved for a model the catalog gives no limit for, when the request names none. */
const DEFAULT_MAX_OUTPUT_TOKENS = 32_768;
/** How long the limits of a consumer are reused by this process (writes through this process clear them at once). */
const LIMITS_TTL_MS = 2_000;

type Level = 'key' | ConsumerLevel;

/** Who is calling: the token, its creator (the member) and the workspace. */
export interface Consumer {
  workspaceId: string;
  userId: string;
  tokenId: string;
}

interface LevelLimits {
  level: Level;
  subjectId: string;
  counterId: string;
  rpm: number | null;
  tpm: number | null;
  usageLimit: number | null;
  costLimitMicros: number | null;
  allowedModels: string[] | null;
  allowedProviders: string[] | null;
}

/** A refusal by a budget, rendered by the gateway in OpenAI's error shape. */
export class BudgetRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly type: string,
    message: string,
    readonly extra: { param?: string; headers?: Record<string, string>; metric?: string } = {},
  ) {
    super(message);
    this.name = 'BudgetRefusal';
  }
}

/** An admitted request: settle it once its usage is known, or release it. Both are idempotent and never reject. */
export interface Admission {
  /** Corrects the token limits with the real tokens, replaces the reserved cost by the real one; resolves once counted. */
  settle(tokens: number, micros: number): Promise<void>;
  /** Nothing was consumed (the call failed before any usage): same as settle(0, 0). */
  release(): Promise<void>;
}

export interface AdmitRequest {
  consumer: Consumer;
  key: GatewayKey;
  /** The provider's model name. */
  model: string;
  promptEstimate: number;
  /** Output tokens the request may produce (max_tokens); undefined: the model's limit. 0 for embeddings. */
  maxOutputTokens: number | undefined;
  price: ModelPrice | undefined;
  now: number;
  period: string;
}

const usd = (m: number) => (m / 1_000_000).toFixed(2);
const LEVEL_NAMES: Record<Level, string> = { key: 'AI key', token: 'API token', member: 'member', workspace: 'workspace' };
/** Error codes: the key's are the ones the gateway always used; a consumer level prefixes its name. */
const code = (level: Level, what: 'cost_limit_reached' | 'usage_limit_reached' | 'rate_limit_exceeded') => (level === 'key' ? what : `${level}_${what}`);

function consumerLimits(row: AiConsumerLimitsTable): LevelLimits {
  const counterId = row.level === 'member' ? `member:${row.workspace_id}:${row.subject_id}` : `${row.level}:${row.subject_id}`;
  return {
    level: row.level,
    subjectId: row.subject_id,
    counterId,
    rpm: row.rate_limit_rpm === null ? null : Number(row.rate_limit_rpm),
    tpm: row.rate_limit_tpm === null ? null : Number(row.rate_limit_tpm),
    usageLimit: row.usage_limit === null ? null : Number(row.usage_limit),
    costLimitMicros: row.cost_limit_micros === null ? null : Number(row.cost_limit_micros),
    allowedModels: row.allowed_models ? (JSON.parse(row.allowed_models) as string[]) : null,
    allowedProviders: row.allowed_providers ? (JSON.parse(row.allowed_providers) as string[]) : null,
  };
}

const UNLIMITED = { rpm: null, tpm: null, usageLimit: null, costLimitMicros: null, allowedModels: null, allowedProviders: null };

/**
 * The budgets a gateway request must fit, at every level: the provider key,
 * the API token, the member (all their tokens) and the workspace. Checks
 * model/provider restrictions, then each level's rpm/tpm, then reserves the
 * request's worst-case cost against every monthly cap in one atomic step
 * (cap-counters.ts). Every level's counter moves with every request, limited
 * or not, so a limit set mid-month starts from the true figures.
 */
export class Budgets {
  private readonly cache = new Map<string, { at: number; rows: AiConsumerLimitsTable[] }>();

  constructor(
    private readonly deps: {
      repo: BudgetsRepository;
      usage: UsageRepository;
      rateLimits: KeyRateLimits;
      counters: CapCounters;
      thresholds: ThresholdNotifier;
    },
  ) {}

  /** Forgets cached limits (after a change through this process). */
  invalidate(): void {
    this.cache.clear();
  }

  private async consumerRows(c: Consumer, now: number): Promise<AiConsumerLimitsTable[]> {
    const id = `${c.workspaceId}:${c.userId}:${c.tokenId}`;
    const hit = this.cache.get(id);
    if (hit && now - hit.at < LIMITS_TTL_MS) return hit.rows;
    const rows = await this.deps.repo.forConsumer(c.workspaceId, c.userId, c.tokenId);
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(id, { at: now, rows });
    return rows;
  }

  /** Every level of a request, key first, then token, member, workspace (the most specific refusal is reported). */
  private async levels(req: AdmitRequest): Promise<LevelLimits[]> {
    const { consumer: c, key } = req;
    const rows = await this.consumerRows(c, req.now);
    const of = (level: ConsumerLevel, subjectId: string): LevelLimits => {
      const row = rows.find((r) => r.level === level);
      if (row) return consumerLimits(row);
      return consumerLimits({ workspace_id: c.workspaceId, level, subject_id: subjectId, rate_limit_rpm: null, rate_limit_tpm: null, usage_limit: null, cost_limit_micros: null, allowed_models: null, allowed_providers: null, created_at: 0, updated_at: 0 });
    };
    return [
      { ...UNLIMITED, level: 'key', subjectId: key.id, counterId: key.id, rpm: key.rpm, tpm: key.tpm, usageLimit: key.usageLimit, costLimitMicros: key.costLimitMicros },
      of('token', c.tokenId),
      of('member', c.userId),
      of('workspace', c.workspaceId),
    ];
  }

  private checkRestrictions(levels: LevelLimits[], key: GatewayKey, model: string): void {
    for (const l of levels) {
      if (l.allowedProviders && !l.allowedProviders.includes(key.provider)) {
        throw new BudgetRefusal(403, 'provider_not_allowed', 'permission_error', `The ${LEVEL_NAMES[l.level]} ${l.subjectId} may not use provider ${key.provider} (allowed: ${l.allowedProviders.join(', ') || 'none'})`, { param: 'model' });
      }
      const names = [model, `${key.provider}/${model}`];
      if (l.allowedModels && !l.allowedModels.some((m) => names.includes(m))) {
        throw new BudgetRefusal(403, 'model_not_allowed', 'permission_error', `The ${LEVEL_NAMES[l.level]} ${l.subjectId} may not use model ${key.provider}/${model} (allowed: ${l.allowedModels.join(', ') || 'none'})`, { param: 'model' });
      }
    }
  }

  /** rpm/tpm of every level; a refusal gives back what earlier levels took. Returns the tokens taken per level. */
  private async rate(levels: LevelLimits[], promptEstimate: number): Promise<number[]> {
    const taken: number[] = [];
    try {
      for (const l of levels) taken.push(await this.deps.rateLimits.admit(l.counterId, l.rpm, l.tpm, promptEstimate));
      return taken;
    } catch (error) {
      for (const [i, t] of taken.entries()) void this.deps.rateLimits.refund(levels[i].counterId, levels[i].rpm, levels[i].tpm, t).catch(() => undefined);
      if (!(error instanceof RateLimitError)) throw error;
      const l = levels[taken.length];
      const what = error.limit === 'rpm' ? `${l.rpm} requests per minute` : `${l.tpm} tokens per minute`;
      throw new BudgetRefusal(429, code(l.level, 'rate_limit_exceeded'), error.limit === 'rpm' ? 'requests' : 'tokens', `The ${LEVEL_NAMES[l.level]} ${l.subjectId} is over its limit of ${what}; retry in ${error.retryAfterSeconds} s`, {
        headers: { 'retry-after': String(error.retryAfterSeconds) },
        metric: error.limit,
      });
    }
  }

  /** The worst case of a request: its prompt estimate plus every output token it may produce. */
  static maxCost(price: ModelPrice | undefined, promptEstimate: number, maxOutputTokens: number | undefined): number {
    if (!price) return 0;
    return costMicros(price, { input: promptEstimate, output: maxOutputTokens ?? price.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS });
  }

  private seed(level: LevelLimits, workspaceId: string, key: GatewayKey, period: string): () => Promise<MonthUsage> {
    const from = Date.parse(`${period}-01T00:00:00Z`);
    if (level.level === 'key') return () => this.deps.usage.monthOfKey(key.workspaceId, key.id, `${period}-01`).then((m) => ({ requests: m.requests, costMicros: m.cost_micros }));
    return () => this.deps.repo.monthOf(level.level as ConsumerLevel, workspaceId, level.subjectId, from);
  }

  /**
   * Admits a request at every level or throws a BudgetRefusal naming the
   * level that refused (other errors: the limit store is unavailable).
   */
  async admit(req: AdmitRequest): Promise<Admission> {
    const levels = await this.levels(req);
    this.checkRestrictions(levels, req.key, req.model);
    const taken = await this.rate(levels, req.promptEstimate);
    const caps: CapLevel[] = levels.map((l) => ({ id: l.counterId, caps: { requests: l.usageLimit, costMicros: l.costLimitMicros }, seed: this.seed(l, req.consumer.workspaceId, req.key, req.period) }));
    const reserve = Budgets.maxCost(req.price, req.promptEstimate, req.maxOutputTokens);
    const reservationId = randomUUID();
    const giveBack = () => {
      for (const [i, l] of levels.entries()) void this.deps.rateLimits.refund(l.counterId, l.rpm, l.tpm, taken[i]).catch(() => undefined);
    };
    let reserved;
    try {
      reserved = await this.deps.counters.reserve(reservationId, req.period, caps, reserve, req.now);
    } catch (error) {
      giveBack();
      throw error;
    }
    if (!reserved.allowed) {
      giveBack();
      throw this.capRefusal(levels[reserved.level], reserved.reason, reserved.usage, reserve, req.now);
    }
    const subjects = levels.map((l): ThresholdSubject => ({ level: l.level, subjectId: l.subjectId, counterId: l.counterId, key: req.key }));
    for (const [i, l] of levels.entries()) void this.deps.thresholds.check(subjects[i], req.period, 'requests', reserved.usage[i].requests, l.usageLimit);

    let done: Promise<void> | null = null;
    const settle = (tokens: number, micros: number): Promise<void> => {
      done ??= this.settle(levels, taken, caps, subjects, reservationId, req.period, tokens, micros);
      return done;
    };
    return { settle, release: () => settle(0, 0) };
  }

  private async settle(levels: LevelLimits[], taken: number[], caps: CapLevel[], subjects: ThresholdSubject[], reservationId: string, period: string, tokens: number, micros: number): Promise<void> {
    for (const [i, l] of levels.entries()) void this.deps.rateLimits.settle(l.counterId, l.tpm, taken[i], tokens).catch(() => undefined);
    try {
      const totals = await this.deps.counters.settle(reservationId, period, caps, micros);
      if (micros > 0) for (const [i, l] of levels.entries()) void this.deps.thresholds.check(subjects[i], period, 'cost', totals[i], l.costLimitMicros);
    } catch (error) {
      this.log?.error({ err: error, reservation: reservationId }, 'could not settle an ai usage reservation (it expires on its own)');
    }
  }

  log: { error: (obj: object, msg: string) => void } | undefined;

  private capRefusal(l: LevelLimits, reason: 'requests' | 'cost', usage: MonthUsage, reserve: number, now: number): BudgetRefusal {
    const next = new Date(now);
    const reset = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
    const resets = new Date(reset).toISOString().slice(0, 10);
    // x-should-retry: the official SDKs would otherwise retry a refusal that lasts until next month.
    const headers = { 'retry-after': String(Math.max(1, Math.ceil((reset - now) / 1000))), 'x-should-retry': 'false' };
    const who = `${LEVEL_NAMES[l.level]} ${l.subjectId}`;
    if (reason === 'requests') {
      return new BudgetRefusal(429, code(l.level, 'usage_limit_reached'), 'insufficient_quota', `The ${who} reached its monthly cap of ${l.usageLimit} requests (${usage.requests} used); it resets on ${resets}`, { headers, metric: 'request_cap' });
    }
    const cap = l.costLimitMicros ?? 0;
    const detail = usage.costMicros >= cap ? '' : `; this request may cost up to $${(reserve / 1_000_000).toFixed(6)} (its prompt and max_tokens), more than is left (other requests in flight hold their worst case)`;
    return new BudgetRefusal(402, code(l.level, 'cost_limit_reached'), 'insufficient_quota', `The ${who} reached its monthly cost cap of $${usd(cap)} ($${usd(usage.costMicros)} spent${detail}); it resets on ${resets}`, { headers, metric: 'cost_cap' });
  }
}
