import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebhookConfig } from '../../core/config.js';
import type { Db } from '../../core/db/database.js';
import type { Keyring } from '../../core/keyring.js';
import { SYSTEM_CONTEXT } from '../activity/audit.js';
import { nextRetryDelay } from './retry-policy.js';
import type { Sender, SendResult } from './sender.js';
import { secretKey } from './signing.js';
import { attemptRow, headersAad, messageBody, secretAad, type WebhooksService } from './webhooks.service.js';
import type { WebhookMetrics } from './webhooks.metrics.js';
import type { ClaimedDelivery, DeliveryOutcome, WebhooksRepository } from './webhooks.repository.js';
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
}

/** Results are written back in one transaction per batch: one commit (one fsync on SQLite) for many attempts. */
const FLUSH_DELAY_MS = 5;
const FLUSH_MAX_BATCH = 256;
const MAX_CACHED_KEYS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Sends due webhook deliveries. Runs in `serve` (in-process) and in
 * `atrium worker` processes; on PostgreSQL any number of them share the
 * queue.
 *
 * The loop claims due deliveries with a lease (see WebhooksRepository.claimDue),
 * sends them concurrently (bounded globally and per endpoint, so one slow
 * receiver cannot take every slot), and writes results back in batches. A
 * worker that dies mid-attempt simply stops renewing nothing: its leases
 * expire and the deliveries become due again (at-least-once; receivers dedupe
 * on `webhook-id`).
 */
