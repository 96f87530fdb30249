import { collectDefaultMetrics, Registry } from 'prom-client';

/** One Prometheus registry per app instance (tests build many apps in one process). */
export class Metrics {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'atrium_' });
  }
}
