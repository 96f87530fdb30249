import type { Config } from '../../core/config.js';
import type { Db, Executor } from '../../core/db/database.js';
import { toJson } from '../../core/db/json.js';
import { AppError, Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Keyring } from '../../core/keyring.js';
import type { Outbound } from '../../core/outbound.js';
import { toIso } from '../../core/time.js';
import type { AuditContext, AuditLog } from '../activity/audit.js';
import type { Principal } from '../auth/principal.js';
import type { EventBus } from '../events/event-bus.js';
import { canonical } from '../events/canonical.js';
import type { EventsTable } from '../events/events.tables.js';
import type { Access, WorkspaceAccess } from '../workspaces/access.js';
import type { Action } from '../workspaces/policy.js';
import { CUSTOM_EVENT_TYPE, EVENT_TYPES, invalidSubscription } from './event-types.js';
import { isReservedHeader, type Sender, type SendResult } from './sender.js';
import { generateSecret, secretKey } from './signing.js';
import type { AttemptFilter, DeliveryFilter, WebhooksRepository } from './webhooks.repository.js';
import type { DeliveryStatus, WebhookAttemptsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from './webhooks.tables.js';

/** An endpoint with its custom headers decrypted (presenters redact sensitive values). */
export type Endpoint = WebhookEndpointsTable & { headers: Record<string, string> };

export type DisableReason = 'manual' | 'gone' | 'failing';

export interface CreateInput {
  workspace_id: string;
  url: string;
  description?: string;
  event_types?: string[];
  is_active?: boolean;
  headers?: Record<string, string>;
}

export interface UpdateInput {
  url?: string;
  description?: string | null;
  event_types?: string[];
  is_active?: boolean;
  headers?: Record<string, string> | null;
}

/** AADs follow the keyring convention `<table>:<row id>:<column>` (rotate-master-key relies on it). */
export const secretAad = (secretId: string) => `webhook_secrets:${secretId}:secret_enc`;
export const headersAad = (endpointId: string) => `webhook_endpoints:${endpointId}:headers_enc`;

/** The JSON body receivers get. `data` is spliced in as stored: no parse/serialise round trip per attempt. */
export function messageBody(e: { id: string; type: string; workspace_id: string; created_at: number; payload: string }): string {
  return `{"id":${JSON.stringify(e.id)},"type":${JSON.stringify(e.type)},"timestamp":"${toIso(e.created_at)}","workspace_id":${JSON.stringify(e.workspace_id)},"data":${e.payload}}`;
}

/** Activity rows and events name an endpoint by its description or origin, never its full URL (paths often embed tokens). */
export function endpointName(e: Pick<WebhookEndpointsTable, 'description' | 'url'>): string {
  if (e.description) return e.description;
  try {
    return new URL(e.url).origin;
  } catch {
    return 'webhook';
  }
}

const fieldError = (field: string, message: string) =>
  Errors.validation(`${field} ${message}`, [{ field, location: 'body', message }]);

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
// eslint-disable-next-line no-control-regex
const HEADER_VALUE = /^[^\u0000-\u0008\u000a-\u001f\u007f]{0,2048}$/;

export interface PublishResult {
  event: EventsTable;
  deliveries: number;
  replayed: boolean;
}

export class WebhooksService {
  /**
   * Called when deliveries become due now (publish, retry, recover): wakes an
   * in-process worker. Other processes' workers are woken by the NOTIFY
   * (PostgreSQL) issued in the transaction that queued them.
   */
  onDue: () => void = () => {};
  constructor(
    private readonly db: Db,
    readonly repo: WebhooksRepository,
    private readonly access: WorkspaceAccess,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
    private readonly keyring: Keyring,
    private readonly outbound: Outbound,
    private readonly sender: Sender,
    private readonly config: Config,
  ) {}

  catalog() {
    return EVENT_TYPES;
  }

  // — validation —

  private validateEventTypes(types: string[] | undefined): string[] {
    const list = [...new Set(types ?? [])];
    for (const type of list) {
      const problem = invalidSubscription(type);
      if (problem) throw fieldError('event_types', problem);
    }
    return list;
  }

  private validateHeaders(headers: Record<string, string> | null | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (!HEADER_NAME.test(name)) throw fieldError(`headers.${name}`, 'is not a valid header name');
      if (isReservedHeader(name)) throw fieldError(`headers.${name}`, 'is set by atrium and cannot be overridden');
      if (typeof value !== 'string' || !HEADER_VALUE.test(value)) throw fieldError(`headers.${name}`, 'must be a single-line string of at most 2048 characters');
      out[name.toLowerCase()] = value;
    }
    return out;
  }

  private sealHeaders(endpointId: string, headers: Record<string, string>): string | null {
    return Object.keys(headers).length === 0 ? null : this.keyring.encrypt(JSON.stringify(headers), headersAad(endpointId));
  }

  openHeaders(row: Pick<WebhookEndpointsTable, 'id' | 'headers_enc'>): Record<string, string> {
    return row.headers_enc ? (JSON.parse(this.keyring.decrypt(row.headers_enc, headersAad(row.id))) as Record<string, string>) : {};
  }

  private withHeaders(row: WebhookEndpointsTable): Endpoint {
    return { ...row, headers: this.openHeaders(row) };
  }

  // — access —

  /** Loads an endpoint addressed by id alone, checking access in its own workspace (another workspace's is a 404). */
  private async authorize(principal: Principal, id: string, action: Action): Promise<{ access: Access; row: WebhookEndpointsTable }> {
    const workspaceId = await this.repo.endpointWorkspace(id);
    if (!workspaceId) throw Errors.notFound('Webhook');
    let access: Access;
    try {
      access = await this.access.require(principal, workspaceId, action, { type: 'webhook', id });
    } catch (error) {
      // Not a member of the endpoint's workspace: the endpoint does not exist for this caller.
      if (error instanceof AppError && error.statusCode === 404) throw Errors.notFound('Webhook');
      throw error;
    }
    const row = await this.repo.findEndpoint(workspaceId, id);
    if (!row) throw Errors.notFound('Webhook');
    return { access, row };
  }

  // — endpoints —

  async create(principal: Principal, input: CreateInput, ctx: AuditContext): Promise<{ endpoint: Endpoint; secret: string }> {
    await this.access.require(principal, input.workspace_id, 'webhook.create');
    const eventTypes = this.validateEventTypes(input.event_types);
    const headers = this.validateHeaders(input.headers);
    await this.outbound.assertAllowed(input.url, 'url');
    const now = Date.now();
    const id = newId('wh');
    const secret = generateSecret();
    const row: WebhookEndpointsTable = {
      id,
      workspace_id: input.workspace_id,
      url: input.url,
      description: input.description?.trim() || null,
      event_types: toJson(eventTypes),
      headers_enc: this.sealHeaders(id, headers),
      is_active: input.is_active === false ? 0 : 1,
      disabled_reason: input.is_active === false ? 'manual' : null,
      disabled_at: input.is_active === false ? now : null,
      failing_since: null,
      consecutive_failures: 0,
      last_success_at: null,
      last_failure_at: null,
      created_by: principal.userId,
      created_at: now,
      updated_at: now,
      config_version: 1,
    };
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      await repo.insertEndpoint(row);
      const secretId = newId('whs');
      await repo.insertSecret({
        id: secretId,
        endpoint_id: id,
        version: 1,
        workspace_id: row.workspace_id,
        secret_enc: this.keyring.encrypt(secret, secretAad(secretId)),
        created_at: now,
        expires_at: null,
      });
      await this.audit.record(trx, ctx, {
        workspaceId: row.workspace_id,
        action: 'webhook.created',
        resource: { type: 'webhook', id, name: endpointName(row) },
        details: { url_origin: new URL(row.url).origin, event_types: eventTypes, is_active: row.is_active === 1 },
      });
    });
    return { endpoint: { ...row, headers }, secret };
  }

  /** Members who may read webhooks see all of them; others see those they hold a grant on. */
  async list(principal: Principal, workspaceId: string, filter: { isActive?: boolean; before?: string; limit: number }): Promise<Endpoint[]> {
    const access = await this.access.member(principal, workspaceId);
    const rows = await this.repo.listEndpoints(workspaceId, filter);
    if (await this.access.allows(access, 'webhook.read')) return rows.map((r) => this.withHeaders(r));
    const visible: WebhookEndpointsTable[] = [];
    for (const row of rows) if (await this.access.allows(access, 'webhook.read', { type: 'webhook', id: row.id })) visible.push(row);
    if (visible.length === 0) throw Errors.forbidden();
    return visible.map((r) => this.withHeaders(r));
  }

  async get(principal: Principal, id: string): Promise<Endpoint> {
    const { row } = await this.authorize(principal, id, 'webhook.read');
    return this.withHeaders(row);
  }

  async update(principal: Principal, id: string, patch: UpdateInput, ctx: AuditContext): Promise<Endpoint> {
    const { row } = await this.authorize(principal, id, 'webhook.write');
    const set: Partial<WebhookEndpointsTable> = {};
    const changed: string[] = [];
    if (patch.url !== undefined && patch.url !== row.url) {
      await this.outbound.assertAllowed(patch.url, 'url');
      set.url = patch.url;
      changed.push('url');
    }
    if (patch.description !== undefined && (patch.description?.trim() || null) !== row.description) {
      set.description = patch.description?.trim() || null;
      changed.push('description');
    }
    if (patch.event_types !== undefined) {
      const types = toJson(this.validateEventTypes(patch.event_types));
      if (types !== row.event_types) {
        set.event_types = types;
        changed.push('event_types');
      }
    }
    if (patch.headers !== undefined) {
      const headers = this.validateHeaders(patch.headers);
      if (canonical(headers) !== canonical(this.openHeaders(row))) {
        set.headers_enc = this.sealHeaders(id, headers);
        changed.push('headers');
      }
    }
    const toggle = patch.is_active !== undefined && patch.is_active !== (row.is_active === 1);
    if (changed.length > 0 || toggle) {
      const now = Date.now();
      await this.db.transaction().execute(async (trx) => {
        if (changed.length > 0) {
          await this.repo.with(trx).updateEndpoint(row.workspace_id, id, { ...set, updated_at: now });
          await this.audit.record(trx, ctx, {
            workspaceId: row.workspace_id,
            action: 'webhook.updated',
            resource: { type: 'webhook', id, name: endpointName({ ...row, ...set }) },
            details: { changed },
          });
        }
        if (toggle && patch.is_active) await this.enableInTrx(trx, ctx, row, now);
        if (toggle && !patch.is_active) await this.disableInTrx(trx, ctx, row, 'manual', now);
      });
    }
    return this.get(principal, id);
  }

  async delete(principal: Principal, id: string, ctx: AuditContext): Promise<void> {
    const { row } = await this.authorize(principal, id, 'webhook.delete');
    await this.db.transaction().execute(async (trx) => {
      // Delete first so the webhook.deleted event is not queued for the deleted endpoint itself.
      await this.repo.with(trx).deleteEndpoint(row.workspace_id, id);
      await this.access.forgetResource(trx, row.workspace_id, { type: 'webhook', id });
      await this.audit.record(trx, ctx, {
        workspaceId: row.workspace_id,
        action: 'webhook.deleted',
        resource: { type: 'webhook', id, name: endpointName(row) },
      });
    });
  }

  async setActive(principal: Principal, id: string, active: boolean, ctx: AuditContext): Promise<Endpoint> {
    return this.update(principal, id, { is_active: active }, ctx);
  }

  /**
   * Disables an endpoint in the caller's transaction: its queued deliveries
   * fail (POST …/recover re-queues them once it is fixed) and a
   * `webhook.disabled` event is recorded. Used by members and by the worker
   * (410 Gone, failing for too long).
   */
  async disableInTrx(trx: Executor, ctx: AuditContext, row: Pick<WebhookEndpointsTable, 'id' | 'workspace_id' | 'url' | 'description' | 'failing_since'>, reason: DisableReason, now: number, message?: string): Promise<void> {
    const repo = this.repo.with(trx);
    await repo.updateEndpoint(row.workspace_id, row.id, { is_active: 0, disabled_reason: reason, disabled_at: now, updated_at: now });
    const failed = await repo.failQueued(row.workspace_id, row.id, 'endpoint_disabled', now);
    await this.audit.record(trx, ctx, {
      workspaceId: row.workspace_id,
      action: 'webhook.disabled',
      resource: { type: 'webhook', id: row.id, name: endpointName(row) },
      details: {
        reason,
        message: message ?? disabledMessage(reason, row.failing_since),
        failing_since: row.failing_since === null ? null : toIso(row.failing_since),
        queued_deliveries_failed: failed,
      },
    });
  }

  private async enableInTrx(trx: Executor, ctx: AuditContext, row: WebhookEndpointsTable, now: number): Promise<void> {
    await this.repo.with(trx).updateEndpoint(row.workspace_id, row.id, {
      is_active: 1, disabled_reason: null, disabled_at: null, failing_since: null, consecutive_failures: 0, updated_at: now,
    });
    await this.audit.record(trx, ctx, {
      workspaceId: row.workspace_id,
      action: 'webhook.enabled',
      resource: { type: 'webhook', id: row.id, name: endpointName(row) },
    });
  }

  /** A new secret; the previous one keeps signing alongside until the grace period ends. */
  async rotateSecret(principal: Principal, id: string, graceSeconds: number | undefined, ctx: AuditContext) {
    const { row } = await this.authorize(principal, id, 'webhook.write');
    const graceMs = graceSeconds === undefined ? this.config.webhooks.secretGraceMs : graceSeconds * 1000;
    const now = Date.now();
    const secret = generateSecret();
    const previousExpiresAt = now + graceMs;
    const version = await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      await repo.deleteExpiredSecrets(row.workspace_id, id, now);
      const existing = await repo.listSecrets(row.workspace_id, id);
      const next = (existing[0]?.version ?? 0) + 1;
      await repo.expireSecrets(row.workspace_id, id, previousExpiresAt);
      // Workers holding claimed-ahead deliveries re-read the secrets before their next send.
      await repo.bumpConfigVersion(row.workspace_id, id);
      const secretId = newId('whs');
      await repo.insertSecret({
        id: secretId,
        endpoint_id: id,
        version: next,
        workspace_id: row.workspace_id,
        secret_enc: this.keyring.encrypt(secret, secretAad(secretId)),
        created_at: now,
        expires_at: null,
      });
      await this.audit.record(trx, ctx, {
        workspaceId: row.workspace_id,
        action: 'webhook.secret_rotated',
        resource: { type: 'webhook', id, name: endpointName(row) },
        details: { version: next, previous_secret_expires_at: toIso(previousExpiresAt) },
      });
      return next;
    });
    return { secret, version, previousSecretExpiresAt: previousExpiresAt };
  }

  /** HMAC keys of the secrets that sign now, newest first. */
  async signingKeys(workspaceId: string, endpointId: string, now = Date.now()): Promise<Buffer[]> {
    const rows = await this.repo.listSecrets(workspaceId, endpointId);
    return rows
      .filter((s) => s.expires_at === null || s.expires_at > now)
      .map((s) => secretKey(this.keyring.decrypt(s.secret_enc, secretAad(s.id))));
  }

  // — test —

  /** Sends a signed `webhook.test` now (one attempt, no retries) and reports its outcome; it shows in the logs. */
  /** Event payloads, published or sent as a test, are bounded alike. */
  private checkPayloadSize(json: string, field: string): void {
    if (Buffer.byteLength(json) <= this.config.webhooks.maxPayloadBytes) return;
    throw new AppError('payload_too_large', 413, `${field} must be at most ${this.config.webhooks.maxPayloadBytes} bytes of JSON`, [
      { field, location: 'body', message: 'is too large' },
    ]);
  }

  async test(principal: Principal, id: string, data: Record<string, unknown> | undefined) {
    const { row } = await this.authorize(principal, id, 'webhook.read');
    const now = Date.now();
    const testData = { webhook_id: id, test: true, sent_at: toIso(now), ...(data ? { data } : {}) };
    this.checkPayloadSize(toJson(testData), 'data');
    const leaseOwner = `test:${newId('dlv')}`;
    const leaseEnd = now + this.config.webhooks.leaseMs;
    // The event is recorded, not published: a test goes to this endpoint only.
    const { event, delivery } = await this.db.transaction().execute(async (trx) => {
      const event = await this.events.record(trx, { workspaceId: row.workspace_id, type: 'webhook.test', data: testData, createdAt: now });
      const delivery: WebhookDeliveriesTable = {
        id: newId('dlv'), workspace_id: row.workspace_id, endpoint_id: id, event_id: event.id, event_type: event.type,
        status: 'in_flight', attempt_count: 1, retry_base: 0, next_attempt_at: leaseEnd, locked_until: leaseEnd, lease_owner: leaseOwner,
        last_status_code: null, last_error_class: null, last_attempt_at: null, completed_at: null, created_at: now, updated_at: now,
      };
      await this.repo.with(trx).insertDeliveries([delivery]);
      return { event, delivery };
    });
    const result = await this.sender.send({
      url: row.url,
      message: { id: event.id, body: messageBody(event) },
      keys: await this.signingKeys(row.workspace_id, id),
      customHeaders: this.openHeaders(row),
    });
    const attempt = attemptRow(delivery, 1, 'test', row.url, result, null, null);
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      await repo.insertAttempts([attempt]);
      await repo.recordOutcomes([{
        id: delivery.id, leaseOwner, status: result.succeeded ? 'succeeded' : 'failed', nextAttemptAt: Date.now(),
        statusCode: result.statusCode, errorClass: result.errorClass, attemptedAt: result.startedAt, completedAt: Date.now(),
      }], Date.now());
    });
    return { endpoint: row, event, delivery, attempt, result };
  }

  // — logs and deliveries —

  async logs(principal: Principal, id: string, filter: Omit<AttemptFilter, 'deliveryId'>): Promise<WebhookAttemptsTable[]> {
    const { row } = await this.authorize(principal, id, 'webhook.read');
    return this.repo.listAttempts(row.workspace_id, id, filter);
  }

  async deliveries(principal: Principal, id: string, filter: Omit<DeliveryFilter, 'endpointId' | 'eventId'>): Promise<WebhookDeliveriesTable[]> {
    const { row } = await this.authorize(principal, id, 'webhook.read');
    return this.repo.listDeliveries(row.workspace_id, { ...filter, endpointId: id });
  }

  async delivery(principal: Principal, id: string, deliveryId: string) {
    const { row } = await this.authorize(principal, id, 'webhook.read');
    const delivery = await this.repo.findDelivery(row.workspace_id, deliveryId);
    if (!delivery || delivery.endpoint_id !== id) throw Errors.notFound('Delivery');
    const attempts = await this.repo.listAttempts(row.workspace_id, id, { deliveryId, limit: 200 });
    return { delivery, attempts };
  }

  async eventDeliveries(principal: Principal, eventId: string, filter: Omit<DeliveryFilter, 'endpointId' | 'eventId'>): Promise<WebhookDeliveriesTable[]> {
    const workspaceId = await this.repo.eventWorkspace(eventId);
    if (!workspaceId) throw Errors.notFound('Event');
    try {
      await this.access.require(principal, workspaceId, 'webhook.read');
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) throw Errors.notFound('Event');
      throw error;
    }
    return this.repo.listDeliveries(workspaceId, { ...filter, eventId });
  }

  private requireActive(row: WebhookEndpointsTable): void {
    if (row.is_active !== 1) {
      throw Errors.conflict('endpoint_disabled', 'This webhook is disabled; enable it first', { disabled_reason: row.disabled_reason });
    }
  }

  /** Sends a finished delivery again (fresh retry schedule). */
  async retryDelivery(principal: Principal, id: string, deliveryId: string, ctx: AuditContext): Promise<WebhookDeliveriesTable> {
    const { row } = await this.authorize(principal, id, 'webhook.write');
    const delivery = await this.repo.findDelivery(row.workspace_id, deliveryId);
    if (!delivery || delivery.endpoint_id !== id) throw Errors.notFound('Delivery');
    this.requireActive(row);
    if (delivery.status === 'pending' || delivery.status === 'in_flight') {
      throw Errors.conflict('delivery_in_progress', 'This delivery is already queued or being sent', { status: delivery.status });
    }
    await this.db.transaction().execute(async (trx) => {
      await this.repo.with(trx).requeue(row.workspace_id, id, { ids: [deliveryId], statuses: ['succeeded', 'failed'] }, Date.now());
      await this.repo.with(trx).notifyDue();
      await this.audit.record(trx, ctx, {
        workspaceId: row.workspace_id,
        action: 'webhook.delivery_retried',
        resource: { type: 'webhook', id, name: endpointName(row) },
        details: { delivery_id: deliveryId, event_id: delivery.event_id },
        emitEvent: false,
      });
    });
    this.onDue();
    return (await this.repo.findDelivery(row.workspace_id, deliveryId))!;
  }

  /** Re-queues every failed delivery created since `since` (and before `until`). */
  async recover(principal: Principal, id: string, since: number, until: number | undefined, ctx: AuditContext): Promise<number> {
    const { row } = await this.authorize(principal, id, 'webhook.write');
    this.requireActive(row);
    if (until !== undefined && until <= since) throw fieldError('until', 'must be after since');
    const requeued = await this.db.transaction().execute(async (trx) => {
      const n = await this.repo.with(trx).requeue(row.workspace_id, id, { statuses: ['failed'], since, until }, Date.now());
      if (n > 0) await this.repo.with(trx).notifyDue();
      await this.audit.record(trx, ctx, {
        workspaceId: row.workspace_id,
        action: 'webhook.recovered',
        resource: { type: 'webhook', id, name: endpointName(row) },
        details: { since: toIso(since), until: until === undefined ? null : toIso(until), requeued: n },
        emitEvent: false,
      });
      return n;
    });
    if (requeued > 0) this.onDue();
    return requeued;
  }

  // — app events —

  /**
   * Publishes an application event (`custom.*`) through the outbox (group
   * commit, Idempotency-Key replay: see EventBus.publishNow).
   */
  async publish(principal: Principal, input: { workspace_id: string; event_type: string; payload: Record<string, unknown> }, idempotencyKey: string | undefined): Promise<PublishResult> {
    await this.access.require(principal, input.workspace_id, 'event.publish');
    if (!CUSTOM_EVENT_TYPE.test(input.event_type)) {
      throw fieldError('event_type', 'must be custom.<name> (lower-case letters, digits, "_" and "-", up to 4 dot-separated parts)');
    }
    this.checkPayloadSize(toJson(input.payload), 'payload');
    const result = await this.events.publishNow({ workspaceId: input.workspace_id, type: input.event_type, data: input.payload, idempotencyKey });
    if (!result.replayed && result.queued > 0) this.onDue();
    return { event: result.event, deliveries: result.queued, replayed: result.replayed };
  }
}

