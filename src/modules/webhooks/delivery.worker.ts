import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Transaction } from 'kysely';
import type { WebhookConfig } from '../../core/config.js';
import { ping, type Database, type Db } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';
import { AttemptTimes, CLAIM_INTERVAL_BACKLOG_MS, CLAIM_INTERVAL_MS, PREFETCH, sleep } from './delivery.pacing.js';
import { EndpointSlots, type EndpointSlot, type Ready, type Starting } from './endpoint-slots.js';
import { GoneMarks, type DisabledEndpoint } from './endpoint-health.js';
import { messageBody } from './message-format.js';
import type { Log, OutcomeWriter } from './outcome-writer.js';
import type { SendResult } from './sender.js';
import type { SendPort } from './sender-pool.js';
import type { EndpointConfig, SigningMaterial } from './signing-material.js';
import { DUE_CHANNEL, type ClaimedDelivery, type WebhooksRepository } from './webhooks.repository.js';

/** What `health()` reports: ok, or the reason it is not. */
export type WorkerHealth =
  | { ok: true; live: true; reason: null; message: null }
  | {
      ok: false;
      /** The claim loop completed a cycle recently (liveness: a stuck loop needs a restart, a lost database does not). */
      live: boolean;
      reason: 'loop_stalled' | 'database_unavailable' | 'listen_connection_lost';
      message: string;
    };

export interface DeliveryWorkerDeps {
  db: Db;
  repo: WebhooksRepository;
  sender: SendPort;
  material: SigningMaterial;
  config: WebhookConfig;
  /** Builds the writer of this worker's results, given its id and how to reach its log. */
  writer: (workerId: string, log: () => Log, onDisabled: () => void) => OutcomeWriter;
  /** PostgreSQL: LISTEN for deliveries queued by other processes (Database.listen). */
  listen?: Database['listen'];
}

/**
 * The delivery scheduler. Runs in `serve` (in-process) and in `atrium
 * worker` processes; on PostgreSQL any number of them share the queue.
 *
 * The loop claims due deliveries with a lease (see WebhooksRepository.claimDue)
 * and sends them concurrently, bounded globally and per endpoint so one slow
 * receiver cannot take every slot. It claims a little ahead (PREFETCH per
 * slot) so a freed slot is refilled without a database round trip, and
 * claims again in batches rather than once per completion; the OutcomeWriter
 * writes results back in batches too. A worker that dies mid-attempt just
 * stops: its leases expire and the deliveries become due again
 * (at-least-once; receivers dedupe on `webhook-id`).
 */
