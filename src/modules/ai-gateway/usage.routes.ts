import { Type } from 'typebox';
import type { AppInstance } from '../../core/http/instance.js';
import { errors, Id, Nullable } from '../../core/http/schemas.js';
import { requireAuth } from '../identity/request.js';
import type { AiUsageService } from './usage.service.js';

const Summary = {
  requests: Type.Integer(),
  errors: Type.Integer({ description: 'Requests answered with a status >= 400' }),
  input_tokens: Type.Integer(),
  output_tokens: Type.Integer({ description: 'Reasoning tokens included' }),
  reasoning_tokens: Type.Integer({ description: 'The part of output_tokens the model spent reasoning (thinking)' }),
  cost_micros: Type.Integer({ description: 'Integer micro-dollars' }),
  cost_usd: Type.Number(),
  average_latency_ms: Nullable(Type.Integer()),
};

const UsageReportSchema = Type.Object({
  key_id: Type.String(),
  currency: Type.Literal('USD'),
  totals: Type.Object(Summary, { description: 'Since the key was created' }),
  this_month: Type.Object({ period: Type.String({ description: 'YYYY-MM (UTC)' }), ...Summary }),
  days: Type.Integer(),
  daily: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD (UTC)' }), ...Summary }), { description: 'One entry per day of the window, oldest first, zero-filled' }),
  by_model: Type.Array(
    Type.Object({ model: Type.String(), provider: Type.String(), priced: Type.Boolean({ description: 'false: the catalog has no price for this model (cost 0)' }), ...Summary }),
    { description: 'Over the same window as daily' },
  ),
});

export function registerAiUsageRoutes(app: AppInstance, usage: AiUsageService): void {
  app.get('/api/ai-keys/:id/usage', {
    schema: {
      tags: ['ai keys'],
      summary: 'Usage of an AI key: totals, this month, a daily series and a breakdown by model',
      params: Type.Object({ id: Id('AI key id') }),
      querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30, description: 'Window of the daily series and the model breakdown' })) }),
      response: { 200: UsageReportSchema, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => usage.report(requireAuth(request), request.params.id, request.query.days ?? 30));
}
