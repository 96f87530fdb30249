import type { AppInstance } from '../../core/http/instance.js';
import { errors, list, NoContent } from '../../core/http/schemas.js';
import { auditContext } from '../identity/audit-context.js';
import { requireAuth } from '../identity/request.js';
import * as S from './ai-routes.schemas.js';
import type { AiRoutesService } from './ai-routes.service.js';

const tags = ['ai-routes'];

/** `/api/ai-routes`: a workspace's gateway routes (ADR 0008). */
export function registerAiRouteRoutes(app: AppInstance, routes: AiRoutesService): void {
  app.post('/api/ai-routes', {
    config: { scope: 'ai_keys:write' },
    schema: {
      tags,
      summary: 'Define a route: a model name (e.g. `smart`) served by AI key targets with retries and fallbacks (admin)',
      body: S.CreateAiRouteBody,
      response: { 201: S.AiRoute, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await routes.create(requireAuth(request), request.body, auditContext(request))));

  app.get('/api/ai-routes', {
    schema: { tags, summary: "A workspace's routes", querystring: S.ListAiRoutesQuery, response: { 200: list(S.AiRoute), ...errors(400, 401, 403, 404) } },
  }, async (request) => ({ data: await routes.list(requireAuth(request), request.query.workspace_id) }));

  app.get('/api/ai-routes/:id', {
    schema: { tags, summary: 'One route', params: S.AiRouteParams, response: { 200: S.AiRoute, ...errors(401, 403, 404) } },
  }, async (request) => routes.get(requireAuth(request), request.params.id));

  app.patch('/api/ai-routes/:id', {
    config: { scope: 'ai_keys:write' },
    schema: {
      tags,
      summary: "Change a route's name, strategy, targets, retry or circuit-breaker settings (admin)",
      params: S.AiRouteParams,
      body: S.UpdateAiRouteBody,
      response: { 200: S.AiRoute, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => routes.update(requireAuth(request), request.params.id, request.body, auditContext(request)));

  app.delete('/api/ai-routes/:id', {
    config: { scope: 'ai_keys:write' },
    schema: { tags, summary: 'Delete a route (admin); its usage history stays', params: S.AiRouteParams, response: { 204: NoContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await routes.delete(requireAuth(request), request.params.id, auditContext(request));
    return reply.status(204).send(null);
  });
}
