import { Type } from 'typebox';
import { fromJson } from '../../core/db/json.js';
import type { AppInstance } from '../../core/http/instance.js';
import { errors, IsoTime, Nullable, page } from '../../core/http/schemas.js';
import { toIso } from '../../core/time.js';
import { requireAuth } from '../identity/request.js';
import type { ActivityService } from './activity.service.js';
import type { ActivityTable } from './activity.tables.js';

const Activity = Type.Object({
  id: Type.String(),
  workspace_id: Type.String(),
  actor: Type.Object({ type: Type.String(), id: Nullable(Type.String()), name: Nullable(Type.String()) }),
  action: Type.String(),
  resource: Type.Object({ type: Type.String(), id: Nullable(Type.String()), name: Nullable(Type.String()) }),
  details: Type.Record(Type.String(), Type.Any()),
  request_id: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  user_agent: Nullable(Type.String()),
  created_at: IsoTime,
});

const ActivityQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  action: Type.Optional(Type.String({ maxLength: 100, description: 'exact action, or a prefix such as `member.*`' })),
  actor_id: Type.Optional(Type.String({ maxLength: 64 })),
  resource_type: Type.Optional(Type.String({ maxLength: 32 })),
  resource_id: Type.Optional(Type.String({ maxLength: 64 })),
  since: Type.Optional(Type.String({ format: 'date-time' })),
  until: Type.Optional(Type.String({ format: 'date-time' })),
});

function presentActivity(a: ActivityTable & { actor_name?: string | null }) {
  return {
    id: a.id,
    workspace_id: a.workspace_id,
    actor: { type: a.actor_type, id: a.actor_id, name: a.actor_name ?? null },
    action: a.action,
    resource: { type: a.resource_type, id: a.resource_id, name: a.resource_name },
    details: fromJson<Record<string, unknown>>(a.details, {}),
    request_id: a.request_id,
    ip: a.ip,
    user_agent: a.user_agent,
    created_at: toIso(a.created_at),
  };
}

export interface ActivityRouteDeps {
  activity: ActivityService;
}

export function registerActivityRoutes(app: AppInstance, { activity }: ActivityRouteDeps): void {
  app.get('/api/workspaces/:id/activity', {
    schema: {
      tags: ['activity'],
      summary: 'The audit log, newest first, with cursor pagination and filters',
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      querystring: ActivityQuery,
      response: { 200: page(Activity), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const q = request.query;
    const { data, nextCursor } = await activity.list(requireAuth(request), request.params.id, {
      action: q.action,
      actorId: q.actor_id,
      resourceType: q.resource_type,
      resourceId: q.resource_id,
      since: q.since ? Date.parse(q.since) : undefined,
      until: q.until ? Date.parse(q.until) : undefined,
      before: q.cursor,
      limit: q.limit,
    });
    return { data: data.map(presentActivity), next_cursor: nextCursor };
  });
}
