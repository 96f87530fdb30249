import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebhookConfig } from '../../core/config.js';
import type { Transaction } from 'kysely';
import { ping, type Database, type Db } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';
import type { Keyring } from '../../core/keyring.js';
import { SYSTEM_CONTEXT } from '../identity/audit-context.js';
import { nextRetryDelay } from './retry-policy.js';
import type { SendResult } from './sender.js';
import type { SendPort } from './sender-pool.js';
import { secretKey } from './signing.js';
import { attemptRow, headersAad, messageBody, secretAad, type WebhooksService } from './webhooks.service.js';
import type { WebhookMetrics } from './webhooks.metrics.js';
import { DUE_CHANNEL, type ClaimedDelivery, type DeliveryOutcome, type EndpointSendConfig, type WebhooksRepository } from './webhooks.repository.js';
import type { WebhookAttemptsTable } from './webhooks.tables.js';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A finished attempt waiting to be written back (results are written in batches). */
interface Completed {
  delivery: ClaimedDelivery;
  outcome: DeliveryOutcome;
  attempt: WebhookAttemptsTable | null;
  gone: boolean;
  /** The database refused the attempt row: the outcome is written without it (never lost for a log line). */
  dropAttempt?: boolean;
}

/**
 * Results are written back in batches: with the next claim, in the same
 * transaction, when the worker is busy; otherwise after this delay. One
 * commit (one fsync on SQLite) then covers many attempts.
 */
const FLUSH_DELAY_MS = 25;
const FLUSH_MAX_BATCH = 256;
const MAX_CACHED_KEYS = 10_000;
/**
 * Deliveries claimed per endpoint slot, at most: one being sent and the rest
 * waiting locally, so a freed slot is refilled at once and claims (each a
 * commit, an fsync on SQLite) can be few and large while the queue is busy.
 * A slow endpoint gets fewer (see prefetchFor).
 */
export const PREFETCH = 8;
/** A prefetched delivery is only started if its lease outlives a whole attempt by this much (at most). */
const LEASE_MARGIN_MS = 2_000;
/**
 * While attempts are under way, claims are at least this far apart: each
 * then picks up a batch and writes back the results gathered meanwhile, in
 * one transaction. With deliveries waiting locally for a slot the worker has
 * work in hand and claims less often: measured on a draining queue, 3 ms gave
 * ~480 commits for 16,000 deliveries and 10 ms ~180, and the main thread's
 * time blocked in fsync fell from ~1.1 s to ~0.4 s. With nothing waiting, a
 * claim soon keeps light traffic's latency low (p50 6 ms instead of 12 ms at
 * 400 deliveries/s). An idle worker claims at once.
 */
const CLAIM_INTERVAL_MS = 3;
const CLAIM_INTERVAL_BACKLOG_MS = 10;

/** How long before its lease ends a delivery must start: the attempt's timeout plus a margin (a fresh claim always qualifies). */
const startBy = (config: Pick<WebhookConfig, 'leaseMs' | 'timeoutMs'>) =>
  config.timeoutMs + Math.min(LEASE_MARGIN_MS, (config.leaseMs - config.timeoutMs) / 2);

/**
 * Deliveries to claim per slot of an endpoint whose attempts take
 * `attemptMs` on average: as many rounds as can start before their lease
 * gets too short, at most PREFETCH. More would only be handed back unsent
 * (a fast endpoint gets all PREFETCH; one answering near the timeout, 1 or 2).
 */
export function prefetchFor(attemptMs: number | undefined, config: Pick<WebhookConfig, 'leaseMs' | 'timeoutMs'>): number {
  if (attemptMs === undefined || attemptMs <= 0) return PREFETCH;
  const waitable = config.leaseMs - startBy(config);
  return Math.max(1, Math.min(PREFETCH, Math.floor(waitable / attemptMs) + 1));
}

/** The loop's waits keep the process alive (an `atrium worker` has nothing else to); the stop grace timer does not. */
const sleep = (ms: number, keepAlive = true) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (!keepAlive) timer.unref();
  });

interface Ready {
  delivery: ClaimedDelivery;
  leaseEnd: number;
}

/** How to send to an endpoint, as of `version` (its config_version). */
interface EndpointConfig {
  version: number;
  active: boolean;
  url: string;
  headers: Record<string, string>;
  /** Every secret that signed when this was read, newest first; expired ones are left out at send time. */
  secrets: { key: Buffer; expiresAt: number | null }[];
}

