import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/database.js';
import { toJson } from '../../core/db/json.js';
import { AppError, Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Outbound } from '../../core/outbound.js';
import { toIso } from '../../core/time.js';
import type { AuditLog } from '../activity/audit.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import { canonical } from '../events/canonical.js';
import type { EventBus } from '../events/event-bus.js';
import type { EventsTable } from '../events/events.tables.js';
import type { Access, WorkspaceAccess } from '../workspaces/access.js';
import type { Action } from '../policy/policy.js';
import type { EndpointHealth } from './endpoint-health.js';
import { CUSTOM_EVENT_TYPE, EVENT_TYPES } from './event-types.js';
import { endpointName } from './message-format.js';
import type { Sender } from './sender.js';
import type { SigningMaterial } from './signing-material.js';
import { generateSecret } from './signing.js';
import { recover, retryDelivery } from './requeue.js';
import { sendTest } from './test-send.js';
import type { AttemptFilter, DeliveryFilter, WebhooksRepository } from './webhooks.repository.js';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from './webhooks.tables.js';
import { checkPayloadSize, fieldError, validateEventTypes, validateHeaders } from './webhooks.validation.js';

/** An endpoint with its custom headers decrypted (presenters redact sensitive values). */
export type Endpoint = WebhookEndpointsTable & { headers: Record<string, string> };

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

export interface PublishResult {
  event: EventsTable;
  deliveries: number;
  replayed: boolean;
}

/** Not a member of the resource's workspace: the resource does not exist for this caller. */
async function notFoundAs<T>(resource: string, check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 404) throw Errors.notFound(resource);
    throw error;
  }
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
    private readonly material: SigningMaterial,
    private readonly health: EndpointHealth,
    private readonly outbound: Outbound,
    private readonly sender: Sender,
    private readonly config: Config,
  ) {}

  catalog() {
    return EVENT_TYPES;
  }

  private withHeaders(row: WebhookEndpointsTable): Endpoint {
    return { ...row, headers: this.material.openHeaders(row) };
  }

  // — access —

  /** Loads an endpoint addressed by id alone, checking access in its own workspace (another workspace's is a 404). */
  private async authorize(principal: Principal, id: string, action: Action): Promise<{ access: Access; row: WebhookEndpointsTable }> {
    const workspaceId = await this.repo.endpointWorkspace(id);
    if (!workspaceId) throw Errors.notFound('Webhook');
    const access = await notFoundAs('Webhook', this.access.require(principal, workspaceId, action, { type: 'webhook', id }));
    const row = await this.repo.findEndpoint(workspaceId, id);
    if (!row) throw Errors.notFound('Webhook');
    return { access, row };
  }

  // — endpoints —

  async create(principal: Principal, input: CreateInput, ctx: AuditContext): Promise<{ endpoint: Endpoint; secret: string }> {
    await this.access.require(principal, input.workspace_id, 'webhook.create');
    const eventTypes = validateEventTypes(input.event_types);
    const headers = validateHeaders(input.headers);
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
      headers_enc: this.material.sealHeaders(id, headers),
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
        secret_enc: this.material.sealSecret(secretId, secret),
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
    // Roles that read every endpoint see them all; anyone else the endpoints their grants allow (none: 403).
    const allowed = await this.access.allowedIds(access, 'webhook.read', 'webhook');
    if (allowed !== 'all' && allowed.length === 0) throw Errors.forbidden();
    const rows = await this.repo.listEndpoints(workspaceId, { ...filter, ids: allowed === 'all' ? undefined : allowed });
    return rows.map((r) => this.withHeaders(r));
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
      const types = toJson(validateEventTypes(patch.event_types));
      if (types !== row.event_types) {
        set.event_types = types;
        changed.push('event_types');
      }
    }
    if (patch.headers !== undefined) {
      const headers = validateHeaders(patch.headers);
      if (canonical(headers) !== canonical(this.material.openHeaders(row))) {
        set.headers_enc = this.material.sealHeaders(id, headers);
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
        if (toggle && patch.is_active) await this.health.enable(trx, ctx, row, now);
        if (toggle && !patch.is_active) await this.health.disable(trx, ctx, row, 'manual', now);
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
        secret_enc: this.material.sealSecret(secretId, secret),
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

  // — test —

  /** Sends a signed `webhook.test` now (one attempt, no retries) and reports its outcome; it shows in the logs. */
  async test(principal: Principal, id: string, data: Record<string, unknown> | undefined) {
    const { row } = await this.authorize(principal, id, 'webhook.read');
    const now = Date.now();
    const testData = { webhook_id: id, test: true, sent_at: toIso(now), ...(data ? { data } : {}) };
    checkPayloadSize(toJson(testData), 'data', this.config.webhooks.maxPayloadBytes);
    return sendTest({ db: this.db, repo: this.repo, events: this.events, material: this.material, sender: this.sender, leaseMs: this.config.webhooks.leaseMs }, row, testData, now);
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
    await notFoundAs('Event', this.access.require(principal, workspaceId, 'webhook.read'));
    return this.repo.listDeliveries(workspaceId, { ...filter, eventId });
  }

  private requeueDeps() {
    return { db: this.db, repo: this.repo, audit: this.audit };
  }

  /** Sends a finished delivery again (fresh retry schedule). */
  async retryDelivery(principal: Principal, id: string, deliveryId: string, ctx: AuditContext): Promise<WebhookDeliveriesTable> {
    const { row } = await this.authorize(principal, id, 'webhook.write');
    const delivery = await retryDelivery(this.requeueDeps(), row, deliveryId, ctx);
    this.onDue();
    return delivery;
  }

  /** Re-queues every failed delivery created since `since` (and before `until`). */
  async recover(principal: Principal, id: string, since: number, until: number | undefined, ctx: AuditContext): Promise<number> {
    const { row } = await this.authorize(principal, id, 'webhook.write');
    const requeued = await recover(this.requeueDeps(), row, since, until, ctx);
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
    checkPayloadSize(toJson(input.payload), 'payload', this.config.webhooks.maxPayloadBytes);
    const result = await this.events.publishNow({ workspaceId: input.workspace_id, type: input.event_type, data: input.payload, idempotencyKey });
    if (!result.replayed && result.queued > 0) this.onDue();
    return { event: result.event, deliveries: result.queued, replayed: result.replayed };
  }
}