export class DeliveryWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  log: Log = { info() {}, warn() {}, error() {} };

  private running = false;
  private accepting = false;
  private loopDone: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private claimSeq = 0;
  private active = 0;
  private readonly perEndpoint = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private buffer: Completed[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushChain: Promise<void> = Promise.resolve();
  private readonly keyCache = new Map<string, Buffer>();
  private readonly headerCache = new Map<string, { updatedAt: number; headers: Record<string, string> }>();

  constructor(
    private readonly db: Db,
    private readonly repo: WebhooksRepository,
    private readonly service: WebhooksService,
    private readonly sender: Sender,
    private readonly keyring: Keyring,
    private readonly config: WebhookConfig,
    private readonly metrics: WebhookMetrics,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.accepting = true;
    this.loopDone = this.loop();
  }

  /** Look for due work now (called after deliveries were queued in this process). */
  wake(): void {
    this.woken = true;
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
   * Stops claiming, lets attempts in flight finish for up to `graceMs`, and
   * writes their results. Attempts still running after that are abandoned:
   * their leases expire and another worker (or this one, restarted) retries them.
   */
  async stop(graceMs = this.config.timeoutMs + 1000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loopDone;
    const timer = sleep(graceMs);
    await Promise.race([Promise.allSettled([...this.inFlight]), timer]);
    this.accepting = false;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flush();
  }

  private idle(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    }).then(() => {
      this.woken = false;
    });
  }

  private async loop(): Promise<void> {
    const { concurrency, pollMs } = this.config;
    // Claim in batches: wait until a quarter of the slots are free (or the queue looked empty).
    const minFree = Math.max(1, Math.floor(concurrency / 4));
    while (this.running) {
      const free = concurrency - this.active;
      if (free < minFree && this.active > 0) {
        await this.idle(pollMs);
        continue;
      }
      let claimed = 0;
      try {
        claimed = await this.claimAndSend(free);
      } catch (error) {
        this.log.error({ err: error }, 'webhook worker: claiming deliveries failed; retrying after the poll interval');
        await this.idle(pollMs);
        continue;
      }
      if (claimed === 0) await this.idle(pollMs);
    }
  }

  private async claimAndSend(free: number): Promise<number> {
    const now = Date.now();
    const leaseOwner = `${this.id}/${++this.claimSeq}`;
    const limit = this.config.endpointConcurrency;
    const saturated = [...this.perEndpoint].filter(([, n]) => n >= limit).map(([id]) => id);
    const ids = await this.db.transaction().execute((trx) =>
      this.repo.with(trx).claimDue({
        now,
        leaseOwner,
        leaseMs: this.config.leaseMs,
        candidates: Math.min(free * 2, 1000),
        excludeEndpoints: saturated,
        pick: (rows) => {
          const taken = new Map<string, number>();
          const picked: string[] = [];
          for (const row of rows) {
            if (picked.length >= free) break;
            const used = (this.perEndpoint.get(row.endpoint_id) ?? 0) + (taken.get(row.endpoint_id) ?? 0);
            if (used >= limit) continue;
            taken.set(row.endpoint_id, (taken.get(row.endpoint_id) ?? 0) + 1);
            picked.push(row.id);
          }
          return picked;
        },
      }),
    );
    if (ids.length === 0) return 0;
    const claimed = await this.repo.loadClaimed(ids);
    const keys = await this.signingKeys(claimed, now);
    for (const delivery of claimed) this.start1(delivery, keys.get(delivery.endpoint_id) ?? []);
    return claimed.length;
  }

  private async signingKeys(claimed: ClaimedDelivery[], now: number): Promise<Map<string, Buffer[]>> {
    const endpointIds = [...new Set(claimed.map((c) => c.endpoint_id))];
    const secrets = await this.repo.validSecretsOf(endpointIds, now);
    if (this.keyCache.size > MAX_CACHED_KEYS) this.keyCache.clear();
    const byEndpoint = new Map<string, Buffer[]>();
    for (const s of secrets) {
      // Secret rows never change (rotation adds a row), so the id is a safe cache key.
      let key = this.keyCache.get(s.id);
      if (!key) {
        key = secretKey(this.keyring.decrypt(s.secret_enc, secretAad(s.id)));
        this.keyCache.set(s.id, key);
      }
      const list = byEndpoint.get(s.endpoint_id) ?? [];
      list.push(key);
      byEndpoint.set(s.endpoint_id, list);
    }
    return byEndpoint;
  }

  private customHeaders(d: ClaimedDelivery): Record<string, string> {
    if (!d.headers_enc) return {};
    const cached = this.headerCache.get(d.endpoint_id);
    if (cached && cached.updatedAt === d.endpoint_updated_at) return cached.headers;
    if (this.headerCache.size > MAX_CACHED_KEYS) this.headerCache.clear();
    const headers = JSON.parse(this.keyring.decrypt(d.headers_enc, headersAad(d.endpoint_id))) as Record<string, string>;
    this.headerCache.set(d.endpoint_id, { updatedAt: d.endpoint_updated_at, headers });
    return headers;
  }

  /** Starts one attempt; its slot is taken now and released when the response is in. */
  private start1(delivery: ClaimedDelivery, keys: Buffer[]): void {
    if (delivery.is_active !== 1) {
      // Disabled after this delivery was queued: it fails without an attempt (recover re-queues it).
      this.complete(delivery, null);
      return;
    }
    this.active += 1;
    this.perEndpoint.set(delivery.endpoint_id, (this.perEndpoint.get(delivery.endpoint_id) ?? 0) + 1);
    // `let` + the awaited send inside: the finally block only runs after `task` is assigned.
    // eslint-disable-next-line prefer-const
    let task: Promise<void> | undefined;
    task = (async () => {
      try {
        const result = await this.sender.send({
          url: delivery.url,
          message: { id: delivery.event_id, body: messageBody({ id: delivery.event_id, type: delivery.event_type, workspace_id: delivery.workspace_id, created_at: delivery.event_created_at, payload: delivery.payload }) },
          keys,
          customHeaders: this.customHeaders(delivery),
        });
        this.complete(delivery, result);
      } catch (error) {
        // Not an HTTP failure (the sender never throws): leave the lease to expire and retry then.
        this.log.error({ err: error, delivery_id: delivery.id }, 'webhook worker: attempt failed unexpectedly');
      } finally {
        this.active -= 1;
        const n = (this.perEndpoint.get(delivery.endpoint_id) ?? 1) - 1;
        if (n <= 0) this.perEndpoint.delete(delivery.endpoint_id);
        else this.perEndpoint.set(delivery.endpoint_id, n);
        if (task) this.inFlight.delete(task);
        this.wake();
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
    let outcome: DeliveryOutcome;
    const gone = result.statusCode === 410;
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
      const batch = this.buffer;
      this.buffer = [];
      if (batch.length === 0) return;
      try {
        await this.write(batch);
      } catch (error) {
        this.log.warn({ err: error, size: batch.length }, 'webhook worker: writing a batch of results failed; writing them one by one');
        for (const item of batch) {
          await this.write([item]).catch((e: unknown) =>
            // Lost result: the lease expires and the delivery is attempted again (at-least-once).
            this.log.error({ err: e, delivery_id: item.delivery.id }, 'webhook worker: could not record an attempt'),
          );
        }
      }
    });
    return this.flushChain;
  }

  private async write(batch: Completed[]): Promise<void> {
    const disabled: { endpointId: string; reason: string }[] = [];
    await this.db.transaction().execute(async (trx) => {
      const repo = this.repo.with(trx);
      const now = Date.now();
      // Deliveries of endpoints deleted meanwhile are gone; their attempts cannot be recorded.
      const live = await repo.existingDeliveries(batch.map((b) => b.delivery.id));
      const items = batch.filter((b) => live.has(b.delivery.id));
      const attempts = items.flatMap((b) => (b.attempt ? [b.attempt] : []));
      for (let i = 0; i < attempts.length; i += 200) await repo.insertAttempts(attempts.slice(i, i + 200));
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
      await repo.markEndpointsHealthy([...health].filter(([, h]) => h.ok && !h.gone).map(([id]) => id), now);
      for (const [endpointId, h] of health) {
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
    });
    for (const d of disabled) this.log.info({ endpoint_id: d.endpointId, reason: d.reason }, 'webhook endpoint disabled automatically');
    if (disabled.length > 0) this.wakeSoon(); // the webhook.disabled events may have queued deliveries
  }
}
