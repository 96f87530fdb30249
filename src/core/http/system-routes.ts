import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import { errorBody } from '../errors.js';
import type { AppInstance } from './instance.js';
import { errors } from './schemas.js';

/** Background work's own health as the probes report it (the webhook delivery worker's, today). */
type BackgroundHealth =
  | { ok: true; live: true; reason: null; message: null }
  | { ok: false; live: boolean; reason: string; message: string };

export interface SystemRouteDeps {
  /** Resolves when the database answers a trivial query. */
  ping: () => Promise<unknown>;
  /** Health of in-process background work: not live means stuck (restart), not ok means not ready. */
  background: () => BackgroundHealth;
  metrics: Registry;
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

/** The OpenAPI document, probes and metrics: the process's own routes, not a module's. */
export function registerSystemRoutes(app: AppInstance, deps: SystemRouteDeps): void {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Liveness: the process and its in-process background work are not stuck (a lost database is
  // readiness's business: restarting would not bring it back).
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Liveness: the process and its webhook claim loop are not stuck', security: [], response: { 200: Type.Object({ status: Type.Literal('ok') }), ...errors(503) } },
  }, async (_request, reply) => {
    const health = deps.background();
    if (!health.live) return reply.status(503).send(errorBody('not_live', health.message, { reason: health.reason }));
    return { status: 'ok' as const };
  });

  app.get('/api/ready', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Readiness: the database answers and the in-process webhook worker works', security: [], response: { 200: Type.Object({ status: Type.Literal('ready') }), ...errors(503) } },
  }, async (request, reply) => {
    try {
      await withTimeout(deps.ping(), READY_TIMEOUT_MS);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send(errorBody('not_ready', 'Database unreachable', { reason: 'database_unavailable' }));
    }
    const health = deps.background();
    if (!health.ok) return reply.status(503).send(errorBody('not_ready', health.message, { reason: health.reason }));
    return { status: 'ready' as const };
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', deps.metrics.contentType);
    return deps.metrics.metrics();
  });
}

/**
 * `atrium worker` has no API, but operators still need its metrics
 * (attempts, latency) and a health probe (503 with the reason when its claim
 * loop is stuck or its database or LISTEN connection is lost): a bare HTTP
 * listener for exactly those two.
 */
export async function serveWorkerProbe(listen: { port: number; host: string }, deps: Omit<SystemRouteDeps, 'ping'>): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      deps.metrics.metrics().then(
        (body) => res.writeHead(200, { 'content-type': deps.metrics.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    } else if (req.method === 'GET' && req.url === '/health') {
      // The worker is all this process does: its claim loop, database and LISTEN connection.
      const h = deps.background();
      if (h.ok) res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      else res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify(errorBody('worker_unhealthy', h.message, { reason: h.reason })));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(errorBody('route_not_found', 'Only /metrics and /health')));
    }
  });
  await new Promise<void>((resolve) => server.listen(listen.port, listen.host, resolve));
  return server;
}
