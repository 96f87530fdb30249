import { CompiledQuery, sql } from 'kysely';
import { notify, type Dialect, type Executor } from '../../core/db/database.js';
import type {
  DeliveryStatus,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
  WebhookSecretsTable,
} from './webhooks.tables.js';

export interface EndpointFilter {
  isActive?: boolean;
  before?: string;
  limit: number;
  /** Only these endpoints (the ones a member's grants allow); never empty. */
  ids?: string[];
}

export interface DeliveryFilter {
  endpointId?: string;
  eventId?: string;
  status?: DeliveryStatus;
  eventType?: string;
  before?: string;
  limit: number;
}

export interface AttemptFilter {
  succeeded?: boolean;
  eventType?: string;
  deliveryId?: string;
  since?: number;
  until?: number;
  before?: string;
  limit: number;
}

/**
 * The partial index's predicate, as literals: SQLite only uses a partial
 * index when the query repeats its WHERE term, and a bound parameter
 * (`status in (?, ?)`) does not count — it would scan the whole table.
 */
const OPEN = sql<boolean>`status in ('pending', 'in_flight')`;

const DELIVERY_COLUMNS = [
  'id', 'workspace_id', 'endpoint_id', 'event_id', 'event_type', 'status', 'attempt_count', 'retry_base', 'next_attempt_at',
  'locked_until', 'lease_owner', 'last_status_code', 'last_error_class', 'last_attempt_at', 'completed_at', 'created_at', 'updated_at',
] as const satisfies readonly (keyof WebhookDeliveriesTable)[];
const ATTEMPT_COLUMNS = [
  'id', 'workspace_id', 'delivery_id', 'endpoint_id', 'event_id', 'event_type', 'attempt_number', 'trigger', 'url', 'request_headers',
  'status_code', 'response_body', 'duration_ms', 'error_class', 'error_message', 'succeeded', 'next_attempt_at', 'worker_id', 'created_at',
] as const satisfies readonly (keyof WebhookAttemptsTable)[];
const BULK_CHUNK = 100;
const bulkSql = new Map<string, string>();

/**
 * Multi-row INSERT for the two hot-path tables (one delivery row per event
 * and endpoint, one attempt row per send). Building such a statement through
 * the query builder costs more than running it, so its text is made once per
 * table, row count and dialect and reused (SQLite then reuses the compiled
 * statement too).
 */
