import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { WebhooksRepository } from './webhooks.repository.js';

/** Prometheus metrics of webhook delivery, on the app's registry (served at /metrics). */
export class WebhookMetrics {
  readonly attempts: Counter<'outcome'>;
  readonly attemptDuration: Histogram;
  readonly deliveryLatency: Histogram;
  readonly attemptRowsDropped: Counter;

  constructor(registry: Registry, repo: WebhooksRepository) {
    new Gauge({
      name: 'atrium_webhook_queue_depth',
      help: 'Deliveries waiting to be sent (pending) or being sent (in_flight)',
      labelNames: ['status'],
      registers: [registry],
      // Read at scrape time: the queue is shared by every worker process, so only the database knows its depth.
      async collect() {
        this.reset();
        try {
          const depth = await repo.queueDepth();
          this.set({ status: 'pending' }, depth.find((d) => d.status === 'pending')?.n ?? 0);
          this.set({ status: 'in_flight' }, depth.find((d) => d.status === 'in_flight')?.n ?? 0);
        } catch {
          // Database unavailable: report nothing rather than failing the whole scrape.
        }
      },
    });
    this.attempts = new Counter({
      name: 'atrium_webhook_attempts_total',
      help: 'Delivery attempts by outcome: succeeded, or the error class (http_error, timeout, connection_refused, …)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.attemptDuration = new Histogram({
      name: 'atrium_webhook_attempt_duration_seconds',
      help: 'Duration of one delivery attempt (request sent to response read)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
      registers: [registry],
    });
    this.deliveryLatency = new Histogram({
      name: 'atrium_webhook_delivery_latency_seconds',
      help: 'Time from an event being published to its successful delivery, retries included',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600, 86400],
      registers: [registry],
    });
    this.attemptRowsDropped = new Counter({
      name: 'atrium_webhook_attempt_rows_dropped_total',
      help: 'Attempt log rows the database refused; the delivery outcome was still recorded without them',
      registers: [registry],
    });
  }
}
