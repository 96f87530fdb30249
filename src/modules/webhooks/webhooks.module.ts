import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import type { Keyring } from '../../core/keyring.js';
import type { Metrics } from '../../core/metrics.js';
import type { Outbound } from '../../core/outbound.js';
import type { AtriumModule, ModuleLog } from '../../core/module.js';
import type { AuditLog } from '../activity/audit.js';
import type { EventBus } from '../events/event-bus.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import { deliveryFanOut } from './delivery-fanout.js';
import { DeliveryWorker } from './delivery.worker.js';
import { EndpointHealth } from './endpoint-health.js';
import { EventPublishing } from './event-publishing.js';
import { endpointName } from './message-format.js';
import { OutcomeWriter } from './outcome-writer.js';
import { SigningMaterial } from './signing-material.js';
import { Sender } from './sender.js';
import { SenderPool } from './sender-pool.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { registerWebhookRoutes } from './webhooks.routes.js';
import { WebhooksService } from './webhooks.service.js';
import { WebhookMetrics } from './webhooks.metrics.js';

export interface WebhooksDeps {
  config: Config;
  database: Database;
  keyring: Keyring;
  outbound: Outbound;
  metrics: Metrics;
  events: EventBus;
  audit: AuditLog;
  access: WorkspaceAccess;
  log: ModuleLog;
}

export interface WebhooksModule extends AtriumModule {
  service: WebhooksService;
  /** The delivery scheduler: `serve` runs it unless dedicated `atrium worker` processes deliver. */
  worker: DeliveryWorker;
  metrics: WebhookMetrics;
}

/**
 * Wires the webhooks feature: the service behind the routes, the delivery
 * worker (started with the module, by `serve` or `atrium worker`), the
 * `webhook` resource type for grants, and the outbox fan-out that queues one
 * delivery per subscribed, enabled endpoint in the publishing transaction.
 */
export function createWebhooksModule(deps: WebhooksDeps): WebhooksModule {
  const { config, database, keyring, outbound } = deps;
  const repo = new WebhooksRepository(database.db, database.dialect);
  const sender = new Sender(outbound, config.webhooks);
  const metrics = new WebhookMetrics(deps.metrics.registry, repo);
  // Shared by the service and the worker: the signing-material cache, and endpoint health (disabling by members and automatically).
  const material = new SigningMaterial(keyring, repo);
  const health = new EndpointHealth(repo, deps.audit, config.webhooks.disableAfterMs);
  const service = new WebhooksService(database.db, repo, deps.access, deps.audit, deps.events, material, health, outbound, sender, config);
  // The delivery worker sends from threads (the test endpoint's single send stays on the calling thread).
  const senderPool = config.webhooks.senderThreads > 0
    ? new SenderPool(config.webhooks.senderThreads, { allowedCidrs: config.outboundAllowedCidrs, timeoutMs: config.webhooks.timeoutMs })
    : undefined;
  const worker = new DeliveryWorker({
    db: database.db,
    repo,
    sender: senderPool ?? sender,
    material,
    config: config.webhooks,
    writer: (workerId, log, onDisabled) => new OutcomeWriter({ db: database.db, repo, health, metrics, config: config.webhooks, workerId, log, onDisabled }),
    listen: database.listen?.bind(database),
  });
  worker.log = deps.log.child({ module: 'webhooks' });
  service.onDue = () => worker.wake();
  const publishing = new EventPublishing(deps.access, deps.events, config.webhooks.maxPayloadBytes, () => worker.wake());

  // The outbox fan-out: in the publishing transaction, one delivery per subscribed, enabled endpoint.
  deps.events.onPublish(
    deliveryFanOut({ repo, firstDelayMs: config.webhooks.retryScheduleMs[0], wakeSoon: () => worker.wakeSoon() }),
    (workspaceId, eventId) => repo.countDeliveriesOfEvent(workspaceId, eventId),
  );

  return {
    name: 'webhooks',
    service,
    worker,
    metrics,
    // Keyring-sealed columns, re-encrypted by `atrium rotate-master-key` (default AAD `<table>:<id>:<column>`).
    secrets: [
      { table: 'webhook_secrets', column: 'secret_enc' },
      { table: 'webhook_endpoints', column: 'headers_enc' },
    ],
    resourceTypes: {
      webhook: async (db, workspaceId, id) => {
        const row = await repo.with(db).findEndpoint(workspaceId, id);
        return row ? { name: endpointName(row) } : undefined;
      },
    },
    routes: (app) => registerWebhookRoutes(app, { webhooks: service, publishing }),
    start: (role) => {
      // `serve` leaves delivery to dedicated workers when told so (ATRIUM_WEBHOOK_WORKER=false).
      if (role === 'worker' || config.webhooks.workerInServe) worker.start();
    },
    // Attempts in flight finish (bounded) and their results are written, then the sender threads end.
    stop: async () => {
      await worker.stop();
      await senderPool?.close();
    },
  };
}
