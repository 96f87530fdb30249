import type { FastifyInstance, FastifyRequest } from 'fastify';
import { safeEqual } from '../../core/crypto.js';
import { AppError, Errors } from '../../core/errors.js';
import { holdsScope, WRITE_SCOPES } from '../policy/policy.js';
// The request fields and route config this plugin fills and enforces.
import '../identity/request.js';
import type { AuthService } from './auth.service.js';

export const SESSION_COOKIE = 'atrium_session';
export const CSRF_COOKIE = 'atrium_csrf';
const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller on every request: `Authorization: Bearer …` (session or
 * `atr_` API token), `x-api-key` on /v1 (Anthropic's clients), or the web UI's
 * session cookie. Cookie-authenticated
 * writes must echo the CSRF cookie in a header (double-submit), which a
 * cross-site page cannot read.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // Only the API and the gateway have callers; static files, docs and
    // metrics need no session lookup.
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/v1/')) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError('unauthenticated', 'Authorization header must be "Bearer <token>"');
      request.principal = await auth.authenticate(match[1], false);
      if (!request.principal) throw new AppError('unauthenticated', 'Invalid or expired token');
      return;
    }
    // Anthropic's clients and tools built on them send the key as x-api-key: the gateway (/v1) takes a token there too.
    const apiKey = request.url.startsWith('/v1/') ? request.headers['x-api-key'] : undefined;
    if (typeof apiKey === 'string') {
      request.principal = await auth.authenticate(apiKey.trim(), false);
      if (!request.principal) throw new AppError('unauthenticated', 'Invalid or expired token');
      return;
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!cookie) return;
    request.principal = await auth.authenticate(cookie, true);
    if (request.principal && request.principal.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.cookies[CSRF_COOKIE];
      if (typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header for a cookie-authenticated request`);
      }
    }
  });
  // Every /api route needs a caller unless it says it is public. Checked before
  // body validation so an anonymous caller learns nothing about the schema.
  app.addHook('onRoute', (route) => {
    const api = route.url.startsWith('/api/');
    // The gateway (/v1) authenticates its callers itself, in OpenAI's error shape.
    if ((!api && !route.url.startsWith('/v1/')) || route.config?.public) return;
    const checks = api ? [requireCaller] : [];
    const methods = [route.method].flat();
    if (methods.some((m) => !SAFE_METHODS.has(m))) {
      // A state-changing route that forgot to say who may call it would be
      // open to read-only tokens: refuse to start instead.
      const { scope, sessionOnly } = route.config ?? {};
      if (!sessionOnly && !(scope && (WRITE_SCOPES as readonly string[]).includes(scope))) {
        throw new Error(`${methods.join(',')} ${route.url} changes state: declare config.scope (a write scope) or config.sessionOnly`);
      }
      checks.push(requireWriteAccess);
    }
    route.preValidation = [...checks, ...(route.preValidation ? [route.preValidation].flat() : [])];
  });
}

async function requireCaller(request: FastifyRequest): Promise<void> {
  if (!request.principal) throw Errors.unauthenticated();
}

async function requireWriteAccess(request: FastifyRequest): Promise<void> {
  const principal = request.principal;
  if (principal?.kind !== 'token') return;
  const { scope, sessionOnly } = request.routeOptions.config;
  if (sessionOnly) throw Errors.forbidden('API tokens cannot do this; sign in as a user');
  if (scope && !holdsScope(principal.scopes, scope)) throw Errors.forbidden(`This API token lacks the ${scope} scope`);
}
