import type { AppInstance } from '../../core/http/instance.js';
import { errors, list, NoContent } from '../../core/http/schemas.js';
import { auditContext } from '../identity/audit-context.js';
import { requireAuth } from '../identity/request.js';
import * as S from './ai-keys.schemas.js';
import type { AiKeysService } from './ai-keys.service.js';
import { PRICES_CHECKED_AT, PROVIDERS } from '../ai-providers/providers.js';

const tags = ['ai-keys'];

/** The key store's endpoints (the gateway adds `GET /api/ai-keys/{id}/usage`). */
export interface AiKeyRouteDeps {
  aiKeys: AiKeysService;
}

export function registerAiKeyRoutes(app: AppInstance, { aiKeys }: AiKeyRouteDeps): void {
  app.post('/api/ai-keys', {
    config: { scope: 'ai_keys:write' },
    schema: {
      tags,
      summary: 'Store a provider key (admin); the key is never returned, only its last 4 characters',
      body: S.CreateAiKeyBody,
      response: { 201: S.AiKey, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await aiKeys.create(requireAuth(request), request.body, auditContext(request))));

  app.get('/api/ai-keys', {
    schema: {
      tags,
      summary: "A workspace's keys, with this month's usage",
      querystring: S.ListAiKeysQuery,
      response: { 200: list(S.AiKey), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const q = request.query;
    return { data: await aiKeys.list(requireAuth(request), q.workspace_id, { provider: q.provider, isActive: q.is_active }) };
  });

  app.get('/api/ai-keys/providers', {
    schema: { tags, summary: 'Supported providers, what their keys look like, and model prices', response: { 200: S.ProviderList, ...errors(401) } },
  }, async () => ({ data: [...PROVIDERS], prices_checked_at: PRICES_CHECKED_AT }));

  app.get('/api/ai-keys/:id', {
    schema: { tags, summary: 'One key (never the key itself)', params: S.AiKeyParams, response: { 200: S.AiKey, ...errors(401, 403, 404) } },
  }, async (request) => aiKeys.get(requireAuth(request), request.params.id));

  app.patch('/api/ai-keys/:id', {
    config: { scope: 'ai_keys:write' },
    schema: {
      tags,
      summary: 'Change a key’s name, endpoint, limits, default or active flag (admin or write grant); a new api_key is a rotation without grace',
      params: S.AiKeyParams,
      body: S.UpdateAiKeyBody,
      response: { 200: S.AiKey, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => aiKeys.update(requireAuth(request), request.params.id, request.body, auditContext(request)));

  app.delete('/api/ai-keys/:id', {
    config: { scope: 'ai_keys:write' },
    schema: { tags, summary: 'Delete a key (admin or admin grant); its usage history stays', params: S.AiKeyParams, response: { 204: NoContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await aiKeys.delete(requireAuth(request), request.params.id, auditContext(request));
    return reply.status(204).send(null);
  });

  app.post('/api/ai-keys/:id/test', {
    config: { scope: 'ai_keys:write' },
    schema: {
      tags,
      summary: 'Make a minimal real call to the provider with the key (lists models)',
      description: 'ok | invalid_key (401/403) | rate_limited (429) | unreachable (no HTTP answer) | provider_error (anything else). Limited to a few tests per key per minute.',
      params: S.AiKeyParams,
      response: { 200: S.KeyTestResponse, ...errors(401, 403, 404, 429) },
    },
  }, async (request) => aiKeys.test(requireAuth(request), request.params.id));

  app.post('/api/ai-keys/:id/rotate', {
    config: { scope: 'ai_keys:write' },
    schema: {
      tags,
      summary: 'Replace the key: the new one serves new requests at once; id, limits and usage history stay',
      params: S.AiKeyParams,
      body: S.RotateAiKeyBody,
      response: { 200: S.AiKey, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => aiKeys.rotate(requireAuth(request), request.params.id, request.body, auditContext(request)));
}
