import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyContextConfig } from 'fastify';
import { randomUUID } from 'node:crypto';
import { trustProxyOption, type Config } from './core/config.js';
import { ping, type Database } from './core/db/database.js';
import { INPUT_LIMITS, registerValidation } from './core/http/boundary.js';
import { frameworkError, registerErrorHandling } from './core/http/error-handler.js';
import type { AppInstance } from './core/http/instance.js';
import { registerSystemRoutes } from './core/http/system-routes.js';
import { registerWebUi } from './core/http/web.js';
import type { Keyring } from './core/keyring.js';
import { AccessLog, createLogger } from './core/logger.js';
import { Metrics } from './core/metrics.js';
import type { AtriumModule, ModuleLog, ProcessRole } from './core/module.js';
import { Outbound } from './core/outbound.js';
import { SecretColumns } from './core/secrets.js';
import { RateLimiters } from './core/rate-limit.js';
import { createActivityModule } from './modules/activity/activity.module.js';
import { createAiGatewayModule } from './modules/ai-gateway/ai-gateway.module.js';
import { createAiKeysModule } from './modules/ai-keys/ai-keys.module.js';
import { createAuthModule, createUserDirectory } from './modules/auth/auth.module.js';
import { createEventsModule } from './modules/events/events.module.js';
import { createWebhooksModule } from './modules/webhooks/webhooks.module.js';
import { createWorkspaceAccess, createWorkspacesModule } from './modules/workspaces/workspaces.module.js';

// Tests that build the whole app take the instance type from here, with buildApp.
export type { AppInstance };

export interface AppDeps {
  config: Config;
  database: Database;
  keyring: Keyring;
  /** Where log lines go (default stdout); tests capture them to prove no secret is written. */
  logStream?: NodeJS.WritableStream;
}

/**
 * Builds core's shared parts and every feature module once, in graph order
 * (each module takes only modules below it); routes, workers and CLI
 * commands share them. `modules` lists them in that order for the
 * lifecycle calls below.
 */
export function createServices({ config, database, keyring, logStream }: AppDeps) {
  const db = database.db;
  const log: ModuleLog = createLogger(config.logLevel, logStream);
  const limiters = RateLimiters.create(config.redisUrl, database);
  limiters.onStoreError = (error) => log.warn({ err: error }, 'rate-limit store unavailable: limits cannot be checked');
  const metrics = new Metrics();
  const outbound = new Outbound({ allowedCidrs: config.outboundAllowedCidrs });

  const { dialect } = database;
  const events = createEventsModule({ db, dialect });
  // The member check is built first: the activity log below workspaces guards its reads with it.
  const access = createWorkspaceAccess(db, dialect);
  const activity = createActivityModule({ db, events: events.bus, access });
  const { audit } = activity;
  const workspaces = createWorkspacesModule({ db, dialect, config, access, audit, users: createUserDirectory(db, dialect) });
  const auth = createAuthModule({ db, dialect, config, limiters, access, audit });
  const webhooks = createWebhooksModule({ config, database, keyring, outbound, metrics, events: events.bus, audit, access, log });
  const aiKeys = createAiKeysModule({ db, keyring, access, audit, limiters, outbound, log });
  const aiGateway = createAiGatewayModule({
    db, limiters, access, events: events.bus, audit, aiKeys: aiKeys.service, outbound, metrics, log,
    timeouts: { headersMs: config.aiUpstreamTimeoutMs, bodyMs: config.aiUpstreamIdleTimeoutMs },
  });
  const modules: AtriumModule[] = [events, activity, workspaces, auth, webhooks, aiKeys, aiGateway];

  // What modules declare for the rest of atrium: sealed columns (rotate-master-key) and resource types that take grants.
  const secrets = new SecretColumns();
  for (const module of modules) {
    for (const column of module.secrets ?? []) secrets.register(column);
    for (const [type, lookup] of Object.entries(module.resourceTypes ?? {})) workspaces.resourceRegistry.register(type, lookup);
  }

  return { config, database, keyring, log, limiters, metrics, outbound, secrets, modules, events, activity, workspaces, auth, webhooks, aiKeys, aiGateway };
}

export type AppServices = ReturnType<typeof createServices>;

/** Starts each module's background work for this process role, in graph order (once the server listens). */
export function startModules(services: AppServices, role: ProcessRole): void {
  for (const module of services.modules) module.start?.(role);
}

/** Stops modules in reverse graph order (their last writes may still need what is below them), then core's shared clients. */
export async function stopServices(services: AppServices): Promise<void> {
  for (const module of [...services.modules].reverse()) await module.stop?.();
  await services.limiters.close();
  await services.outbound.close();
}

/** A registered route, as the route table knows it (tests walk it to check every route). */
export interface RouteSummary {
  methods: string[];
  url: string;
  config: FastifyContextConfig | undefined;
}

export async function buildApp(deps: AppDeps): Promise<{ app: AppInstance; services: AppServices; routes: RouteSummary[] }> {
  const services = createServices(deps);
  const app = Fastify({
    loggerInstance: services.log,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: INPUT_LIMITS.bodyBytes,
    // Errors the router raises before any route runs (malformed URL, over-long path parameter), in our error shape.
    frameworkErrors: frameworkError,
    logController: new AccessLog(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

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

  // Hooks that must see every route (authentication) come before any module's routes.
  for (const module of services.modules) module.hooks?.(app);

  registerSystemRoutes(app, {
    ping: () => ping(services.database.db),
    background: () => services.webhooks.worker.health(),
    metrics: services.metrics.registry,
  });

  await app.register(async (scoped) => {
    const api = scoped as unknown as AppInstance;
    for (const module of services.modules) await module.routes?.(api);
  });

  // The web console's production build; its SPA fallback only answers GETs no route claims.
  await registerWebUi(app);

  // Requests have drained when this runs: modules stop (usage and attempt results written), then core's clients close.
  app.addHook('onClose', async () => {
    await stopServices(services);
  });

  return { app, services, routes };
}
