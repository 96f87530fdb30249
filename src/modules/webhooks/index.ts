import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import type { Keyring } from '../../core/keyring.js';
import type { Metrics } from '../../core/metrics.js';
import type { Outbound } from '../../core/outbound.js';
import type { SecretColumns } from '../../core/secrets.js';
import type { AuditLog } from '../activity/audit.js';
import type { EventBus } from '../events/event-bus.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import type { ResourceTypes } from '../workspaces/resource-types.js';
import { deliveryFanOut } from './delivery-fanout.js';
import { DeliveryWorker } from './delivery.worker.js';
import { EndpointHealth } from './endpoint-health.js';
import { endpointName } from './message-format.js';
import { OutcomeWriter } from './outcome-writer.js';
import { SigningMaterial } from './signing-material.js';
import { Sender } from './sender.js';
import { SenderPool } from './sender-pool.js';
import { WebhooksRepository } from './webhooks.repository.js';
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
  resourceTypes: ResourceTypes;
  /** Registry of keyring-sealed columns (rotate-master-key walks it). */
  secrets: SecretColumns;
}

/**
 * Wires the webhooks feature: the service behind the routes, the delivery
 * worker (started by `serve` or `atrium worker`, not here), the `webhook`
 * resource type for grants, and the outbox fan-out that queues one delivery
 * per subscribed, enabled endpoint in the publishing transaction.
 */
export function createWebhooks(deps: WebhooksDeps) {
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
  service.onDue = () => worker.wake();

  // Keyring-sealed columns, re-encrypted by `atrium rotate-master-key` (default AAD `<table>:<id>:<column>`).
  deps.secrets.register({ table: 'webhook_secrets', column: 'secret_enc' });
  deps.secrets.register({ table: 'webhook_endpoints', column: 'headers_enc' });

  deps.resourceTypes.register('webhook', async (db, workspaceId, id) => {
    const row = await repo.with(db).findEndpoint(workspaceId, id);
    return row ? { name: endpointName(row) } : undefined;
  });

  deps.events.onPublish(
    deliveryFanOut({ repo, firstDelayMs: config.webhooks.retryScheduleMs[0], wakeSoon: () => worker.wakeSoon() }),
    (workspaceId, eventId) => repo.countDeliveriesOfEvent(workspaceId, eventId),
  );

  /** Stops delivering (attempts in flight finish, bounded) and then the sender threads. */
  const stop = async () => {
    await worker.stop();
    await senderPool?.close();
  };

  return { service, worker, repo, metrics, stop };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
