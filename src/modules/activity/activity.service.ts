import type { Principal } from '../auth/principal.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import type { ActivityFilter, ActivityRepository } from './activity.repository.js';

export class ActivityService {
  constructor(
    private readonly repo: ActivityRepository,
    private readonly access: WorkspaceAccess,
  ) {}

  /** Newest first; `next_cursor` is the id of the last row when more may follow. */
  async list(principal: Principal, workspaceId: string, filter: ActivityFilter) {
    await this.access.require(principal, workspaceId, 'activity.read');
    const rows = await this.repo.list(workspaceId, { ...filter, limit: filter.limit + 1 });
    const more = rows.length > filter.limit;
    const data = more ? rows.slice(0, filter.limit) : rows;
    return { data, nextCursor: more ? data[data.length - 1].id : null };
  }
}
