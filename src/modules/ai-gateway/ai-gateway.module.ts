import type { Dispatcher } from 'undici';
import type { Db } from '../../core/db/database.js';
import type { Metrics } from '../../core/metrics.js';
import type { AtriumModule, ModuleLog } from '../../core/module.js';
import type { RateLimiters } from '../../core/rate-limit.js';
import type { AiKeyStore } from '../ai-keys/key-store.js';
import { priceFor } from '../ai-providers/providers.js';
import type { AuditLog } from '../activity/audit.js';
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
import { Budgets } from './admission.js';
import { BudgetsRepository } from './budgets.repository.js';
import { registerBudgetRoutes } from './budgets.routes.js';
import { BudgetsService } from './budgets.service.js';
import { capCounters } from './cap-counters.js';
import { KeyRateLimits } from './limits.js';
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
 * `GET /api/ai-keys/{id}/usage`, the budgets and usage reports, `/api/ai-routes`. Stopping writes the usage still
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
  const budgetsRepo = new BudgetsRepository(deps.db);
  const budgets = new Budgets({ repo: budgetsRepo, usage: usageRepo, rateLimits: new KeyRateLimits(deps.limiters), counters: capCounters(deps.limiters), thresholds });
  budgets.log = deps.log;
  const aiRoutes = new AiRoutesService({ db: deps.db, repo: new AiRoutesRepository(deps.db), access: deps.access, audit: deps.audit, keys });
  const breaker = circuitBreaker({ redis: deps.limiters.redis, onError: (error) => deps.log.warn({ err: error }, 'ai route circuit breaker store unavailable: every target is tried') });
  const gateway = new AiGateway({
    keys,
    access: deps.access,
    budgets,
    recorder,
    dispatcher: deps.outbound.dispatcher,
    timeouts: deps.timeouts,
    priceFor,
    metrics,
    routes: aiRoutes,
    breaker,
  });
  // Limits never outlive their subject: a revoked token's or a departed member's go in the transaction that removes them.
  deps.events.onPublish(async (trx, events) => {
    for (const e of events) {
      const level = e.type === 'api_token.revoked' ? 'token' : e.type === 'member.removed' || e.type === 'member.left' ? 'member' : null;
      const subjectId = (e.data.resource as { id?: unknown } | undefined)?.id;
      if (level && typeof subjectId === 'string') await budgetsRepo.with(trx).delete(e.workspaceId, level, subjectId);
    }
  });
  const budgetsService = new BudgetsService(deps.db, budgetsRepo, deps.access, deps.audit, budgets, recorder);
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
      registerBudgetRoutes(app, budgetsService);
      registerAiRouteRoutes(app, aiRoutes);
    },
    stop: () => recorder.close(),
  };
}