export class DeliveryWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  log: Log = { info() {}, warn() {}, error() {} };

  private running = false;
  private loopDone: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | undefined;
  private wakeUp: (() => void) | null = null;
  /** Set when claiming may find something: new work was queued, slots freed up, or the poll interval passed. */
  private needClaim = false;
  private claimSeq = 0;
  private lastClaimAt = 0;
  private readonly gone = new GoneMarks();
  /** Health: when the loop last finished a cycle, the last database error (null once a cycle succeeds), LISTEN state. */
  private lastCycleAt = 0;
  private dbError: string | null = null;
  private listenDown = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly attemptMs = new AttemptTimes();
  private readonly config: WebhookConfig;
  private readonly writer: OutcomeWriter;
  private readonly slots: EndpointSlots;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.config = deps.config;
    this.writer = deps.writer(this.id, () => this.log, () => this.wakeSoon());
    this.slots = new EndpointSlots(this.config, this.attemptMs, {
      running: () => this.running,
      start: (batch) => this.track(this.startChecked(batch)),
      fail: (delivery) => this.writer.record(delivery, null),
      wake: () => this.wake(),
    });
  }

  /** Whether the claim loop runs (between `start()` and `stop()`). */
  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.writer.open();
    this.needClaim = true;
    this.lastCycleAt = Date.now();
    this.loopDone = this.loop();
    // Deliveries queued by other processes (API servers) NOTIFY on commit: wake at once instead
    // of at the next poll. Polling stays the safety net while the connection is down.
    this.unlisten = this.deps.listen?.(DUE_CHANNEL, {
      onNotify: () => {
        // Also called once the connection is (re)established.
        this.listenDown = false;
        this.wake();
      },
      onError: (error, retryInMs) => {
        this.listenDown = true;
        this.log.warn({ err: error, retry_in_ms: retryInMs }, 'webhook worker: LISTEN connection lost; polling until it is back');
      },
    });
  }

  /**
   * Whether this worker works: its claim loop finished a cycle within
   * `stallMs` (an idle loop still cycles every poll interval, so a longer gap
   * means it is stuck, e.g. on a lock), its last claim reached the database,
   * and (PostgreSQL) its LISTEN connection is up. Recovers by itself once
   * they are back. A stopped worker (or one never started) is not checked.
   */
  health(now = Date.now()): WorkerHealth {
    if (!this.running) return { ok: true, reason: null, message: null, live: true };
    const stalledFor = now - this.lastCycleAt;
    if (stalledFor > this.config.stallMs + this.config.pollMs) {
      return { ok: false, live: false, reason: 'loop_stalled', message: `The webhook claim loop has not completed a cycle for ${Math.round(stalledFor / 1000)} s` };
    }
    if (this.dbError !== null) return { ok: false, live: true, reason: 'database_unavailable', message: `The webhook worker cannot reach the database: ${this.dbError}` };
    if (this.listenDown) return { ok: false, live: true, reason: 'listen_connection_lost', message: 'The webhook worker lost its LISTEN connection; it is reconnecting' };
    return { ok: true, reason: null, message: null, live: true };
  }

  /** Look for due work now (called after deliveries were queued in this process). */
  wake(): void {
    this.needClaim = true;
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }

  /**
   * For deliveries queued inside a transaction that has not committed yet:
   * wake now (SQLite serialises the claim behind the commit) and once more
   * shortly after (PostgreSQL's claim may have run before the commit).
   */
  wakeSoon(): void {
    if (!this.running) return;
    setImmediate(() => this.wake());
    setTimeout(() => this.wake(), 50).unref();
  }

  /**
   * Stops claiming, hands back deliveries claimed but not started, lets
   * attempts in flight finish for up to `graceMs`, and writes their results.
   * Attempts still running after that are abandoned: their leases expire and
   * another worker (or this one, restarted) retries them.
   */
  async stop(graceMs = this.config.timeoutMs + 1000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    // Closed in the background: awaiting it here would let attempts finishing meanwhile start queued ones.
    const unlistened = this.unlisten?.();
    this.unlisten = undefined;
    this.wake();
    await this.loopDone;
    this.slots.handBackQueued();
    const handBack = () => this.releaseUnstarted(true).catch((error: unknown) => this.log.warn({ err: error }, 'webhook worker: could not hand back claimed deliveries; their leases will expire'));
    // Other processes' workers may take what is handed back right away.
    await handBack();
    await Promise.race([Promise.allSettled([...this.inFlight]), sleep(graceMs, false)]);
    // Deliveries whose send-time check was under way when stop() began were handed back meanwhile.
    await handBack();
    await this.writer.close();
    await unlistened;
  }

  /** Waits for a wake-up or the poll interval (after which due retries are looked for). */
  private idle(ms: number): Promise<void> {
    if (this.needClaim || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        this.needClaim = true;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async loop(): Promise<void> {
    const { concurrency, pollMs } = this.config;
    const capacity = concurrency * PREFETCH;
    while (this.running) {
      await this.idle(pollMs);
      if (!this.running) break;
      // Busy: let a batch of work accumulate instead of claiming for each publish or completion.
      const interval = this.slots.held > this.slots.active ? CLAIM_INTERVAL_BACKLOG_MS : CLAIM_INTERVAL_MS;
      const wait = this.slots.held > 0 ? this.lastClaimAt + interval - Date.now() : 0;
      if (wait > 0) await sleep(wait);
      if (!this.running) break;
      this.needClaim = false;
      try {
        await this.releaseUnstarted();
        const free = capacity - this.slots.held;
        if (free > 0) await this.claim(free);
        else await ping(this.deps.db); // nothing to claim, but the database must still answer
        this.lastClaimAt = Date.now();
        this.dbError = null;
      } catch (error) {
        this.dbError = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
        this.log.error({ err: error }, 'webhook worker: claiming deliveries failed; retrying after the poll interval');
        await sleep(pollMs);
      }
      this.lastCycleAt = Date.now();
    }
  }

  /** Claims up to `free` due deliveries, writing the results gathered meanwhile in the same transaction. */
  private async claim(free: number): Promise<void> {
    const { db, repo } = this.deps;
    const now = Date.now();
    const leaseOwner = `${this.id}/${++this.claimSeq}`;
    const budget = (endpointId: string) => this.slots.budget(endpointId);
    const claimIn = (trx: Transaction<DB>) => repo.with(trx).claimDue({ now, leaseOwner, leaseMs: this.config.leaseMs, free, budget });
    const results = this.writer.take();
    let disabled: DisabledEndpoint[] = [];
    let ids: string[];
    try {
      ids = await db.transaction().execute(async (trx) => {
        if (results.length > 0) disabled = await this.writer.writeIn(trx, results);
        return claimIn(trx);
      });
    } catch (error) {
      if (results.length === 0) throw error;
      // One refused row must not stall the queue: write the results on their own (row by row if
      // need be), then claim without them.
      disabled = [];
      await this.writer.writeWithFallback(results);
      ids = await db.transaction().execute(claimIn);
    }
    this.writer.afterWrite(disabled);
    if (ids.length === 0) return;
    this.slots.take(await repo.loadClaimed(ids), now + this.config.leaseMs);
    // A full batch suggests more is due: look again right away.
    if (ids.length >= free) this.needClaim = true;
  }

  /**
   * Right before sending, checks each endpoint's config_version in the
   * database (one query for every delivery starting in this turn): a
   * delivery claimed ahead is never sent to a disabled endpoint or an old
   * URL, nor signed with a revoked secret, once that change has committed,
   * whichever process made it. A changed endpoint is read again.
   */
  private async startChecked(batch: Starting[]): Promise<void> {
    if (batch.length === 0) return;
    let configs: Map<string, EndpointConfig>;
    try {
      configs = await this.deps.material.current([...new Set(batch.map((b) => b.ready.delivery.endpoint_id))]);
    } catch (error) {
      // Cannot check: send nothing; hand the deliveries back (or their leases expire).
      this.log.warn({ err: error }, 'webhook worker: could not check endpoints before sending; handing the deliveries back');
      for (const { slot, ready } of batch) this.slots.unstart(slot, ready, true);
      return;
    }
    for (const { slot, ready } of batch) {
      const config = configs.get(ready.delivery.endpoint_id);
      if (!config || !config.active || !this.running || this.gone.refuses(ready.delivery.endpoint_id, config.version)) {
        // Disabled, deleted or gone meanwhile (it fails without an attempt; recover re-queues it),
        // or stopping (handed back).
        this.slots.unstart(slot, ready, !this.running);
        continue;
      }
      this.send(slot, ready, config);
    }
  }

  /** Keeps a send-time check in the set stop() waits for. */
  private track(task: Promise<void>): void {
    this.inFlight.add(task);
    void task
      .catch((error: unknown) => this.log.error({ err: error }, 'webhook worker: starting attempts failed unexpectedly'))
      .finally(() => this.inFlight.delete(task));
  }

  /** Gives back claimed deliveries that were never started: due again at once, attempt not counted. */
  private async releaseUnstarted(notify = false): Promise<void> {
    if (this.slots.toRelease.length === 0) return;
    const batch = this.slots.toRelease.splice(0);
    await this.deps.repo.release(batch.map((r) => ({ id: r.delivery.id, leaseOwner: r.delivery.lease_owner })), Date.now());
    if (notify) await this.deps.repo.notifyDue();
  }

  /** Starts one attempt with the endpoint's checked configuration; its slots (taken in pump) are given back when the response is in. */
  private send(slot: EndpointSlot, ready: Ready, config: EndpointConfig): void {
    // The attempt log records the URL actually used.
    const delivery = config.url === ready.delivery.url ? ready.delivery : { ...ready.delivery, url: config.url };
    const now = Date.now();
    const keys = config.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now).map((s) => s.key);
    const body = messageBody({ id: delivery.event_id, type: delivery.event_type, workspace_id: delivery.workspace_id, created_at: delivery.event_created_at, payload: delivery.payload });
    const task: Promise<void> = (async () => {
      try {
        this.complete(delivery, await this.deps.sender.send({ url: delivery.url, message: { id: delivery.event_id, body }, keys, customHeaders: config.headers }));
      } catch (error) {
        // Not an HTTP failure (the sender never throws): leave the lease to expire and retry then.
        this.log.error({ err: error, delivery_id: delivery.id }, 'webhook worker: attempt failed unexpectedly');
      }
    })().finally(() => {
      // A .finally callback runs on a later tick, so `task` is assigned (and in the set) by then,
      // even if the attempt above failed synchronously.
      this.inFlight.delete(task);
      this.slots.finished(slot, delivery.endpoint_id);
    });
    this.inFlight.add(task);
  }

  private complete(delivery: ClaimedDelivery, result: SendResult): void {
    this.attemptMs.add(delivery.endpoint_id, result.durationMs);
    if (result.statusCode === 410) this.endpointGone(delivery.endpoint_id);
    this.writer.record(delivery, result);
  }

  /**
   * After a 410 Gone nothing more goes to that endpoint from this worker:
   * its claimed deliveries waiting here fail at once (the disable that the
   * write-back commits fails the queued ones), and the check before each
   * send refuses the endpoint until its configuration changes again.
   */
  private endpointGone(endpointId: string): void {
    this.gone.mark(endpointId, this.deps.material.cached(endpointId)?.version);
    this.slots.failQueued(endpointId);
  }
}
