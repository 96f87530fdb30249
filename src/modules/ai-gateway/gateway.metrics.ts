import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Prometheus metrics of the AI gateway, on the app's registry (served at /metrics). */
export class GatewayMetrics {
  readonly requests: Counter<'provider' | 'status'>;
  readonly refusals: Counter<'reason'>;
  readonly duration: Histogram<'provider'>;
  readonly tokens: Counter<'provider' | 'direction'>;
  readonly usageRowsDropped: Counter<'reason'>;
  readonly routeAttempts: Counter<'result'>;

  constructor(registry: Registry, pendingUsage: () => number) {
    this.requests = new Counter({
      name: 'atrium_ai_requests_total',
      help: 'Gateway requests that reached a provider, by provider and the status returned (499: the client left)',
      labelNames: ['provider', 'status'],
      registers: [registry],
    });
    this.refusals = new Counter({
      name: 'atrium_ai_refusals_total',
      help: 'Gateway requests refused before the provider call: rpm, tpm, request_cap, cost_cap',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'atrium_ai_request_duration_seconds',
      help: 'From the upstream call to the end of the response (whole stream included)',
      labelNames: ['provider'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    });
    this.tokens = new Counter({
      name: 'atrium_ai_tokens_total',
      help: 'Tokens recorded (exact or estimated), by provider and direction (input, output)',
      labelNames: ['provider', 'direction'],
      registers: [registry],
    });
    this.usageRowsDropped = new Counter({
      name: 'atrium_ai_usage_rows_dropped_total',
      help: 'Usage rows never written: refused (the database rejects the row itself; logged) or buffer_full (database down too long)',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.routeAttempts = new Counter({
      name: 'atrium_ai_route_attempts_total',
      help: 'Targets of routed requests, by result: served, retried (same target again), fell_back (next target), refused (its key refused the request before any call: access, limits, caps), skipped (circuit open), failed (the error the client got)',
      labelNames: ['result'],
      registers: [registry],
    });
    new Gauge({
      name: 'atrium_ai_usage_buffered_rows',
      help: 'Usage rows waiting to be written (grows only if the database refuses them)',
      registers: [registry],
      collect() {
        this.set(pendingUsage());
      },
    });
  }
}
