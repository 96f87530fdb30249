import { Type } from 'typebox';
import type { AppInstance } from '../../core/http/instance.js';
import { errors, Id, list, NoContent } from '../../core/http/schemas.js';
import { auditContext } from '../identity/audit-context.js';
import { requireAuth } from '../identity/request.js';
import * as S from './budgets.schemas.js';
import type { BudgetsService } from './budgets.service.js';
import type { ConsumerLevel } from './budgets.tables.js';
import { toCsv } from './csv.js';

const tags = ['ai budgets'];

/** The three subjects: where their limits live under the workspace, and how the route names the subject. */
const SUBJECTS: Array<{ level: ConsumerLevel; path: string; params: ReturnType<typeof Type.Object>; subject: (p: Record<string, string>) => string }> = [
  { level: 'workspace', path: '/api/workspaces/:id/ai-limits/workspace', params: Type.Object({ id: Id('Workspace id') }), subject: (p) => p.id },
  { level: 'member', path: '/api/workspaces/:id/ai-limits/members/:userId', params: Type.Object({ id: Id('Workspace id'), userId: Id('The member’s user id') }), subject: (p) => p.userId },
  { level: 'token', path: '/api/workspaces/:id/ai-limits/tokens/:tokenId', params: Type.Object({ id: Id('Workspace id'), tokenId: Id('API token id') }), subject: (p) => p.tokenId },
];

export function registerBudgetRoutes(app: AppInstance, budgets: BudgetsService): void {
  app.get('/api/workspaces/:id/ai-limits', {
    schema: { tags, summary: 'Gateway limits set in a workspace (workspace, members, tokens)', params: Type.Object({ id: Id('Workspace id') }), response: { 200: list(S.Limits), ...errors(401, 403, 404) } },
  }, async (request) => budgets.list(requireAuth(request), request.params.id));

  for (const s of SUBJECTS) {
    const params = s.params;
    app.get(s.path, {
      schema: { tags, summary: `Gateway limits of the ${s.level} (nulls when none are set)`, params, response: { 200: S.Limits, ...errors(401, 403, 404) } },
    }, async (request) => {
      const p = request.params as Record<string, string>;
      return budgets.get(requireAuth(request), p.id, s.level, s.subject(p));
    });
    app.put(s.path, {
      config: { scope: 'ai_keys:write' },
      schema: { tags, summary: `Set the gateway limits of the ${s.level} (admin): rpm, tpm, monthly request and cost caps, allowed models/providers`, params, body: S.LimitsBody, response: { 200: S.Limits, ...errors(400, 401, 403, 404) } },
    }, async (request) => {
      const p = request.params as Record<string, string>;
      return budgets.set(requireAuth(request), p.id, s.level, s.subject(p), request.body, auditContext(request));
    });
    app.delete(s.path, {
      config: { scope: 'ai_keys:write' },
      schema: { tags, summary: `Clear the gateway limits of the ${s.level} (admin)`, params, response: { 204: NoContent, ...errors(401, 403, 404) } },
    }, async (request, reply) => {
      const p = request.params as Record<string, string>;
      await budgets.clear(requireAuth(request), p.id, s.level, s.subject(p), auditContext(request));
      return reply.status(204).send(null);
    });
  }

  app.get('/api/workspaces/:id/ai-usage', {
    schema: {
      tags,
      summary: 'Gateway usage of a workspace grouped by token, member, key, model or day, as JSON or CSV',
      description: 'Admins see every request; other members their own. `format=csv` or `Accept: text/csv` answers text/csv (cells starting with = + - @ are prefixed with \').',
      params: Type.Object({ id: Id('Workspace id') }),
      querystring: S.ReportQuery,
      response: { 200: S.Report, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const q = request.query;
    const report = await budgets.report(requireAuth(request), request.params.id, q);
    const csv = q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));
    if (!csv) return report;
    const body = toCsv(
      [report.group_by, 'label', 'requests', 'errors', 'input_tokens', 'output_tokens', 'reasoning_tokens', 'cost_micros', 'cost_usd'],
      report.data.map((r) => [r.group, r.label, r.requests, r.errors, r.input_tokens, r.output_tokens, r.reasoning_tokens, r.cost_micros, r.cost_usd]),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ai-usage-${report.group_by}-${report.from}-${report.to}.csv"`)
      .serializer((payload: unknown) => payload as string)
      // The CSV text bypasses the JSON response schema (its own serializer above).
      .send(body as never);
  });
}
