import type { WebhookConfig } from '../../core/config.js';
import { prefetchFor, startBy, type AttemptTimes } from './delivery.pacing.js';
import type { ClaimedDelivery } from './webhooks.repository.js';

/** A claimed delivery and when its lease ends. */
export interface Ready {
  delivery: ClaimedDelivery;
  leaseEnd: number;
}

/** What this worker holds for one endpoint: attempts being sent and claimed deliveries waiting for a slot. */
export interface EndpointSlot {
  active: number;
  queue: Ready[];
}

/** A delivery whose slots are taken, waiting for the send-time check of its endpoint. */
export interface Starting {
  slot: EndpointSlot;
  ready: Ready;
}

export interface SlotEvents {
  /** Whether new attempts may start (not once stop() has begun). */
  running(): boolean;
  /** Slots were taken for these deliveries: check their endpoints and send (called once per turn). */
  start(batch: Starting[]): void;
  /** A claimed delivery fails without an attempt (its endpoint is disabled or gone). */
  fail(delivery: ClaimedDelivery): void;
  /** Slots freed up or deliveries were handed back: claiming may find something. */
  wake(): void;
}

/**
 * The worker's slots: concurrency bounded globally and per endpoint, and the
 * deliveries claimed ahead waiting locally for a slot. A freed global slot
 * goes round-robin among endpoints, so one endpoint's long local queue
 * cannot hold up another's delivery.
 */
export class EndpointSlots {
  /** Attempts taking a slot (being checked or sent). */
  active = 0;
  /** Claimed deliveries not yet finished (being sent or waiting in a local queue). */
  held = 0;
  /** Claimed deliveries that will not start here: handed back (due again at once, attempt not counted). */
  toRelease: Ready[] = [];
  private readonly slots = new Map<string, EndpointSlot>();
  private starting: Starting[] = [];

  constructor(
    private readonly config: WebhookConfig,
    private readonly attemptMs: AttemptTimes,
    private readonly events: SlotEvents,
  ) {}

  /** What this worker may still claim of an endpoint: none of one whose slots and local queue are full. */
  budget(endpointId: string): number {
    const s = this.slots.get(endpointId);
    const held = s ? s.active + s.queue.length : 0;
    return this.config.endpointConcurrency * prefetchFor(this.attemptMs.get(endpointId), this.config) - held;
  }

  /** Queues claimed deliveries at their endpoints and starts what the slots allow. */
  take(claimed: ClaimedDelivery[], leaseEnd: number): void {
    const touched = new Set<string>();
    for (const delivery of claimed) {
      if (delivery.is_active !== 1) {
        // Disabled after this delivery was queued: it fails without an attempt (recover re-queues it).
        this.events.fail(delivery);
        continue;
      }
      this.held += 1;
      this.slot(delivery.endpoint_id).queue.push({ delivery, leaseEnd });
      touched.add(delivery.endpoint_id);
    }
    for (const endpointId of touched) this.pump(endpointId);
  }

  /** Takes the batch waiting for its send-time check. */
  takeStarting(): Starting[] {
    return this.starting.splice(0);
  }

  /** Gives back the slots of a delivery that will not start: it fails as disabled, or is handed back. */
  unstart(slot: EndpointSlot, ready: Ready, handBack: boolean): void {
    this.release(slot);
    if (handBack) this.toRelease.push(ready);
    else this.events.fail(ready.delivery);
    this.events.wake();
    this.pump(ready.delivery.endpoint_id);
  }

  /** An attempt is over: frees its slots and refills them, this endpoint's last. */
  finished(slot: EndpointSlot, endpointId: string): void {
    this.release(slot);
    // The freed global slot goes round-robin: this endpoint moves to the back of the line, so
    // another endpoint's delivery waiting here is not held up by this one's local queue.
    if (this.slots.get(endpointId) === slot) {
      this.slots.delete(endpointId);
      this.slots.set(endpointId, slot);
    }
    if (this.active < this.config.concurrency) {
      for (const id of [...this.slots.keys()]) {
        if (this.active >= this.config.concurrency) break;
        this.pump(id);
      }
    }
    this.pump(endpointId);
    // Claim again when this endpoint has less than one more round of work waiting locally.
    if ((this.slots.get(endpointId)?.queue.length ?? 0) < this.config.endpointConcurrency) this.events.wake();
  }

  /** Fails an endpoint's deliveries waiting here (it answered 410 Gone). */
  failQueued(endpointId: string): void {
    const slot = this.slots.get(endpointId);
    if (!slot) return;
    for (const ready of slot.queue.splice(0)) {
      this.held -= 1;
      this.events.fail(ready.delivery);
    }
  }

  /** Stopping: every delivery waiting for a slot is handed back. */
  handBackQueued(): void {
    for (const slot of this.slots.values()) {
      this.held -= slot.queue.length;
      this.toRelease.push(...slot.queue.splice(0));
    }
  }

  private release(slot: EndpointSlot): void {
    this.active -= 1;
    slot.active -= 1;
    this.held -= 1;
  }

  private slot(endpointId: string): EndpointSlot {
    let slot = this.slots.get(endpointId);
    if (!slot) {
      slot = { active: 0, queue: [] };
      this.slots.set(endpointId, slot);
    }
    return slot;
  }

  /** Starts queued deliveries of an endpoint while it and the worker have free slots. */
  private pump(endpointId: string): void {
    const slot = this.slots.get(endpointId);
    if (!slot) return;
    // Once stop() has begun nothing new starts: an attempt finishing meanwhile must not start a queued one.
    while (slot.queue.length > 0 && slot.active < this.config.endpointConcurrency && this.active < this.config.concurrency && this.events.running()) {
      const ready = slot.queue.shift()!;
      if (ready.leaseEnd - Date.now() < startBy(this.config)) {
        // Waited too long locally: the lease might expire mid-attempt. Hand it back instead.
        this.toRelease.push(ready);
        this.held -= 1;
        this.events.wake();
        continue;
      }
      // Slots are taken now; the attempt starts once its endpoint is checked.
      this.active += 1;
      slot.active += 1;
      if (this.starting.length === 0) queueMicrotask(() => this.events.start(this.takeStarting()));
      this.starting.push({ slot, ready });
    }
    if (slot.active === 0 && slot.queue.length === 0) this.slots.delete(endpointId);
  }
}
