import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyContextConfig } from 'fastify';
import { Type } from 'typebox';
import { randomUUID } from 'node:crypto';
import { trustProxyOption, type Config } from './core/config.js';
import { ping, type Database } from './core/db/database.js';
import { errorBody } from './core/errors.js';
import { INPUT_LIMITS, registerValidation } from './core/http/boundary.js';
import { frameworkError, registerErrorHandling } from './core/http/error-handler.js';
import type { AppInstance } from './core/http/instance.js';
import { errors } from './core/http/schemas.js';
import { registerWebUi } from './core/http/web.js';
import type { Keyring } from './core/keyring.js';
import { loggerOptions } from './core/logger.js';
import { Metrics } from './core/metrics.js';
import { Outbound } from './core/outbound.js';
import { SecretColumns } from './core/secrets.js';
import { RateLimiters } from './core/rate-limit.js';
import { ActivityRepository } from './modules/activity/activity.repository.js';
import { registerActivityRoutes } from './modules/activity/activity.routes.js';
import { ActivityService } from './modules/activity/activity.service.js';
import { AuditLog } from './modules/activity/audit.js';
import { createAiKeysService } from './modules/ai-keys/ai-keys.module.js';
import { registerAiKeyRoutes } from './modules/ai-keys/ai-keys.routes.js';
import { createAiGateway, registerAiGateway } from './modules/ai-gateway/ai-gateway.module.js';
import { registerAuthentication } from './modules/auth/auth.plugin.js';
import { AuthRepository } from './modules/auth/auth.repository.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { TokensService } from './modules/auth/tokens.service.js';
import { EventBus } from './modules/events/event-bus.js';
import { WorkspaceAccess } from './modules/workspaces/access.js';
import { InvitationsService } from './modules/workspaces/invitations.service.js';
import { PermissionsService } from './modules/workspaces/permissions.service.js';
import { ResourceTypes } from './modules/workspaces/resource-types.js';
import { WorkspacesRepository } from './modules/workspaces/workspaces.repository.js';
import { registerWorkspaceRoutes } from './modules/workspaces/workspaces.routes.js';
import { WorkspacesService } from './modules/workspaces/workspaces.service.js';
import { createWebhooks } from './modules/webhooks/index.js';
import { registerWebhookRoutes } from './modules/webhooks/webhooks.routes.js';

// Tests that build the whole app take the instance type from here, with buildApp.
export type { AppInstance };

export interface AppDeps {
  config: Config;
  database: Database;
  keyring: Keyring;
  /** Where log lines go (default stdout); tests capture them to prove no secret is written. */
  logStream?: NodeJS.WritableStream;
}

/** A readiness probe answers within this time even when the database does not (a held lock, a dead connection). */
const READY_TIMEOUT_MS = 2_000;
const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** Builds every service once; routes, workers and CLI commands share them. */
export function createServices({ config, database, keyring }: Omit<AppDeps, 'logStream'>) {
  const db = database.db;
  const limiters = RateLimiters.create(config.redisUrl, database);
  const metrics = new Metrics();
  const outbound = new Outbound({ allowedCidrs: config.outboundAllowedCidrs });
  const authRepo = new AuthRepository(db, database.dialect);
  const workspacesRepo = new WorkspacesRepository(db, database.dialect);
  const events = new EventBus(db, database.dialect);
  const audit = new AuditLog(new ActivityRepository(db), events);
  const access = new WorkspaceAccess(workspacesRepo);
  const resourceTypes = new ResourceTypes();
  const auth = new AuthService(authRepo, config, limiters);
  // Columns holding keyring blobs; modules register theirs (rotate-master-key walks them).
  const secrets = new SecretColumns();
  const aiKeys = createAiKeysService({ db, keyring, access, audit, limiters, outbound, resourceTypes, secrets });

  return {
    config,
    database,
    keyring,
    limiters,
    metrics,
    outbound,
    events,
    audit,
    access,
    resourceTypes,
    auth,
    tokens: new TokensService(db, authRepo, access, audit),
    workspaces: new WorkspacesService(db, workspacesRepo, access, audit),
    invitations: new InvitationsService(db, workspacesRepo, authRepo, access, audit, config),
    permissions: new PermissionsService(db, workspacesRepo, access, audit, resourceTypes),
    activity: new ActivityService(new ActivityRepository(db), access),
    webhooks: createWebhooks({ config, database, keyring, outbound, metrics, events, audit, access, resourceTypes, secrets }),
    secrets,
    aiKeys,
    aiGateway: createAiGateway({
      db, limiters, access, events, aiKeys, outbound, metrics,
      timeouts: { headersMs: config.aiUpstreamTimeoutMs, bodyMs: config.aiUpstreamIdleTimeoutMs },
    }),
  };
}

