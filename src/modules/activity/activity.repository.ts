import type { Executor } from '../../core/db/database.js';
import type { ActivityTable } from './activity.tables.js';

export interface ActivityFilter {
  action?: string;
  actorId?: string;
  resourceType?: string;
  resourceId?: string;
  since?: number;
  until?: number;
  /** Return rows older than this id (ids are time-sortable). */
  before?: string;
  limit: number;
}

export class ActivityRepository {
  constructor(private readonly db: Executor) {}

  with(db: Executor): ActivityRepository {
    return new ActivityRepository(db);
  }

  async insert(row: ActivityTable): Promise<void> {
    await this.db.insertInto('activity').values(row).execute();
  }

  list(workspaceId: string, f: ActivityFilter): Promise<(ActivityTable & { actor_name: string | null })[]> {
    let q = this.db
      .selectFrom('activity as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .selectAll('a')
      .select('u.name as actor_name')
      .where('a.workspace_id', '=', workspaceId);
    if (f.action) q = f.action.endsWith('.*') ? q.where('a.action', 'like', `${f.action.slice(0, -1)}%`) : q.where('a.action', '=', f.action);
    if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
    if (f.resourceType) q = q.where('a.resource_type', '=', f.resourceType);
    if (f.resourceId) q = q.where('a.resource_id', '=', f.resourceId);
    if (f.since !== undefined) q = q.where('a.created_at', '>=', f.since);
    if (f.until !== undefined) q = q.where('a.created_at', '<', f.until);
    if (f.before) q = q.where('a.id', '<', f.before);
    return q.orderBy('a.id', 'desc').limit(f.limit).execute();
  }
}
