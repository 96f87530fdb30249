import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { AiConsumerLimitsTable, ConsumerLevel } from './budgets.tables.js';

/** What a usage report groups by. */
export const REPORT_GROUPS = ['token', 'member', 'key', 'model', 'day'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface ReportRow {
  group: string;
  requests: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  /** Part of output_tokens. */
  reasoning_tokens: number;
  cost_micros: number;
}

const num = (v: unknown) => Number(v ?? 0);

/** Consumer limits, the facts their routes check, the month figures that seed their counters, and usage by consumer. */
export class BudgetsRepository {
  constructor(private readonly db: Executor) {}

  with(db: Executor): BudgetsRepository {
    return new BudgetsRepository(db);
  }

  /** The limits that apply to a request: the workspace's, its member's and its token's. */
  forConsumer(workspaceId: string, userId: string, tokenId: string): Promise<AiConsumerLimitsTable[]> {
    return this.db
      .selectFrom('ai_consumer_limits')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or([
          eb.and([eb('level', '=', 'workspace'), eb('subject_id', '=', workspaceId)]),
          eb.and([eb('level', '=', 'member'), eb('subject_id', '=', userId)]),
          eb.and([eb('level', '=', 'token'), eb('subject_id', '=', tokenId)]),
        ]),
      )
      .execute();
  }

  list(workspaceId: string): Promise<AiConsumerLimitsTable[]> {
    return this.db.selectFrom('ai_consumer_limits').selectAll().where('workspace_id', '=', workspaceId).orderBy('level').orderBy('subject_id').execute();
  }

  find(workspaceId: string, level: ConsumerLevel, subjectId: string): Promise<AiConsumerLimitsTable | undefined> {
    return this.db
      .selectFrom('ai_consumer_limits')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('level', '=', level)
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
  }

  async upsert(row: AiConsumerLimitsTable): Promise<void> {
    const { workspace_id: _w, level: _l, subject_id: _s, created_at: _c, ...changes } = row;
    await this.db
      .insertInto('ai_consumer_limits')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'level', 'subject_id']).doUpdateSet(changes))
      .execute();
  }

  async delete(workspaceId: string, level: ConsumerLevel, subjectId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('ai_consumer_limits')
      .where('workspace_id', '=', workspaceId)
      .where('level', '=', level)
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** A token of the workspace (another workspace's token is not found). */
  token(workspaceId: string, tokenId: string): Promise<{ id: string; name: string; user_id: string } | undefined> {
    return this.db.selectFrom('api_tokens').select(['id', 'name', 'user_id']).where('workspace_id', '=', workspaceId).where('id', '=', tokenId).executeTakeFirst();
  }

  /** Whether the user is a member of the workspace. */
  async isMember(workspaceId: string, userId: string): Promise<boolean> {
    const row = await this.db.selectFrom('workspace_members').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  /** Requests and cost of a consumer since `from` (epoch ms): seeds its cap counter. */
  async monthOf(level: ConsumerLevel, workspaceId: string, subjectId: string, from: number): Promise<{ requests: number; costMicros: number }> {
    let q = this.db
      .selectFrom('ai_usage')
      .select((eb) => [eb.fn.countAll<number>().as('requests'), eb.fn.sum<number>('cost_micros').as('cost_micros')])
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '>=', from);
    if (level === 'member') q = q.where('user_id', '=', subjectId);
    if (level === 'token') q = q.where('token_id', '=', subjectId);
    const row = await q.executeTakeFirst();
    return { requests: num(row?.requests), costMicros: num(row?.cost_micros) };
  }

  /** Names of the groups that have one: tokens' and keys' names, members' e-mail addresses (gone ones are absent). */
  async labels(group: ReportGroup, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length || group === 'model' || group === 'day') return new Map();
    const rows =
      group === 'token'
        ? await this.db.selectFrom('api_tokens').select(['id', 'name as label']).where('id', 'in', ids).execute()
        : group === 'member'
          ? await this.db.selectFrom('users').select(['id', 'email as label']).where('id', 'in', ids).execute()
          : await this.db.selectFrom('ai_keys').select(['id', 'key_name as label']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.label]));
  }

  /** Usage of a workspace in [from, to) (epoch ms), grouped; largest cost first (days: oldest first). */
  async report(workspaceId: string, group: ReportGroup, from: number, to: number, onlyUser?: string): Promise<ReportRow[]> {
    const column = {
      token: sql<string>`coalesce(u.token_id, '')`,
      member: sql<string>`coalesce(u.user_id, '')`,
      key: sql<string>`u.key_id`,
      model: sql<string>`u.provider || '/' || u.model`,
      // created_at is epoch ms on both engines; the day is computed in JS from the smallest instant of each day bucket.
      day: sql<string>`cast(u.created_at / 86400000 as bigint)`,
    }[group];
    const { rows } = await sql<Record<string, unknown>>`
      select ${column} as grp, count(*) as requests,
        sum(case when u.status_code >= 400 then 1 else 0 end) as errors,
        sum(u.input_tokens) as input_tokens, sum(u.output_tokens) as output_tokens,
        sum(u.reasoning_tokens) as reasoning_tokens, sum(u.cost_micros) as cost_micros
      from ai_usage u
      where u.workspace_id = ${workspaceId} and u.created_at >= ${from} and u.created_at < ${to}
        ${onlyUser === undefined ? sql`` : sql`and u.user_id = ${onlyUser}`}
      group by ${column}`.execute(this.db);
    return rows.map((r) => ({
      group: group === 'day' ? new Date(num(r.grp) * 86_400_000).toISOString().slice(0, 10) : String(r.grp),
      requests: num(r.requests),
      errors: num(r.errors),
      input_tokens: num(r.input_tokens),
      output_tokens: num(r.output_tokens),
      reasoning_tokens: num(r.reasoning_tokens),
      cost_micros: num(r.cost_micros),
    }));
  }
}