/** A delivery whose slots are taken, waiting for the send-time check of its endpoint. */
interface Starting {
  slot: EndpointSlots;
  ready: Ready;
}

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

/** What this worker holds for one endpoint: attempts being sent and claimed deliveries waiting for a slot. */
interface EndpointSlots {
  active: number;
  queue: Ready[];
}

/**
 * Sends due webhook deliveries. Runs in `serve` (in-process) and in
 * `atrium worker` processes; on PostgreSQL any number of them share the
 * queue.
 *
 * The loop claims due deliveries with a lease (see WebhooksRepository.claimDue)
 * and sends them concurrently, bounded globally and per endpoint so one slow
 * receiver cannot take every slot. It claims a little ahead (PREFETCH per
 * slot) so a freed slot is refilled without a database round trip, and
 * claims again in batches rather than once per completion; results are
 * written back in batches too. A worker that dies mid-attempt just stops:
 * its leases expire and the deliveries become due again (at-least-once;
 * receivers dedupe on `webhook-id`).
 */
export class DeliveryWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  log: Log = { info() {}, warn() {}, error() {} };

  private running = false;
  private accepting = false;
  private loopDone: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | undefined;
  private wakeUp: (() => void) | null = null;
  /** Set when claiming may find something: new work was queued, slots freed up, or the poll interval passed. */
  private needClaim = false;
  private claimSeq = 0;
  private active = 0;
  /** Claimed deliveries not yet finished (being sent or waiting in a local queue). */
  private held = 0;
  private lastClaimAt = 0;
  private readonly slots = new Map<string, EndpointSlots>();
  /** Deliveries about to start, checked against their endpoint's current version in one query per batch. */
  private starting: Starting[] = [];
  /** Endpoints that answered 410 Gone, with the config version they answered under: nothing more is sent to them. */
  private readonly gone = new Map<string, number>();
  private readonly configs = new Map<string, EndpointConfig>();
  /** Health: when the loop last finished a cycle, the last database error (null once a cycle succeeds), LISTEN state. */
  private lastCycleAt = 0;
  private dbError: string | null = null;
  private listenDown = false;
  private toRelease: Ready[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private buffer: Completed[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushChain: Promise<void> = Promise.resolve();
  private readonly keyCache = new Map<string, Buffer>();
  /** Recent attempt duration per endpoint (moving average, ms): how far ahead to claim for it. */
  private readonly attemptMs = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly repo: WebhooksRepository,
    private readonly service: WebhooksService,
    private readonly sender: SendPort,
    private readonly keyring: Keyring,
    private readonly config: WebhookConfig,
    private readonly metrics: WebhookMetrics,
    /** PostgreSQL: LISTEN for deliveries queued by other processes (Database.listen). */
    private readonly listen?: Database['listen'],
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.accepting = true;
    this.needClaim = true;
    this.lastCycleAt = Date.now();
    this.loopDone = this.loop();
    // Deliveries queued by other processes (API servers) NOTIFY on commit: wake at once instead
    // of at the next poll. Polling stays the safety net while the connection is down.
    this.unlisten = this.listen?.(DUE_CHANNEL, {
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
    for (const slot of this.slots.values()) {
      this.held -= slot.queue.length;
      this.toRelease.push(...slot.queue.splice(0));
    }
    // Other processes' workers may take what is handed back right away.
    await this.releaseUnstarted(true).catch((error: unknown) => this.log.warn({ err: error }, 'webhook worker: could not hand back claimed deliveries; their leases will expire'));
    await Promise.race([Promise.allSettled([...this.inFlight]), sleep(graceMs, false)]);
    // Deliveries whose send-time check was under way when stop() began were handed back meanwhile.
    await this.releaseUnstarted(true).catch((error: unknown) => this.log.warn({ err: error }, 'webhook worker: could not hand back claimed deliveries; their leases will expire'));
    this.accepting = false;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flush();
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
      const interval = this.held > this.active ? CLAIM_INTERVAL_BACKLOG_MS : CLAIM_INTERVAL_MS;
      const wait = this.held > 0 ? this.lastClaimAt + interval - Date.now() : 0;
      if (wait > 0) await sleep(wait);
      if (!this.running) break;
      this.needClaim = false;
      try {
        await this.releaseUnstarted();
        const free = capacity - this.held;
        if (free > 0) await this.claim(free);
        else await ping(this.db); // nothing to claim, but the database must still answer
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

  private slot(endpointId: string): EndpointSlots {
    let slot = this.slots.get(endpointId);
    if (!slot) {
      slot = { active: 0, queue: [] };
      this.slots.set(endpointId, slot);
    }
    return slot;
  }

  private async claim(free: number): Promise<void> {
    const now = Date.now();
    const leaseOwner = `${this.id}/${++this.claimSeq}`;
    // What this worker may still take of each endpoint: none of one whose slots and local queue are full.
    const budget = (endpointId: string) => {
      const s = this.slots.get(endpointId);
      const held = s ? s.active + s.queue.length : 0;
      return this.config.endpointConcurrency * prefetchFor(this.attemptMs.get(endpointId), this.config) - held;
    };
    const claimIn = (trx: Transaction<DB>) => this.repo.with(trx).claimDue({ now, leaseOwner, leaseMs: this.config.leaseMs, free, budget });
    // Results waiting to be written go in the claim's transaction: one commit for both.
    const results = this.buffer.splice(0);
    const disabled: DisabledEndpoint[] = [];
    let ids: string[];
    try {
      ids = await this.db.transaction().execute(async (trx) => {
        if (results.length > 0) await this.writeIn(trx, results, disabled);
        return claimIn(trx);
      });
    } catch (error) {
      if (results.length === 0) throw error;
      // One refused row must not stall the queue: write the results on their own (row by row if
      // need be), then claim without them.
      disabled.length = 0;
      await this.writeWithFallback(results);
      ids = await this.db.transaction().execute(claimIn);
    }
    this.afterWrite(disabled);
    if (ids.length === 0) return;
    const claimed = await this.repo.loadClaimed(ids);
    const leaseEnd = now + this.config.leaseMs;
    const touched = new Set<string>();
    for (const delivery of claimed) {
      if (delivery.is_active !== 1) {
        // Disabled after this delivery was queued: it fails without an attempt (recover re-queues it).
        this.complete(delivery, null);
        continue;
      }
      this.held += 1;
      this.slot(delivery.endpoint_id).queue.push({ delivery, leaseEnd });
      touched.add(delivery.endpoint_id);
    }
    for (const endpointId of touched) this.pump(endpointId);
    // A full batch suggests more is due: look again right away.
    if (ids.length >= free) this.needClaim = true;
  }

  /** Starts queued deliveries of an endpoint while it and the worker have free slots. */
  private pump(endpointId: string): void {
    const slot = this.slots.get(endpointId);
    if (!slot) return;
    // Once stop() has begun nothing new starts: an attempt finishing meanwhile must not start a queued one.
    while (slot.queue.length > 0 && slot.active < this.config.endpointConcurrency && this.active < this.config.concurrency && this.running) {
      const ready = slot.queue.shift()!;
      if (ready.leaseEnd - Date.now() < startBy(this.config)) {
        // Waited too long locally: the lease might expire mid-attempt. Hand it back instead.
        this.toRelease.push(ready);
        this.held -= 1;
        this.wake();
        continue;
      }
      // Slots are taken now; the attempt starts once its endpoint is checked (startChecked).
      this.active += 1;
      slot.active += 1;
      if (this.starting.length === 0) queueMicrotask(() => this.track(this.startChecked()));
      this.starting.push({ slot, ready });
    }
    if (slot.active === 0 && slot.queue.length === 0) this.slots.delete(endpointId);
  }

  /**
   * Right before sending, checks each endpoint's config_version in the
   * database (one query for every delivery starting in this turn): a
   * delivery claimed ahead is never sent to a disabled endpoint or an old
   * URL, nor signed with a revoked secret, once that change has committed,
   * whichever process made it. A changed endpoint is read again.
   */
  private async startChecked(): Promise<void> {
    const batch = this.starting.splice(0);
    if (batch.length === 0) return;
    const endpointIds = [...new Set(batch.map((b) => b.ready.delivery.endpoint_id))];
    let configs: Map<string, EndpointConfig>;
    try {
      configs = await this.currentConfigs(endpointIds);
    } catch (error) {
      // Cannot check: send nothing; hand the deliveries back (or their leases expire).
      this.log.warn({ err: error }, 'webhook worker: could not check endpoints before sending; handing the deliveries back');
      for (const { slot, ready } of batch) this.unstart(slot, ready, true);
      return;
    }
    for (const { slot, ready } of batch) {
      const config = configs.get(ready.delivery.endpoint_id);
      const goneAt = this.gone.get(ready.delivery.endpoint_id);
      if (!config || !config.active || (goneAt !== undefined && goneAt >= config.version) || !this.running) {
        // Disabled, deleted or gone meanwhile (it fails without an attempt; recover re-queues it),
        // or stopping (handed back).
        this.unstart(slot, ready, this.running ? false : true);
        continue;
      }
      if (goneAt !== undefined) this.gone.delete(ready.delivery.endpoint_id); // changed (re-enabled) since its 410
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

  /** Gives back the slots of a delivery that will not start: it fails as disabled, or is handed back. */
  private unstart(slot: EndpointSlots, ready: Ready, handBack: boolean): void {
    this.active -= 1;
    slot.active -= 1;
    this.held -= 1;
    if (handBack) this.toRelease.push(ready);
    else this.complete(ready.delivery, null);
    this.wake();
    this.pump(ready.delivery.endpoint_id);
  }

  /** The endpoints' sending configuration, re-read for those whose config_version moved. */
  private async currentConfigs(endpointIds: string[]): Promise<Map<string, EndpointConfig>> {
    const versions = await this.repo.endpointVersions(endpointIds);
    const out = new Map<string, EndpointConfig>();
    const stale: string[] = [];
    for (const v of versions) {
      const cached = this.configs.get(v.id);
      if (cached && cached.version === v.config_version) out.set(v.id, cached);
      else if (v.is_active !== 1) out.set(v.id, { version: v.config_version, active: false, url: '', headers: {}, secrets: [] });
      else stale.push(v.id);
    }
    if (stale.length > 0) {
      const now = Date.now();
      const [rows, secrets] = await Promise.all([this.repo.endpointConfigs(stale), this.repo.validSecretsOf(stale, now)]);
      if (this.configs.size > MAX_CACHED_KEYS) this.configs.clear();
      for (const row of rows) {
        const config = this.configFrom(row, secrets.filter((s) => s.endpoint_id === row.id));
        this.configs.set(row.id, config);
        out.set(row.id, config);
      }
    }
    return out;
  }

  private configFrom(row: EndpointSendConfig, secrets: { id: string; secret_enc: string; expires_at: number | null }[]): EndpointConfig {
    if (this.keyCache.size > MAX_CACHED_KEYS) this.keyCache.clear();
    return {
      version: row.config_version,
      active: row.is_active === 1,
      url: row.url,
      headers: row.headers_enc ? (JSON.parse(this.keyring.decrypt(row.headers_enc, headersAad(row.id))) as Record<string, string>) : {},
      secrets: secrets.map((s) => {
        // Secret rows never change (rotation adds a row), so the id is a safe cache key.
        let key = this.keyCache.get(s.id);
        if (!key) {
          key = secretKey(this.keyring.decrypt(s.secret_enc, secretAad(s.id)));
          this.keyCache.set(s.id, key);
        }
        return { key, expiresAt: s.expires_at };
      }),
    };
  }

  /**
   * After a 410 Gone nothing more goes to that endpoint from this worker:
   * its claimed deliveries waiting here fail at once (the disable that the
   * write-back commits fails the queued ones), and the check before each
   * send refuses the endpoint until its configuration changes again (a
   * re-enabled endpoint is sent to again).
   */
  private endpointGone(endpointId: string): void {
    if (this.gone.size > MAX_CACHED_KEYS) this.gone.clear();
    this.gone.set(endpointId, this.configs.get(endpointId)?.version ?? Number.MAX_SAFE_INTEGER);
    const slot = this.slots.get(endpointId);
    if (!slot) return;
    for (const ready of slot.queue.splice(0)) {
      this.held -= 1;
      this.complete(ready.delivery, null);
    }
  }

  /** Gives back claimed deliveries that were never started: due again at once, attempt not counted. */
  private async releaseUnstarted(notify = false): Promise<void> {
    if (this.toRelease.length === 0) return;
    const batch = this.toRelease.splice(0);
    await this.repo.release(batch.map((r) => ({ id: r.delivery.id, leaseOwner: r.delivery.lease_owner })), Date.now());
    if (notify) await this.repo.notifyDue();
  }

  /** Starts one attempt with the endpoint's checked configuration; its slots (taken in pump) are given back when the response is in. */
  private send(slot: EndpointSlots, ready: Ready, config: EndpointConfig): void {
    // The attempt log records the URL actually used.
    const delivery = config.url === ready.delivery.url ? ready.delivery : { ...ready.delivery, url: config.url };
    const now = Date.now();
    const keys = config.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now).map((s) => s.key);
    // `let` + the awaited send inside: the finally block only runs after `task` is assigned.
    // eslint-disable-next-line prefer-const
    let task: Promise<void> | undefined;
    task = (async () => {
      try {
        const result = await this.sender.send({
          url: delivery.url,
          message: { id: delivery.event_id, body: messageBody({ id: delivery.event_id, type: delivery.event_type, workspace_id: delivery.workspace_id, created_at: delivery.event_created_at, payload: delivery.payload }) },
          keys,
          customHeaders: config.headers,
        });
        this.complete(delivery, result);
      } catch (error) {
        // Not an HTTP failure (the sender never throws): leave the lease to expire and retry then.
        this.log.error({ err: error, delivery_id: delivery.id }, 'webhook worker: attempt failed unexpectedly');
      } finally {
        this.active -= 1;
        slot.active -= 1;
        this.held -= 1;
        if (task) this.inFlight.delete(task);
        // The freed global slot goes round-robin: this endpoint moves to the back of the line, so
        // another endpoint's delivery waiting here is not held up by this one's local queue.
        if (this.slots.get(delivery.endpoint_id) === slot) {
          this.slots.delete(delivery.endpoint_id);
          this.slots.set(delivery.endpoint_id, slot);
        }
        if (this.active < this.config.concurrency) {
          for (const id of [...this.slots.keys()]) {
            if (this.active >= this.config.concurrency) break;
            this.pump(id);
          }
        }
        this.pump(delivery.endpoint_id);
        // Claim again when this endpoint has less than one more round of work waiting locally.
        if ((this.slots.get(delivery.endpoint_id)?.queue.length ?? 0) < this.config.endpointConcurrency) this.wake();
      }
    })();
    this.inFlight.add(task);
  }

  private complete(delivery: ClaimedDelivery, result: SendResult | null): void {
    if (!this.accepting) return; // stopped: the lease expires and the delivery is retried
    const now = Date.now();
    const base = { id: delivery.id, leaseOwner: delivery.lease_owner, attemptedAt: result?.startedAt ?? now };
    if (!result) {
      this.push({ delivery, gone: false, attempt: null, outcome: { ...base, status: 'failed', nextAttemptAt: now, statusCode: null, errorClass: 'endpoint_disabled', completedAt: now } });
      return;
    }
    this.metrics.attempts.inc({ outcome: result.succeeded ? 'succeeded' : (result.errorClass ?? 'unknown') });
    this.metrics.attemptDuration.observe(result.durationMs / 1000);
    const average = this.attemptMs.get(delivery.endpoint_id);
    if (average === undefined && this.attemptMs.size >= MAX_CACHED_KEYS) this.attemptMs.clear();
    this.attemptMs.set(delivery.endpoint_id, average === undefined ? result.durationMs : average * 0.8 + result.durationMs * 0.2);
    let outcome: DeliveryOutcome;
    const gone = result.statusCode === 410;
    if (gone) this.endpointGone(delivery.endpoint_id);
    if (result.succeeded) {
      this.metrics.deliveryLatency.observe((now - delivery.event_created_at) / 1000);
      outcome = { ...base, status: 'succeeded', nextAttemptAt: now, statusCode: result.statusCode, errorClass: null, completedAt: now };
    } else {
      const delay = gone ? null : nextRetryDelay(this.config, delivery.attempt_count - delivery.retry_base, result.retryAfterMs);
      outcome = delay === null
        ? { ...base, status: 'failed', nextAttemptAt: now, statusCode: result.statusCode, errorClass: result.errorClass, completedAt: now }
        : { ...base, status: 'pending', nextAttemptAt: now + delay, statusCode: result.statusCode, errorClass: result.errorClass, completedAt: null };
    }
    const nextAttemptAt = outcome.status === 'pending' ? outcome.nextAttemptAt : null;
    this.push({ delivery, gone, outcome, attempt: attemptRow(delivery, delivery.attempt_count, 'scheduled', delivery.url, result, nextAttemptAt, this.id) });
  }

  private push(item: Completed): void {
    this.buffer.push(item);
    if (this.buffer.length >= FLUSH_MAX_BATCH) void this.flush();
    else this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  /** Writes buffered results; flushes run one after another. */
  flush(): Promise<void> {
    this.flushChain = this.flushChain.then(async () => {
      const batch = this.buffer.splice(0);
      if (batch.length > 0) await this.writeWithFallback(batch);
    });
    return this.flushChain;
  }

  /**
   * Writes a batch of results; if the database refuses it, writes them one by
   * one, and a result whose attempt row is refused (a value the database
   * cannot store) is written without that row: the delivery's outcome is
   * never lost for a log line, and one bad row never holds up the others.
   */
  private async writeWithFallback(batch: Completed[]): Promise<void> {
    try {
      await this.write(batch);
    } catch (error) {
      this.log.warn({ err: error, size: batch.length }, 'webhook worker: writing a batch of results failed; writing them one by one');
      for (const item of batch) {
        try {
          await this.write([item]);
          continue;
        } catch (e) {
          if (!item.attempt || item.dropAttempt) {
            // Lost result: the lease expires and the delivery is attempted again (at-least-once).
            this.log.error({ err: e, delivery_id: item.delivery.id }, 'webhook worker: could not record an attempt');
            continue;
          }
          this.log.error({ err: e, delivery_id: item.delivery.id, attempt_id: item.attempt.id }, 'webhook worker: the database refused an attempt row; recording the outcome without it');
        }
        try {
          await this.write([{ ...item, dropAttempt: true }]);
          this.metrics.attemptRowsDropped.inc();
        } catch (e) {
          this.log.error({ err: e, delivery_id: item.delivery.id }, 'webhook worker: could not record an attempt');
        }
      }
    }
  }

  private async write(batch: Completed[]): Promise<void> {
    const disabled: DisabledEndpoint[] = [];
    await this.db.transaction().execute((trx) => this.writeIn(trx, batch, disabled));
    this.afterWrite(disabled);
  }

  private afterWrite(disabled: DisabledEndpoint[]): void {
    for (const d of disabled) this.log.info({ endpoint_id: d.endpointId, reason: d.reason }, 'webhook endpoint disabled automatically');
    if (disabled.length > 0) this.wakeSoon(); // the webhook.disabled events may have queued deliveries
  }

  /** Records attempts and outcomes, and endpoint health (auto-disable), in the caller's transaction. */
  private async writeIn(trx: Transaction<DB>, batch: Completed[], disabled: DisabledEndpoint[]): Promise<void> {
    const repo = this.repo.with(trx);
    const now = Date.now();
    // Deliveries of endpoints deleted meanwhile are gone; their attempts cannot be recorded.
    const live = await repo.existingDeliveries(batch.map((b) => b.delivery.id));
    const items = batch.filter((b) => live.has(b.delivery.id));
    const attempts = items.flatMap((b) => (b.attempt && !b.dropAttempt ? [b.attempt] : []));
    await repo.insertAttempts(attempts);
    await repo.recordOutcomes(items.map((b) => b.outcome), now);

    // Endpoint health: any success ends the failing streak; otherwise the streak grows.
    const health = new Map<string, { ok: boolean; failures: number; firstFailureAt: number; gone: boolean }>();
    for (const b of items) {
      if (!b.attempt) continue;
      const h = health.get(b.delivery.endpoint_id) ?? { ok: false, failures: 0, firstFailureAt: Infinity, gone: false };
      if (b.attempt.succeeded) h.ok = true;
      else {
        h.failures += 1;
        h.firstFailureAt = Math.min(h.firstFailureAt, b.attempt.created_at);
      }
      h.gone ||= b.gone;
      health.set(b.delivery.endpoint_id, h);
    }
    // Endpoint rows are locked in id order, so two workers writing at once cannot deadlock on them.
    const ordered = [...health].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await repo.markEndpointsHealthy(ordered.filter(([, h]) => h.ok && !h.gone).map(([id]) => id), now);
    for (const [endpointId, h] of ordered) {
      if (h.ok && !h.gone) continue;
      const state = await repo.markEndpointFailing(endpointId, h.failures, h.firstFailureAt, now);
      if (!state || state.is_active !== 1) continue;
      if (h.gone) {
        await this.service.disableInTrx(trx, SYSTEM_CONTEXT, state, 'gone', now);
        disabled.push({ endpointId, reason: 'gone' });
      } else if (state.failing_since !== null && now - state.failing_since >= this.config.disableAfterMs) {
        await this.service.disableInTrx(trx, SYSTEM_CONTEXT, state, 'failing', now);
        disabled.push({ endpointId, reason: 'failing' });
      }
    }
  }
}

interface DisabledEndpoint {
  endpointId: string;
  reason: string;
}
