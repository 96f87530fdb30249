import { toJson } from '../../core/db/json.js';
import { INPUT_LIMITS } from '../../core/http/boundary.js';
import type { Principal } from '../identity/principal.js';
import type { EventBus } from '../events/event-bus.js';
import type { EventsTable } from '../events/events.tables.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import { CUSTOM_EVENT_TYPE } from './event-types.js';
import { MAX_BATCH_EVENTS } from './webhooks.schemas.js';
import { checkPayloadSize, fieldError } from './webhooks.validation.js';

interface EventInput {
  event_type: string;
  payload: Record<string, unknown>;
}

interface BatchEventInput extends EventInput {
  idempotency_key?: string;
}

export interface PublishResult {
  event: EventsTable;
  deliveries: number;
  replayed: boolean;
}

/**
 * Application events (`custom.*`) published through the API, one at a time or
 * in batches, into the outbox (group commit and Idempotency-Key replay: see
 * EventBus.publishNow / publishAllNow); the outbox fan-out queues their
 * deliveries in the same transaction.
 */
export class EventPublishing {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly events: EventBus,
    private readonly maxPayloadBytes: number,
    /** Deliveries became due now: wakes an in-process worker (others are woken by the NOTIFY). */
    private readonly onDue: () => void,
  ) {}

  async publish(principal: Principal, input: EventInput & { workspace_id: string }, idempotencyKey: string | undefined): Promise<PublishResult> {
    await this.access.require(principal, input.workspace_id, 'event.publish');
    this.checkEvent(input, '');
    const result = await this.events.publishNow({ workspaceId: input.workspace_id, type: input.event_type, data: input.payload, idempotencyKey });
    if (!result.replayed && result.queued > 0) this.onDue();
    return { event: result.event, deliveries: result.queued, replayed: result.replayed };
  }

  /**
   * Publishes up to 100 application events in one transaction, all or none:
   * every event is checked as a single publish would be before anything is
   * written, and each idempotency key replays as with single publishes. One
   * result per event, in order.
   */
  async publishBatch(principal: Principal, input: { workspace_id: string; events: BatchEventInput[] }): Promise<PublishResult[]> {
    await this.access.require(principal, input.workspace_id, 'event.publish');
    input.events.forEach((event, i) => this.checkEvent(event, `events.${i}.`));
    const results = await this.events.publishAllNow(
      input.events.map((e) => ({ workspaceId: input.workspace_id, type: e.event_type, data: e.payload, idempotencyKey: e.idempotency_key })),
      (i) => `events.${i}.idempotency_key`,
    );
    if (results.some((r) => !r.replayed && r.queued > 0)) this.onDue();
    return results.map((r) => ({ event: r.event, deliveries: r.queued, replayed: r.replayed }));
  }

  /**
   * The largest batch request body: room for a full batch of events of the
   * largest payload each, with a margin per event for its type, key and the
   * JSON around them; at least the server's 1 MiB, at most 32 MiB (memory:
   * the body is held and parsed whole).
   */
  batchBodyLimit(): number {
    const fullBatch = MAX_BATCH_EVENTS * (this.maxPayloadBytes + 4096);
    return Math.min(Math.max(fullBatch, INPUT_LIMITS.bodyBytes), 32 * 1024 * 1024);
  }

  /** What the schema cannot say about an event: a custom.* type, and a payload within the size limit. */
  private checkEvent(event: EventInput, prefix: string): void {
    if (!CUSTOM_EVENT_TYPE.test(event.event_type)) {
      throw fieldError(`${prefix}event_type`, 'must be custom.<name> (lower-case letters, digits, "_" and "-", up to 4 dot-separated parts)');
    }
    checkPayloadSize(toJson(event.payload), `${prefix}payload`, this.maxPayloadBytes);
  }
}