export type AppServices = ReturnType<typeof createServices>;

/** A registered route, as the route table knows it (tests walk it to check every route). */
export interface RouteSummary {
  methods: string[];
  url: string;
  config: FastifyContextConfig | undefined;
}

export async function buildApp(deps: AppDeps): Promise<{ app: AppInstance; services: AppServices; routes: RouteSummary[] }> {
  const services = createServices(deps);
  const app = Fastify({
    logger: { ...loggerOptions(deps.config.logLevel), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: INPUT_LIMITS.bodyBytes,
    // Errors the router raises before any route runs (malformed URL, over-long path parameter), in our error shape.
    frameworkErrors: frameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  services.limiters.onStoreError = (error) => app.log.warn({ err: error }, 'rate-limit store unavailable: limits cannot be checked');
  const routes: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    routes.push({ methods: [route.method].flat(), url: route.url, config: route.config });
  });
  registerErrorHandling(app);
  // Before any route: closes request schemas and refuses NUL bytes and deep JSON on every route.
  registerValidation(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'atrium API', version: '0.1.0', description: 'Workspaces, members, roles, invitations, activity, permissions, webhooks and BYOK AI keys.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Session token or `atr_…` API token' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'atrium_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerAuthentication(app, services.auth);

  registerSystemRoutes(app, services);

  await app.register(async (scoped) => {
    const api = scoped as unknown as AppInstance;
    // Each module's routes get only the services they call.
    registerAuthRoutes(api, { auth: services.auth, tokens: services.tokens, config: services.config });
    registerWorkspaceRoutes(api, { workspaces: services.workspaces, invitations: services.invitations, permissions: services.permissions });
    registerActivityRoutes(api, { activity: services.activity });
    registerWebhookRoutes(api, { webhooks: services.webhooks });
    registerAiKeyRoutes(api, { aiKeys: services.aiKeys });
  });

  await registerAiGateway(app, services.aiGateway);

  // The web console's production build; its SPA fallback only answers GETs no route claims.
  await registerWebUi(app);

  // Worker logs go where the app's go (tests capture them to prove no secret is written).
  services.webhooks.worker.log = app.log.child({ module: 'webhooks' });

  app.addHook('onClose', async () => {
    // Before the outbound agent closes: attempts in flight finish (bounded) and their results are written.
    await services.webhooks.stop();
    await services.limiters.close();
    await services.outbound.close();
  });

  return { app, services, routes };
}

/** The OpenAPI document, probes and metrics: the process's own routes, not a module's. */
function registerSystemRoutes(app: AppInstance, services: AppServices): void {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Liveness: the process and its in-process webhook worker are not stuck (a lost database is
  // readiness's business: restarting would not bring it back).
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Liveness: the process and its webhook claim loop are not stuck', security: [], response: { 200: Type.Object({ status: Type.Literal('ok') }), ...errors(503) } },
  }, async (_request, reply) => {
    const worker = services.webhooks.worker.health();
    if (!worker.live) return reply.status(503).send(errorBody('not_live', worker.message, { reason: worker.reason }));
    return { status: 'ok' as const };
  });

  app.get('/api/ready', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Readiness: the database answers and the in-process webhook worker works', security: [], response: { 200: Type.Object({ status: Type.Literal('ready') }), ...errors(503) } },
  }, async (request, reply) => {
    try {
      await withTimeout(ping(services.database.db), READY_TIMEOUT_MS);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send(errorBody('not_ready', 'Database unreachable', { reason: 'database_unavailable' }));
    }
    const worker = services.webhooks.worker.health();
    if (!worker.ok) return reply.status(503).send(errorBody('not_ready', worker.message, { reason: worker.reason }));
    return { status: 'ready' as const };
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', services.metrics.registry.contentType);
    return services.metrics.registry.metrics();
  });
}
