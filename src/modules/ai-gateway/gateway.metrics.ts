import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Distinct key ids given their own label value; later keys share `other` (a workspace-heavy instance must not grow series without bound). */
const MAX_KEY_LABELS = 500;
const OTHER = 'other';

/** One upstream call, as finish() knows it. */
export interface CallMetrics {
  provider: string;
  /** The provider's model name; labelled only when the price catalog knows it (`priced`), else `other`. */
  model: string;
  priced: boolean;
  keyId: string;
  status: number;
  seconds: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
}

/**
 * Prometheus metrics of the AI gateway, on the app's registry (served at
 * /metrics). Labels are bounded: `provider` by the catalog, `model` by the
 * price file (other names are `other`), `key_id` by the first 500 keys an
 * instance serves (then `other`); histograms carry provider and model only.
 */
export class GatewayMetrics {
  readonly requests: Counter<'provider' | 'model' | 'key_id' | 'status'>;
  readonly refusals: Counter<'reason'>;
  readonly duration: Histogram<'provider' | 'model'>;
  readonly timeToFirstToken: Histogram<'provider' | 'model'>;
  readonly tokens: Counter<'provider' | 'model' | 'key_id' | 'direction'>;
  readonly cost: Counter<'provider' | 'model' | 'key_id'>;
  readonly usageRowsDropped: Counter<'reason'>;
  readonly routeAttempts: Counter<'result'>;
  private readonly keyLabels = new Set<string>();

  constructor(registry: Registry, pendingUsage: () => number) {
    this.requests = new Counter({
      name: 'atrium_ai_requests_total',
      help: 'Gateway calls that reached a provider, by provider, model, AI key and the status returned (499: the client left)',
      labelNames: ['provider', 'model', 'key_id', 'status'],
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
      help: 'From the upstream call to the end of the response (whole stream included), by provider and model',
      labelNames: ['provider', 'model'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    });
    this.timeToFirstToken = new Histogram({
      name: 'atrium_ai_time_to_first_token_seconds',
      help: "Streams: from the upstream call to the provider's first chunk, by provider and model",
      labelNames: ['provider', 'model'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
      registers: [registry],
    });
    this.cost = new Counter({
      name: 'atrium_ai_cost_usd_total',
      help: 'Cost recorded (USD, from the price file), by provider, model and AI key',
      labelNames: ['provider', 'model', 'key_id'],
      registers: [registry],
    });
    this.tokens = new Counter({
      name: 'atrium_ai_tokens_total',
      help: 'Tokens recorded (exact or estimated), by provider, model, AI key and direction (input, output)',
      labelNames: ['provider', 'model', 'key_id', 'direction'],
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

  /** Counts one finished upstream call. */
  recordCall(call: CallMetrics): void {
    const labels = { provider: call.provider, model: call.priced ? call.model : OTHER, key_id: this.keyLabel(call.keyId) };
    this.requests.inc({ ...labels, status: String(call.status) });
    this.duration.observe({ provider: labels.provider, model: labels.model }, call.seconds);
    if (call.inputTokens) this.tokens.inc({ ...labels, direction: 'input' }, call.inputTokens);
    if (call.outputTokens) this.tokens.inc({ ...labels, direction: 'output' }, call.outputTokens);
    if (call.costMicros) this.cost.inc(labels, call.costMicros / 1_000_000);
  }

  firstToken(provider: string, model: string, priced: boolean, seconds: number): void {
    this.timeToFirstToken.observe({ provider, model: priced ? model : OTHER }, seconds);
  }

  private keyLabel(keyId: string): string {
    if (this.keyLabels.has(keyId)) return keyId;
    if (this.keyLabels.size >= MAX_KEY_LABELS) return OTHER;
    this.keyLabels.add(keyId);
    return keyId;
  }
}