export function disabledMessage(reason: string | null, failingSince: number | null): string | null {
  switch (reason) {
    case 'manual':
      return 'Disabled by a workspace member';
    case 'gone':
      return 'The receiver answered 410 Gone';
    case 'failing':
      return failingSince === null ? 'Every delivery failed for too long' : `Every delivery failed since ${toIso(failingSince)}`;
    default:
      return null;
  }
}

/** Attempt rows hold what receivers sent back: NUL cannot be stored in PostgreSQL text, so it is dropped before writing. */
const clean = (value: string | null): string | null => (value !== null && value.includes('\u0000') ? value.replace(/\u0000/g, '') : value);

export function attemptRow(
  delivery: Pick<WebhookDeliveriesTable, 'id' | 'workspace_id' | 'endpoint_id' | 'event_id' | 'event_type'>,
  attemptNumber: number,
  trigger: 'scheduled' | 'test',
  url: string,
  result: SendResult,
  nextAttemptAt: number | null,
  workerId: string | null,
): WebhookAttemptsTable {
  return {
    id: newId('att'),
    workspace_id: delivery.workspace_id,
    delivery_id: delivery.id,
    endpoint_id: delivery.endpoint_id,
    event_id: delivery.event_id,
    event_type: delivery.event_type,
    attempt_number: attemptNumber,
    trigger,
    url,
    request_headers: clean(toJson(result.requestHeaders))!,
    status_code: result.statusCode,
    response_body: clean(result.responseBody),
    duration_ms: result.durationMs,
    error_class: result.errorClass,
    error_message: clean(result.errorMessage),
    succeeded: result.succeeded ? 1 : 0,
    next_attempt_at: nextAttemptAt,
    worker_id: workerId,
    created_at: result.startedAt,
  };
}

export type { DeliveryStatus };
