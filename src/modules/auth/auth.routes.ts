import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { randomToken } from '../../core/crypto.js';
import type { Config } from '../../core/config.js';
import type { AppInstance } from '../../core/http/instance.js';
import { errors, list, NoContent } from '../../core/http/schemas.js';
import { auditContext } from '../identity/audit-context.js';
import { requireAuth, requireSession } from '../identity/request.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.plugin.js';
import { presentApiToken, presentUser } from './auth.presenters.js';
import { ApiToken, CreateApiTokenBody, CreatedApiToken, LoginBody, RegisterBody, SessionResponse, User } from './auth.schemas.js';
import type { AuthService } from './auth.service.js';
import type { TokensService } from './tokens.service.js';

const meta = (request: FastifyRequest) => ({ ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null });

export interface AuthRouteDeps {
  auth: AuthService;
  tokens: TokensService;
  /** Session cookie attributes. */
  config: Pick<Config, 'cookieSecure' | 'sessionTtlMs'>;
}

export function registerAuthRoutes(app: AppInstance, { auth, tokens, config }: AuthRouteDeps): void {
  sessionRoutes(app, auth, config);
  tokenRoutes(app, tokens);
}

/** Accounts and sessions: register, sign in and out, who am I. */
function sessionRoutes(app: AppInstance, auth: AuthRouteDeps['auth'], config: AuthRouteDeps['config']): void {
  /** The web UI's session: HttpOnly cookie plus a readable CSRF cookie for double-submit. */
  function setSessionCookies(reply: FastifyReply, token: string) {
    const common = { path: '/', sameSite: 'lax' as const, secure: config.cookieSecure, maxAge: config.sessionTtlMs / 1000 };
    reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, randomToken(18), { ...common, httpOnly: false });
  }

  app.post('/api/auth/register', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Create an account and sign in',
      body: RegisterBody,
      response: { 201: SessionResponse, ...errors(400, 409) },
    },
  }, async (request, reply) => {
    const { user, token } = await auth.register(request.body, meta(request));
    setSessionCookies(reply, token);
    return reply.status(201).send({ user: presentUser(user), token });
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password',
      body: LoginBody,
      response: { 200: SessionResponse, ...errors(400, 401, 429) },
    },
  }, async (request, reply) => {
    const { user, token } = await auth.login(request.body, meta(request));
    setSessionCookies(reply, token);
    return { user: presentUser(user), token };
  });

  app.post('/api/auth/logout', {
    config: { sessionOnly: true },
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: NoContent, ...errors(401) } },
  }, async (request, reply) => {
    await auth.logout(requireAuth(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Type.Object({ user: User }), ...errors(401) } },
  }, async (request) => {
    const user = await auth.getUser(requireAuth(request).userId);
    return { user: presentUser(user) };
  });
}

/** API tokens: account-level, so a signed-in user only. */
function tokenRoutes(app: AppInstance, tokens: AuthRouteDeps['tokens']): void {
  app.post('/api/tokens', {
    config: { sessionOnly: true },
    schema: {
      tags: ['tokens'],
      summary: 'Create an API token for one workspace (shown once)',
      body: CreateApiTokenBody,
      response: { 201: CreatedApiToken, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { row, token } = await tokens.create(requireSession(request), request.body, auditContext(request));
    return reply.status(201).send({ ...presentApiToken(row), token });
  });

  app.get('/api/tokens', {
    schema: { tags: ['tokens'], summary: 'My API tokens (prefix only)', response: { 200: list(ApiToken), ...errors(401, 403) } },
  }, async (request) => {
    const rows = await tokens.list(requireSession(request));
    return { data: rows.map(presentApiToken) };
  });

  app.delete('/api/tokens/:id', {
    config: { sessionOnly: true },
    schema: {
      tags: ['tokens'],
      summary: 'Revoke an API token',
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      response: { 204: NoContent, ...errors(401, 403, 404) },
    },
  }, async (request, reply) => {
    await tokens.revoke(requireSession(request), request.params.id, auditContext(request));
    return reply.status(204).send(null);
  });
}
