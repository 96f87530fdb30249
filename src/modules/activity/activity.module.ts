import type { Db } from '../../core/db/database.js';
import type { AtriumModule } from '../../core/module.js';
import type { EventBus } from '../events/event-bus.js';
import { ActivityRepository } from './activity.repository.js';
import { registerActivityRoutes } from './activity.routes.js';
import { ActivityService, type ActivityReadAccess } from './activity.service.js';
import { AuditLog } from './audit.js';

export interface ActivityModule extends AtriumModule {
  /** Every change is recorded through it: the activity row and its outbox event, in the change's transaction. */
  audit: AuditLog;
  activity: ActivityService;
}

/** The activity log; `access` (the workspaces module's member check) decides who may read it. */
export function createActivityModule(deps: { db: Db; events: EventBus; access: ActivityReadAccess }): ActivityModule {
  const repo = new ActivityRepository(deps.db);
  const activity = new ActivityService(repo, deps.access);
  return {
    name: 'activity',
    audit: new AuditLog(repo, deps.events),
    activity,
    routes: (app) => registerActivityRoutes(app, { activity }),
  };
}
