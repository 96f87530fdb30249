import type { Dispatcher } from 'undici';
import type { Db } from '../../core/db/database.js';
import type { Metrics } from '../../core/metrics.js';
import type { AtriumModule, ModuleLog } from '../../core/module.js';
import type { RateLimiters } from '../../core/rate-limit.js';
import type { AuditLog } from '../activity/audit.js';
import type { AiKeyStore } from '../ai-keys/key-store.js';
import { priceFor } from '../ai-providers/providers.js';
import type { EventBus } from '../events/event-bus.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import { AiRoutesRepository } from './ai-routes.repository.js';
import { registerAiRouteRoutes } from './ai-routes.routes.js';
import { AiRoutesService } from './ai-routes.service.js';
import { circuitBreaker } from './circuit-breaker.js';
import { GatewayMetrics } from './gateway.metrics.js';
import { registerGatewayRoutes } from './gateway.routes.js';
import { AiGateway } from './gateway.service.js';
import { aiKeysSource } from './key-source.js';
import { capCounters, KeyRateLimits } from './limits.js';
import { ThresholdNotifier } from './thresholds.js';
import { UsageRecorder } from './usage.recorder.js';
import { UsageRepository } from './usage.repository.js';
import { registerAiUsageRoutes } from './usage.routes.js';
import { AiUsageService } from './usage.service.js';

export interface AiGatewayModule extends AtriumModule {
  gateway: AiGateway;
  usage: AiUsageService;
  aiRoutes: AiRoutesService;
  recorder: UsageRecorder;
  thresholds: ThresholdNotifier;
}

/**
 * Builds the gateway and its usage accounting, and gives the AI-keys module
 * its usage reader. Routes: `/v1` (OpenAI-compatible, its own error shape)
 * `GET /api/ai-keys/{id}/usage` and `/api/ai-routes`. Stopping writes the usage still
 * buffered, before core closes Redis and the outbound agent.
 */
export function createAiGatewayModule(deps: {
  db: Db;
  limiters: RateLimiters;
  access: WorkspaceAccess;
  audit: AuditLog;
  events: EventBus;
  aiKeys: AiKeyStore;
  outbound: { dispatcher: Dispatcher };
  metrics?: Metrics;
  timeouts?: { headersMs?: number; bodyMs?: number };
  log: ModuleLog;
}): AiGatewayModule {
  const usageRepo = new UsageRepository(deps.db);
  const recorder = new UsageRecorder(deps.db, usageRepo, { onDropped: (reason, rows) => metrics?.usageRowsDropped.inc({ reason }, rows) });
  const metrics = deps.metrics ? new GatewayMetrics(deps.metrics.registry, () => recorder.pending) : undefined;
  const keys = aiKeysSource(deps.aiKeys);
  recorder.log = deps.log;
  const thresholds = new ThresholdNotifier(deps.db, usageRepo, deps.events);
  thresholds.log = deps.log;
  const aiRoutes = new AiRoutesService({ db: deps.db, repo: new AiRoutesRepository(deps.db), access: deps.access, audit: deps.audit, keys });
  const breaker = circuitBreaker({ redis: deps.limiters.redis, onError: (error) => deps.log.warn({ err: error }, 'ai route circuit breaker store unavailable: every target is tried') });
  const gateway = new AiGateway({
    keys,
    access: deps.access,
    rateLimits: new KeyRateLimits(deps.limiters),
    counters: capCounters(deps.limiters),
    recorder,
    usage: usageRepo,
    thresholds,
    dispatcher: deps.outbound.dispatcher,
    timeouts: deps.timeouts,
    priceFor,
    metrics,
    routes: aiRoutes,
    breaker,
  });
  const usage = new AiUsageService(usageRepo, recorder, keys, priceFor);
  deps.aiKeys.setUsageReader(usage);
  return {
    name: 'ai-gateway',
    gateway,
    usage,
    aiRoutes,
    recorder,
    thresholds,
    routes: async (app) => {
      await registerGatewayRoutes(app, gateway);
      registerAiUsageRoutes(app, usage);
      registerAiRouteRoutes(app, aiRoutes);
    },
    stop: () => recorder.close(),
  };
}
