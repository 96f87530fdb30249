import type { Db } from '../../core/db/database.js';
import { fromJson, toJson } from '../../core/db/json.js';
import { Errors } from '../../core/errors.js';
import { toIso } from '../../core/time.js';
import type { AuditLog } from '../activity/audit.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import type { Budgets } from './admission.js';
import type { BudgetsRepository, ReportGroup } from './budgets.repository.js';
import type { LimitsInput } from './budgets.schemas.js';
import type { AiConsumerLimitsTable, ConsumerLevel } from './budgets.tables.js';
import type { UsageRecorder } from './usage.recorder.js';
import { dayOf } from './usage.repository.js';

const DAY_MS = 86_400_000;
/** Longest report window: a year and a day. */
const MAX_REPORT_DAYS = 366;

const micros = (usd: number | null | undefined) => (usd == null ? null : Math.round(usd * 1_000_000));
const n = (v: number | null) => (v === null ? null : Number(v));

function present(level: ConsumerLevel, subjectId: string, row: AiConsumerLimitsTable | undefined) {
  return {
    level,
    subject_id: subjectId,
    rate_limit_rpm: n(row?.rate_limit_rpm ?? null),
    rate_limit_tpm: n(row?.rate_limit_tpm ?? null),
    usage_limit: n(row?.usage_limit ?? null),
    cost_limit: row?.cost_limit_micros == null ? null : Number(row.cost_limit_micros) / 1_000_000,
    allowed_models: fromJson<string[] | null>(row?.allowed_models, null),
    allowed_providers: fromJson<string[] | null>(row?.allowed_providers, null),
    updated_at: row ? toIso(row.updated_at) : null,
  };
}

/**
 * Consumer limits (workspace, member, token) and the usage report by
 * consumer. Members read limits; admins set and clear them (audited); a
 * report shows a member their own requests unless the policy lets them see
 * everyone's.
 */
export class BudgetsService {
  constructor(
    private readonly db: Db,
    private readonly repo: BudgetsRepository,
    private readonly access: WorkspaceAccess,
    private readonly audit: AuditLog,
    private readonly budgets: Budgets,
    private readonly recorder: UsageRecorder,
  ) {}

  /** The subject exists in the workspace (another workspace's token or a non-member is a 404); its display name. */
  private async subject(workspaceId: string, level: ConsumerLevel, subjectId: string): Promise<string | null> {
    if (level === 'workspace') return null;
    if (level === 'token') {
      const token = await this.repo.token(workspaceId, subjectId);
      if (!token) throw Errors.notFound('API token');
      return token.name;
    }
    if (!(await this.repo.isMember(workspaceId, subjectId))) throw Errors.notFound('Member');
    return null;
  }

  async list(principal: Principal, workspaceId: string) {
    await this.access.require(principal, workspaceId, 'ai_limit.read');
    const rows = await this.repo.list(workspaceId);
    return { data: rows.map((r) => present(r.level, r.subject_id, r)) };
  }

  async get(principal: Principal, workspaceId: string, level: ConsumerLevel, subjectId: string) {
    await this.access.require(principal, workspaceId, 'ai_limit.read');
    await this.subject(workspaceId, level, subjectId);
    return present(level, subjectId, await this.repo.find(workspaceId, level, subjectId));
  }

  async set(principal: Principal, workspaceId: string, level: ConsumerLevel, subjectId: string, input: LimitsInput, ctx: AuditContext) {
    await this.access.require(principal, workspaceId, 'ai_limit.manage');
    const name = await this.subject(workspaceId, level, subjectId);
    const now = Date.now();
    const row: AiConsumerLimitsTable = {
      workspace_id: workspaceId,
      level,
      subject_id: subjectId,
      rate_limit_rpm: input.rate_limit_rpm ?? null,
      rate_limit_tpm: input.rate_limit_tpm ?? null,
      usage_limit: input.usage_limit ?? null,
      cost_limit_micros: micros(input.cost_limit),
      allowed_models: input.allowed_models ? toJson(input.allowed_models) : null,
      allowed_providers: input.allowed_providers ? toJson(input.allowed_providers) : null,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.repo.with(trx).upsert(row);
      await this.audit.record(trx, ctx, {
        workspaceId,
        action: 'ai_limit.updated',
        resource: { type: `ai_limit_${level}`, id: subjectId, name },
        details: { level, limits: { ...present(level, subjectId, row), level: undefined, subject_id: undefined, updated_at: undefined } },
      });
    });
    this.budgets.invalidate();
    return present(level, subjectId, row);
  }

  async clear(principal: Principal, workspaceId: string, level: ConsumerLevel, subjectId: string, ctx: AuditContext): Promise<void> {
    await this.access.require(principal, workspaceId, 'ai_limit.manage');
    await this.db.transaction().execute(async (trx) => {
      // A token or member that is gone may still have limits to clear: no existence check here.
      if (!(await this.repo.with(trx).delete(workspaceId, level, subjectId))) throw Errors.notFound('Limits');
      await this.audit.record(trx, ctx, { workspaceId, action: 'ai_limit.cleared', resource: { type: `ai_limit_${level}`, id: subjectId }, details: { level } });
    });
    this.budgets.invalidate();
  }

  async report(principal: Principal, workspaceId: string, q: { group_by: ReportGroup; from?: string; to?: string }, now = Date.now()) {
    const access = await this.access.require(principal, workspaceId, 'ai_limit.read');
    const all = await this.access.allows(access, 'ai_usage.read_all');
    const to = q.to ?? dayOf(now);
    const from = q.from ?? `${to.slice(0, 7)}-01`;
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
    // Date.parse rolls 2026-02-31 over to March: a day that does not round-trip is not a real date.
    if (Number.isNaN(start) || Number.isNaN(end) || dayOf(start) !== from || dayOf(end - DAY_MS) !== to) throw Errors.validation('from/to must be real dates (YYYY-MM-DD)');
    if (end <= start) throw Errors.validation('from must not be after to');
    if (end - start > MAX_REPORT_DAYS * DAY_MS) throw Errors.validation(`The report window is at most ${MAX_REPORT_DAYS} days`);
    await this.recorder.flush();
    const rows = await this.repo.report(workspaceId, q.group_by, start, end, all ? undefined : access.userId);
    const labels = await this.repo.labels(q.group_by, rows.map((r) => r.group));
    const data = rows
      .map((r) => ({ ...r, label: labels.get(r.group) ?? null, cost_usd: r.cost_micros / 1_000_000 }))
      .sort((a, b) => (q.group_by === 'day' ? a.group.localeCompare(b.group) : b.cost_micros - a.cost_micros || a.group.localeCompare(b.group)));
    return { workspace_id: workspaceId, group_by: q.group_by, from, to, currency: 'USD' as const, scope: all ? ('workspace' as const) : ('own' as const), data };
  }
}
