import type { WebhookConfig } from '../../core/config.js';
import type { Db, Executor } from '../../core/db/database.js';
import type { DisabledEndpoint, EndpointHealth } from './endpoint-health.js';
import { attemptRow } from './message-format.js';
import { nextRetryDelay } from './retry-policy.js';
import type { SendResult } from './sender.js';
import type { WebhookMetrics } from './webhooks.metrics.js';
import type { ClaimedDelivery, DeliveryOutcome, WebhooksRepository } from './webhooks.repository.js';
import type { WebhookAttemptsTable } from './webhooks.tables.js';

export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A finished attempt waiting to be written back (results are written in batches). */
export interface Completed {
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

export interface OutcomeWriterDeps {
  db: Db;
  repo: WebhooksRepository;
  health: EndpointHealth;
  metrics: WebhookMetrics;
  config: WebhookConfig;
  workerId: string;
  log: () => Log;
  /** Endpoints were disabled: their webhook.disabled events may have queued deliveries. */
  onDisabled: () => void;
}

/**
 * Turns attempt results into delivery outcomes (retry schedule, attempt
 * rows, metrics) and writes them back in batches, with endpoint health, in
 * one transaction per batch.
 */
export class OutcomeWriter {
  private buffer: Completed[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private accepting = false;

  constructor(private readonly deps: OutcomeWriterDeps) {}

  open(): void {
    this.accepting = true;
  }

  /** Stops taking results (later ones are dropped: their leases expire and they are retried) and writes what is buffered. */
  async close(): Promise<void> {
    this.accepting = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Records an attempt's result; `null`: the delivery fails without an attempt (its endpoint is disabled or gone). */
  record(delivery: ClaimedDelivery, result: SendResult | null): void {
    if (!this.accepting) return;
    const now = Date.now();
    const base = { id: delivery.id, leaseOwner: delivery.lease_owner, attemptedAt: result?.startedAt ?? now };
    if (!result) {
      this.push({ delivery, gone: false, attempt: null, outcome: { ...base, status: 'failed', nextAttemptAt: now, statusCode: null, errorClass: 'endpoint_disabled', completedAt: now } });
      return;
    }
    const { metrics, config } = this.deps;
    metrics.attempts.inc({ outcome: result.succeeded ? 'succeeded' : (result.errorClass ?? 'unknown') });
    metrics.attemptDuration.observe(result.durationMs / 1000);
    const gone = result.statusCode === 410;
    let outcome: DeliveryOutcome;
    if (result.succeeded) {
      metrics.deliveryLatency.observe((now - delivery.event_created_at) / 1000);
      outcome = { ...base, status: 'succeeded', nextAttemptAt: now, statusCode: result.statusCode, errorClass: null, completedAt: now };
    } else {
      const delay = gone ? null : nextRetryDelay(config, delivery.attempt_count - delivery.retry_base, result.retryAfterMs);
      outcome = delay === null
        ? { ...base, status: 'failed', nextAttemptAt: now, statusCode: result.statusCode, errorClass: result.errorClass, completedAt: now }
        : { ...base, status: 'pending', nextAttemptAt: now + delay, statusCode: result.statusCode, errorClass: result.errorClass, completedAt: null };
    }
    const nextAttemptAt = outcome.status === 'pending' ? outcome.nextAttemptAt : null;
    this.push({ delivery, gone, outcome, attempt: attemptRow(delivery, delivery.attempt_count, 'scheduled', delivery.url, result, nextAttemptAt, this.deps.workerId) });
  }

  /** Takes the buffered results, to write them in another transaction (the next claim's). */
  take(): Completed[] {
    return this.buffer.splice(0);
  }

  private push(item: Completed): void {
    this.buffer.push(item);
    if (this.buffer.length >= FLUSH_MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  /** Writes buffered results; flushes run one after another. */
  flush(): Promise<void> {
    this.chain = this.chain.then(async () => {
      const batch = this.buffer.splice(0);
      if (batch.length > 0) await this.writeWithFallback(batch);
    });
    return this.chain;
  }

  /**
   * Writes a batch of results; if the database refuses it, writes them one by
   * one, and a result whose attempt row is refused (a value the database
   * cannot store) is written without that row: the delivery's outcome is
   * never lost for a log line, and one bad row never holds up the others.
   */
  async writeWithFallback(batch: Completed[]): Promise<void> {
    try {
      await this.write(batch);
    } catch (error) {
      this.deps.log().warn({ err: error, size: batch.length }, 'webhook worker: writing a batch of results failed; writing them one by one');
      for (const item of batch) await this.writeAlone(item);
    }
  }

  private async writeAlone(item: Completed): Promise<void> {
    const log = this.deps.log();
    try {
      await this.write([item]);
      return;
    } catch (e) {
      if (!item.attempt || item.dropAttempt) {
        // Lost result: the lease expires and the delivery is attempted again (at-least-once).
        log.error({ err: e, delivery_id: item.delivery.id }, 'webhook worker: could not record an attempt');
        return;
      }
      log.error({ err: e, delivery_id: item.delivery.id, attempt_id: item.attempt.id }, 'webhook worker: the database refused an attempt row; recording the outcome without it');
    }
    try {
      await this.write([{ ...item, dropAttempt: true }]);
      this.deps.metrics.attemptRowsDropped.inc();
    } catch (e) {
      log.error({ err: e, delivery_id: item.delivery.id }, 'webhook worker: could not record an attempt');
    }
  }

  private async write(batch: Completed[]): Promise<void> {
    const disabled = await this.deps.db.transaction().execute((trx) => this.writeIn(trx, batch));
    this.afterWrite(disabled);
  }

  /** After the transaction that wrote a batch committed: reports the endpoints it disabled. */
  afterWrite(disabled: DisabledEndpoint[]): void {
    for (const d of disabled) this.deps.log().info({ endpoint_id: d.endpointId, reason: d.reason }, 'webhook endpoint disabled automatically');
    if (disabled.length > 0) this.deps.onDisabled();
  }

  /** Records attempts and outcomes, and endpoint health (auto-disable), in the caller's transaction. */
  async writeIn(trx: Executor, batch: Completed[]): Promise<DisabledEndpoint[]> {
    const repo = this.deps.repo.with(trx);
    const now = Date.now();
    // Deliveries of endpoints deleted meanwhile are gone; their attempts cannot be recorded.
    const live = await repo.existingDeliveries(batch.map((b) => b.delivery.id));
    const items = batch.filter((b) => live.has(b.delivery.id));
    await repo.insertAttempts(items.flatMap((b) => (b.attempt && !b.dropAttempt ? [b.attempt] : [])));
    await repo.recordOutcomes(items.map((b) => b.outcome), now);
    const attempts = items.flatMap((b) => (b.attempt ? [{ endpointId: b.delivery.endpoint_id, succeeded: b.attempt.succeeded === 1, at: b.attempt.created_at, gone: b.gone }] : []));
    return this.deps.health.record(trx, attempts, now);
  }
}
