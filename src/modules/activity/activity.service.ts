import type { Principal } from '../identity/principal.js';
import type { ActivityFilter, ActivityRepository } from './activity.repository.js';

/** The membership check reading the log needs; the workspaces module's `WorkspaceAccess` provides it. */
export interface ActivityReadAccess {
  require(principal: Principal, workspaceId: string, action: 'activity.read'): Promise<unknown>;
}

export class ActivityService {
  constructor(
    private readonly repo: ActivityRepository,
    private readonly access: ActivityReadAccess,
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