function bulkInsert<T>(dialect: Dialect, table: string, columns: readonly (keyof T & string)[], rows: readonly T[]): CompiledQuery {
  const key = `${dialect}:${table}:${rows.length}`;
  let text = bulkSql.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${rows.map(tuple).join(', ')}`;
    bulkSql.set(key, text);
  }
  const parameters: unknown[] = [];
  for (const row of rows) for (const c of columns) parameters.push(row[c]);
  return CompiledQuery.raw(text, parameters);
}

/**
 * The worker's per-cycle statements, written out once per dialect: building
 * them through the query builder cost more CPU than SQLite spends running
 * them. A list of ids is bound as ONE parameter (a JSON array on SQLite, a
 * text[] on PostgreSQL), so each statement has a single text whatever the
 * batch size and stays compiled in SQLite's statement cache.
 */
const inList = (dialect: Dialect, column: string) =>
  dialect === 'postgres' ? `${column} = any(?::text[])` : `${column} in (select value from json_each(?))`;
const listParam = (dialect: Dialect, ids: readonly string[]): unknown => (dialect === 'postgres' ? [...ids] : JSON.stringify(ids));
/** `?` placeholders → `$1, $2, …` on PostgreSQL (the texts below hold no other `?`). */
const placeholders = (dialect: Dialect, text: string) => {
  let n = 0;
  return dialect === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
};

function hotStatements(dialect: Dialect) {
  const q = (text: string) => placeholders(dialect, text);
  const lock = dialect === 'postgres' ? ' for update skip locked' : '';
  const due = `select "id", "endpoint_id" from "webhook_deliveries" where status in ('pending', 'in_flight') and "next_attempt_at" <= ?`;
  return {
    claimHead: q(`${due} order by "next_attempt_at" limit ?${lock}`),
    // Endpoints with open deliveries, each with its first due time: a skip scan over the
    // (endpoint_id, next_attempt_at) index, one probe per endpoint however long its backlog.
    dueEndpoints: q(`with recursive "ep"("endpoint_id") as (
        select min("endpoint_id") from "webhook_deliveries" where status in ('pending', 'in_flight')
        union all
        select (select min("endpoint_id") from "webhook_deliveries" where status in ('pending', 'in_flight') and "endpoint_id" > "ep"."endpoint_id") from "ep" where "ep"."endpoint_id" is not null
      )
      select "endpoint_id", "first_due" from (
        select "endpoint_id", (select min("next_attempt_at") from "webhook_deliveries" as "d" where "d"."endpoint_id" = "ep"."endpoint_id" and status in ('pending', 'in_flight')) as "first_due"
        from "ep" where "endpoint_id" is not null
      ) as "x" where "first_due" <= ? order by "first_due" limit ?`),
    // The oldest due deliveries of one endpoint (SQLite: one statement per endpoint, in the claim's transaction).
    dueOfEndpoint: q(`${due} and "endpoint_id" = ? order by "next_attempt_at", "id" limit ?`),
    // PostgreSQL: the oldest due deliveries of each listed endpoint, up to its own count, locked in one statement.
    dueOfEndpoints: q(`select "c"."id", "c"."endpoint_id" from unnest(?::text[], ?::int[]) as "e"("endpoint_id", "n") cross join lateral (
        select "id", "endpoint_id" from "webhook_deliveries" where "endpoint_id" = "e"."endpoint_id" and status in ('pending', 'in_flight') and "next_attempt_at" <= ?
        order by "next_attempt_at", "id" limit "e"."n" for update skip locked
      ) as "c"`),
    claim: q(`update "webhook_deliveries" set "status" = 'in_flight', "attempt_count" = "attempt_count" + 1, "lease_owner" = ?, "locked_until" = ?, "next_attempt_at" = ?, "updated_at" = ? where ${inList(dialect, '"id"')}`),
    loadClaimed: q(`select "d"."id", "d"."workspace_id", "d"."endpoint_id", "d"."event_id", "d"."event_type", "d"."attempt_count", "d"."retry_base", "d"."created_at", "e"."payload", "e"."created_at" as "event_created_at", "w"."url", "w"."headers_enc", "w"."is_active", coalesce("d"."lease_owner", '') as "lease_owner" from "webhook_deliveries" as "d" inner join "events" as "e" on "e"."id" = "d"."event_id" inner join "webhook_endpoints" as "w" on "w"."id" = "d"."endpoint_id" where ${inList(dialect, '"d"."id"')}`),
    existing: q(`select "id" from "webhook_deliveries" where ${inList(dialect, '"id"')}`),
    validSecrets: q(`select * from "webhook_secrets" where ${inList(dialect, '"endpoint_id"')} and ("expires_at" is null or "expires_at" > ?) order by "version" desc`),
    succeeded: q(`update "webhook_deliveries" set "status" = 'succeeded', "locked_until" = null, "lease_owner" = null, "last_status_code" = ?, "last_error_class" = null, "last_attempt_at" = ?, "completed_at" = ?, "updated_at" = ? where ${inList(dialect, '"id"')} and "lease_owner" = ? and "status" = 'in_flight'`),
    notSucceeded: q(`update "webhook_deliveries" set "status" = ?, "next_attempt_at" = ?, "locked_until" = null, "lease_owner" = null, "last_status_code" = ?, "last_error_class" = ?, "last_attempt_at" = ?, "completed_at" = ?, "updated_at" = ? where "id" = ? and "lease_owner" = ? and "status" = 'in_flight'`),
    endpointVersions: q(`select "id", "is_active", "config_version" from "webhook_endpoints" where ${inList(dialect, '"id"')}`),
    endpointConfigs: q(`select "id", "url", "headers_enc", "is_active", "config_version" from "webhook_endpoints" where ${inList(dialect, '"id"')}`),
    healthy: q(`update "webhook_endpoints" set "failing_since" = null, "consecutive_failures" = 0, "last_success_at" = ? where ${inList(dialect, '"id"')}`),
  };
}
type HotStatements = ReturnType<typeof hotStatements>;
const hotByDialect = new Map<Dialect, HotStatements>();
const hot = (dialect: Dialect): HotStatements => {
  let h = hotByDialect.get(dialect);
  if (!h) hotByDialect.set(dialect, (h = hotStatements(dialect)));
  return h;
};

/** A claimed delivery with everything needed to send it. */
export interface ClaimedDelivery {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  attempt_count: number;
  retry_base: number;
  lease_owner: string;
  created_at: number;
  payload: string;
  event_created_at: number;
  url: string;
  headers_enc: string | null;
  is_active: number;
}

/** What the worker checks right before sending: whether the endpoint changed since its configuration was read. */
export type EndpointVersion = Pick<WebhookEndpointsTable, 'id' | 'is_active' | 'config_version'>;
export type EndpointSendConfig = Pick<WebhookEndpointsTable, 'id' | 'url' | 'headers_enc' | 'is_active' | 'config_version'>;

/** The outcome of one attempt as the worker writes it back. */
export interface DeliveryOutcome {
  id: string;
  leaseOwner: string;
  status: DeliveryStatus;
  nextAttemptAt: number;
  statusCode: number | null;
  errorClass: string | null;
  attemptedAt: number;
  completedAt: number | null;
}

/**
 * The only code that touches the webhook tables. Tenant-scoped reads take
 * the workspace id; the worker's queue operations are cross-tenant by
 * nature (they run for every workspace) and are named as such.
 */
/** PostgreSQL channel on which `atrium worker` processes are told that deliveries became due. */
export const DUE_CHANNEL = 'atrium_webhook_deliveries';

export class WebhooksRepository {
  private readonly sql: HotStatements;

  constructor(
    private readonly db: Executor,
    readonly dialect: Dialect,
  ) {
    this.sql = hot(dialect);
  }

  private async raw<R>(text: string, parameters: unknown[]): Promise<R[]> {
    return (await this.db.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows;
  }

  with(db: Executor): WebhooksRepository {
    return new WebhooksRepository(db, this.dialect);
  }

  // — endpoints —

  async insertEndpoint(row: WebhookEndpointsTable): Promise<void> {
    await this.db.insertInto('webhook_endpoints').values(row).execute();
  }

  /** The workspace an endpoint belongs to: routes address endpoints by id alone, then check access there. */
  async endpointWorkspace(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('webhook_endpoints').select('workspace_id').where('id', '=', id).executeTakeFirst();
    return row?.workspace_id;
  }

  findEndpoint(workspaceId: string, id: string): Promise<WebhookEndpointsTable | undefined> {
    return this.db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  }

  listEndpoints(workspaceId: string, f: EndpointFilter): Promise<WebhookEndpointsTable[]> {
    let q = this.db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId);
    if (f.isActive !== undefined) q = q.where('is_active', '=', f.isActive ? 1 : 0);
    if (f.before) q = q.where('id', '<', f.before);
    if (f.ids) q = q.where('id', 'in', f.ids);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  }

  /** Enabled endpoints of a workspace with their subscriptions: the outbox fan-out's input. */
  activeSubscriptions(workspaceId: string): Promise<Pick<WebhookEndpointsTable, 'id' | 'event_types'>[]> {
    return this.db
      .selectFrom('webhook_endpoints')
      .select(['id', 'event_types'])
      .where('workspace_id', '=', workspaceId)
      .where('is_active', '=', 1)
      .execute();
  }

  /** Every change bumps config_version, so workers holding claimed-ahead deliveries re-read the endpoint before sending. */
  async updateEndpoint(workspaceId: string, id: string, patch: Partial<Omit<WebhookEndpointsTable, 'config_version'>>): Promise<void> {
    await this.db
      .updateTable('webhook_endpoints')
      .set((eb) => ({ ...patch, config_version: eb('config_version', '+', 1) }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  async deleteEndpoint(workspaceId: string, id: string): Promise<void> {
    await this.db.deleteFrom('webhook_endpoints').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  // — secrets —

  async insertSecret(row: WebhookSecretsTable): Promise<void> {
    await this.db.insertInto('webhook_secrets').values(row).execute();
  }

  listSecrets(workspaceId: string, endpointId: string): Promise<WebhookSecretsTable[]> {
    return this.db
      .selectFrom('webhook_secrets')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('endpoint_id', '=', endpointId)
      .orderBy('version', 'desc')
      .execute();
  }

  /**
   * Every secret still signing expires at `expiresAt` at the latest: the
   * current one starts its grace period, and older ones never outlive it (a
   * rotation with no grace revokes every previous secret at once).
   */
  async expireSecrets(workspaceId: string, endpointId: string, expiresAt: number): Promise<void> {
    await this.db
      .updateTable('webhook_secrets')
      .set({ expires_at: expiresAt })
      .where('workspace_id', '=', workspaceId)
      .where('endpoint_id', '=', endpointId)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', expiresAt)]))
      .execute();
  }

  async deleteExpiredSecrets(workspaceId: string, endpointId: string, now: number): Promise<void> {
    await this.db
      .deleteFrom('webhook_secrets')
      .where('workspace_id', '=', workspaceId)
      .where('endpoint_id', '=', endpointId)
      .where('expires_at', '<=', now)
      .execute();
  }

  /** Secrets that still sign, newest first, for the given endpoints (worker; cross-tenant). */
  validSecretsOf(endpointIds: readonly string[], now: number): Promise<WebhookSecretsTable[]> {
    if (endpointIds.length === 0) return Promise.resolve([]);
    return this.raw<WebhookSecretsTable>(this.sql.validSecrets, [listParam(this.dialect, endpointIds), now]);
  }

  // — events (written by the events module; read here) —

  async eventWorkspace(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('events').select('workspace_id').where('id', '=', id).executeTakeFirst();
    return row?.workspace_id;
  }

  // — deliveries —

  async insertDeliveries(rows: WebhookDeliveriesTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BULK_CHUNK) {
      await this.db.executeQuery(bulkInsert(this.dialect, 'webhook_deliveries', DELIVERY_COLUMNS, rows.slice(i, i + BULK_CHUNK)));
    }
  }

  findDelivery(workspaceId: string, id: string): Promise<WebhookDeliveriesTable | undefined> {
    return this.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  }

  listDeliveries(workspaceId: string, f: DeliveryFilter): Promise<WebhookDeliveriesTable[]> {
    let q = this.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId);
    if (f.endpointId) q = q.where('endpoint_id', '=', f.endpointId);
    if (f.eventId) q = q.where('event_id', '=', f.eventId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.eventType) q = q.where('event_type', '=', f.eventType);
    if (f.before) q = q.where('id', '<', f.before);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  }

  async countDeliveriesOfEvent(workspaceId: string, eventId: string): Promise<number> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Puts finished deliveries back in the queue with a fresh retry schedule; returns how many. */
  async requeue(
    workspaceId: string,
    endpointId: string,
    where: { ids?: string[]; statuses: DeliveryStatus[]; since?: number; until?: number },
    now: number,
  ): Promise<number> {
    let q = this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: 'pending',
        retry_base: eb.ref('attempt_count'),
        next_attempt_at: now,
        locked_until: null,
        lease_owner: null,
        completed_at: null,
        updated_at: now,
      }))
      .where('workspace_id', '=', workspaceId)
      .where('endpoint_id', '=', endpointId)
      .where('status', 'in', where.statuses);
    if (where.ids) q = q.where('id', 'in', where.ids);
    if (where.since !== undefined) q = q.where('created_at', '>=', where.since);
    if (where.until !== undefined) q = q.where('created_at', '<', where.until);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** When an endpoint is disabled its queued deliveries fail (POST …/recover re-queues them later). */
  async failQueued(workspaceId: string, endpointId: string, errorClass: string, now: number): Promise<number> {
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error_class: errorClass, completed_at: now, updated_at: now, locked_until: null, lease_owner: null })
      .where('workspace_id', '=', workspaceId)
      .where('endpoint_id', '=', endpointId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  // — attempts —

  async insertAttempts(rows: WebhookAttemptsTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BULK_CHUNK) {
      await this.db.executeQuery(bulkInsert(this.dialect, 'webhook_attempts', ATTEMPT_COLUMNS, rows.slice(i, i + BULK_CHUNK)));
    }
  }

  listAttempts(workspaceId: string, endpointId: string, f: AttemptFilter): Promise<WebhookAttemptsTable[]> {
    let q = this.db.selectFrom('webhook_attempts').selectAll().where('workspace_id', '=', workspaceId).where('endpoint_id', '=', endpointId);
    if (f.succeeded !== undefined) q = q.where('succeeded', '=', f.succeeded ? 1 : 0);
    if (f.eventType) q = q.where('event_type', '=', f.eventType);
    if (f.deliveryId) q = q.where('delivery_id', '=', f.deliveryId);
    if (f.since !== undefined) q = q.where('created_at', '>=', f.since);
    if (f.until !== undefined) q = q.where('created_at', '<', f.until);
    if (f.before) q = q.where('id', '<', f.before);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  }

  // — the queue (worker; cross-tenant) —

  /**
   * Claims due deliveries for `leaseOwner`: pending ones whose time has come
   * and in-flight ones whose lease expired (a crashed worker's). Due rows are
   * locked with FOR UPDATE SKIP LOCKED on PostgreSQL so concurrent workers
   * never claim the same row; SQLite has one writer, and the transaction the
   * caller opens makes select-then-update atomic.
   *
   * Fair per endpoint: at most `budget(endpoint)` deliveries of an endpoint
   * (0 for one this worker holds enough of), and `free` is shared round-robin
   * across the endpoints with due work, those the worker holds least of (the
   * largest budget) first, then the oldest due. The head of the due
   * queue (one cheap index range) shows every due delivery when it is short;
   * when it is full, one endpoint's backlog may hide the others, so the
   * endpoints with due work are listed through the per-endpoint index (one
   * probe each) and each is asked for its share. A backlog therefore never
   * delays another endpoint's due delivery beyond this claim.
   *
   * Claiming counts the attempt and moves next_attempt_at to the lease's end,
   * so a delivery whose worker dies is due again exactly when its lease expires.
   */
  async claimDue(opts: {
    now: number;
    leaseOwner: string;
    leaseMs: number;
    free: number;
    budget: (endpointId: string) => number;
  }): Promise<string[]> {
    const { now, free } = opts;
    if (free <= 0) return [];
    const limit = Math.min(free * 2, 1000);
    const head = await this.raw<{ id: string; endpoint_id: string }>(this.sql.claimHead, [now, limit]);
    let ids: string[];
    if (head.length < limit) {
      // Every due delivery is in view.
      const byEndpoint = new Map<string, string[]>();
      for (const row of head) {
        const list = byEndpoint.get(row.endpoint_id);
        if (list) list.push(row.id);
        else byEndpoint.set(row.endpoint_id, [row.id]);
      }
      const shares = shareOut(byBudget([...byEndpoint].map(([id, rows]) => ({ id, max: Math.min(rows.length, opts.budget(id)) }))), free);
      ids = [...shares].flatMap(([id, n]) => byEndpoint.get(id)!.slice(0, n));
    } else {
      const endpoints = await this.raw<{ endpoint_id: string }>(this.sql.dueEndpoints, [now, 1000]);
      const shares = [...shareOut(byBudget(endpoints.map((e) => ({ id: e.endpoint_id, max: opts.budget(e.endpoint_id) }))), free)];
      if (this.dialect === 'postgres') {
        const rows = shares.length === 0 ? [] : await this.raw<{ id: string }>(this.sql.dueOfEndpoints, [shares.map(([id]) => id), shares.map(([, n]) => n), now]);
        ids = rows.map((r) => r.id);
      } else {
        ids = [];
        for (const [id, n] of shares) ids.push(...(await this.raw<{ id: string }>(this.sql.dueOfEndpoint, [now, id, n])).map((r) => r.id));
      }
    }
    if (ids.length === 0) return [];
    const leaseEnd = now + opts.leaseMs;
    await this.raw(this.sql.claim, [opts.leaseOwner, leaseEnd, leaseEnd, now, listParam(this.dialect, ids)]);
    return ids;
  }

  /**
   * PostgreSQL: wakes the workers of every process (they LISTEN on DUE_CHANNEL).
   * In a transaction the notification is only delivered on commit, so no
   * worker looks for work that is not visible yet. SQLite: nothing (one process).
   */
  async notifyDue(): Promise<void> {
    if (this.dialect === 'postgres') await notify(this.db, DUE_CHANNEL);
  }

  /** Hands back claimed deliveries that were never attempted: due now, the claim's attempt not counted. */
  async release(items: readonly { id: string; leaseOwner: string }[], now: number): Promise<void> {
    const byOwner = new Map<string, string[]>();
    for (const item of items) byOwner.set(item.leaseOwner, [...(byOwner.get(item.leaseOwner) ?? []), item.id]);
    for (const [leaseOwner, ids] of byOwner) {
      await this.db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          status: 'pending',
          attempt_count: eb('attempt_count', '-', 1),
          next_attempt_at: now,
          locked_until: null,
          lease_owner: null,
          updated_at: now,
        }))
        .where('id', 'in', ids)
        .where('lease_owner', '=', leaseOwner)
        .where('status', '=', 'in_flight')
        .execute();
    }
  }

  /** Whether these endpoints changed (and are still active): the worker's check right before sending. */
  endpointVersions(ids: readonly string[]): Promise<EndpointVersion[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.raw<EndpointVersion>(this.sql.endpointVersions, [listParam(this.dialect, ids)]);
  }

  /** What sending to these endpoints needs (their secrets come from validSecretsOf). */
  endpointConfigs(ids: readonly string[]): Promise<EndpointSendConfig[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.raw<EndpointSendConfig>(this.sql.endpointConfigs, [listParam(this.dialect, ids)]);
  }

  /** Secret rotation changes how an endpoint's deliveries are signed: workers must notice before their next send. */
  async bumpConfigVersion(workspaceId: string, id: string): Promise<void> {
    await this.db
      .updateTable('webhook_endpoints')
      .set((eb) => ({ config_version: eb('config_version', '+', 1) }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** The claimed rows joined with their event and endpoint. */
  loadClaimed(ids: readonly string[]): Promise<ClaimedDelivery[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.raw<ClaimedDelivery>(this.sql.loadClaimed, [listParam(this.dialect, ids)]);
  }

  /** Of these deliveries, the ones that still exist (an endpoint may have been deleted meanwhile). */
  async existingDeliveries(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.raw<{ id: string }>(this.sql.existing, [listParam(this.dialect, ids)]);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Writes outcomes back, fenced by the lease: if our lease expired and
   * another worker claimed the delivery, `lease_owner` changed and our late
   * result does not overwrite its state. Successes with the same lease and
   * status code are written with one statement.
   */
  async recordOutcomes(outcomes: readonly DeliveryOutcome[], now: number): Promise<void> {
    const groups = new Map<string, DeliveryOutcome[]>();
    for (const o of outcomes) {
      if (o.status !== 'succeeded') {
        await this.raw(this.sql.notSucceeded, [o.status, o.nextAttemptAt, o.statusCode, o.errorClass, o.attemptedAt, o.completedAt, now, o.id, o.leaseOwner]);
        continue;
      }
      const key = `${o.leaseOwner}\u0000${o.statusCode}`;
      const group = groups.get(key);
      if (group) group.push(o);
      else groups.set(key, [o]);
    }
    for (const group of groups.values()) {
      const { leaseOwner, statusCode } = group[0];
      await this.raw(this.sql.succeeded, [statusCode, now, now, now, listParam(this.dialect, group.map((o) => o.id)), leaseOwner]);
    }
  }

  /** A success ends an endpoint's failing streak. */
  async markEndpointsHealthy(endpointIds: readonly string[], now: number): Promise<void> {
    if (endpointIds.length === 0) return;
    await this.raw(this.sql.healthy, [now, listParam(this.dialect, endpointIds)]);
  }

  /** Records failures; returns the endpoint's state to decide on auto-disable. */
  async markEndpointFailing(endpointId: string, failures: number, firstFailureAt: number, now: number) {
    await this.db
      .updateTable('webhook_endpoints')
      .set((eb) => ({
        failing_since: eb.fn.coalesce('failing_since', eb.val(firstFailureAt)),
        consecutive_failures: eb('consecutive_failures', '+', failures),
        last_failure_at: now,
      }))
      .where('id', '=', endpointId)
      .execute();
    return this.db
      .selectFrom('webhook_endpoints')
      .select(['id', 'workspace_id', 'url', 'description', 'is_active', 'failing_since', 'consecutive_failures'])
      .where('id', '=', endpointId)
      .executeTakeFirst();
  }

  /** Open deliveries by status (the queue depth gauge). */
  async queueDepth(): Promise<{ status: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where(OPEN)
      .groupBy('status')
      .execute();
    return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
  }
}

/** Endpoints this worker holds least of first (stable: among equals, the oldest due first). */
const byBudget = <T extends { max: number }>(list: T[]): T[] => list.sort((a, b) => b.max - a.max);

/**
 * Shares `free` claims round-robin among endpoints (in the given order, the
 * oldest due first), each up to its `max`: every endpoint with due work gets
 * one before any gets a second.
 */
export function shareOut(endpoints: readonly { id: string; max: number }[], free: number): Map<string, number> {
  const shares = new Map<string, number>();
  let open = endpoints.filter((e) => e.max > 0);
  let left = free;
  while (left > 0 && open.length > 0) {
    for (const e of open) {
      if (left === 0) break;
      shares.set(e.id, (shares.get(e.id) ?? 0) + 1);
      left -= 1;
    }
    open = open.filter((e) => (shares.get(e.id) ?? 0) < e.max);
  }
  return shares;
}
